import { Injectable } from '@nestjs/common';
import { LineData, LineSessionData, LineSessionState, LinesRpc, RpcParsedRequest } from '@openlines/contracts';
import { OperatorAssignment } from '../../routing/operator-assignment.service';
import { SessionErrors, isConflict } from '../domain/session.errors';
import { isLastInChain } from '../domain/session-chain.rules';
import { restoreAfterSpam } from '../domain/session.rules';
import { SessionRepository } from '../persistence/session.repository';
import { SessionDocument, toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';
import { WriteContext } from '../session.writer';

export type UnmarkAsSpamRequest = RpcParsedRequest<typeof LinesRpc.sessions.unmarkAsSpam>;

/**
 * [doc] `unmarkAsSpam()`: back to work with the same operator and priority, only for the last
 * session of the client's chain on the line (else INVALID_TRANSITION); never by an offline
 * operator. An operator without a free seat gets it back through the queue.
 */
@Injectable()
export class UnmarkAsSpamUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly sessions: SessionRepository,
    private readonly assignment: OperatorAssignment,
    private readonly changes: SessionChanges,
  ) {}

  async execute(request: UnmarkAsSpamRequest): Promise<LineSessionData> {
    const { session, line } = await this.guard.prepare(request.sessionId, request.actor, 'unmarkAsSpam');
    const chain = await this.sessions.chainOf(session._line, session._clients[0]);
    const links = chain.map((s) => ({ id: s.__id, createdAt: s.__createdAt, createdTick: s._createdTick }));
    const self = { id: session.__id, createdAt: session.__createdAt, createdTick: session._createdTick };
    if (!isLastInChain(self, links)) throw SessionErrors.notLastInChain(session.__id, session._state);
    const context: WriteContext = { actor: request.actor, now: new Date(), reason: 'unmarkAsSpam' };
    try {
      return toSessionData(await this.restore(session, line, context));
    } catch (error) {
      const open = isConflict(error) ? await this.sessions.findOpen(session._line, session._clients[0]) : null;
      throw open !== null && open.__id !== session.__id ? SessionErrors.openSessionExists(open.__id) : error;
    }
  }

  private async restore(
    session: SessionDocument,
    line: LineData,
    context: WriteContext,
  ): Promise<SessionDocument> {
    const before = session._stateBeforeSpam;
    if (before === LineSessionState.AssignedToOperator && session._userId !== undefined) {
      const outcome = await this.assignment.tryAssign(session, line, session._userId, context, { unset: ['_stateBeforeSpam'] });
      if (outcome.ok) return outcome.session;
      if (outcome.why === 'moved') throw SessionErrors.changedConcurrently(session.__id);
    }
    const state = restoreAfterSpam(before, false);
    const unset: (keyof SessionDocument)[] = ['_stateBeforeSpam'];
    if (state === LineSessionState.Waiting) unset.push('_userId');
    return this.changes.apply(session, { set: { _state: state }, unset }, context);
  }
}
