import { Injectable } from '@nestjs/common';
import {
  LinesRpc,
  OpenLinesError,
  OperatorData,
  OperatorStatusType,
  RpcParsedRequest,
  SYSTEM_ACTOR,
} from '@openlines/contracts';
import { isConflict, retryOnConflict } from '@openlines/messaging';
import { LineDirectory } from '../../directory/directory.ports';
import { nextState } from '../../session/domain/session.rules';
import { SessionRepository } from '../../session/persistence/session.repository';
import { SessionChanges } from '../../session/session-changes.service';
import { OperatorRoutingNotifier } from '../operator-routing.notifier';
import { OperatorRepository } from '../persistence/operator.repository';
import { toOperatorData } from '../persistence/operator.schema';

export type SetOperatorStatusRequest = RpcParsedRequest<typeof LinesRpc.operators.setStatus>;

/**
 * Presence. Coming online routes the queues at once; going offline keeps the operator's
 * sessions, except on lines with `_requeueOnOffline`, whose sessions go back to the queue.
 * `away` keeps answering own sessions but gets no new ones.
 */
@Injectable()
export class SetOperatorStatusUseCase {
  constructor(
    private readonly operators: OperatorRepository,
    private readonly sessions: SessionRepository,
    private readonly directory: LineDirectory,
    private readonly changes: SessionChanges,
    private readonly notifier: OperatorRoutingNotifier,
  ) {}

  async execute(request: SetOperatorStatusRequest): Promise<OperatorData> {
    const result = await this.operators.setStatus(request.operatorId, request.status, new Date().toISOString());
    if (result === null) throw OpenLinesError.notFound('operator', request.operatorId);
    const { before, after } = result;
    if (before._status !== after._status) {
      if (after._status === OperatorStatusType.online) await this.notifier.operatorAvailable();
      if (after._status === OperatorStatusType.offline) await this.requeueSessionsOf(after.__id);
    }
    return toOperatorData(after);
  }

  private async requeueSessionsOf(operatorId: string): Promise<void> {
    for (const session of await this.sessions.activeOf(operatorId)) {
      const line = await this.directory.getLine(session._line);
      if (!line._requeueOnOffline) continue;
      await retryOnConflict(async () => {
        const current = await this.sessions.findById(session.__id);
        // Re-read: it may have been closed or reassigned meanwhile.
        const next = current === null ? undefined : nextState('requeue', current._state);
        if (current === null || current._userId !== operatorId || !next?.ok) return;
        await this.changes.apply(
          current,
          { set: { _state: next.state }, unset: ['_userId'] },
          { actor: SYSTEM_ACTOR, now: new Date(), reason: 'operatorOffline' },
        );
      }, 10, isConflict);
    }
  }
}
