import { Injectable } from '@nestjs/common';
import { LineSessionData, LinesRpc, RpcParsedRequest } from '@openlines/contracts';
import { toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';

export type SetPriorityRequest = RpcParsedRequest<typeof LinesRpc.sessions.setPriority>;

/** [ours] `setPriority(priority)`: reorders the queue of a waiting session at once. */
@Injectable()
export class SetPriorityUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly changes: SessionChanges,
  ) {}

  async execute(request: SetPriorityRequest): Promise<LineSessionData> {
    const { session } = await this.guard.prepare(request.sessionId, request.actor, 'setPriority');
    const saved = await this.changes.apply(session, { set: { _priority: request.priority } }, { actor: request.actor, now: new Date() });
    return toSessionData(saved);
  }
}
