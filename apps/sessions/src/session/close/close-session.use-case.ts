import { Injectable } from '@nestjs/common';
import { LineSessionData, LinesRpc, RpcParsedRequest } from '@openlines/contracts';
import { toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';

export type CloseSessionRequest = RpcParsedRequest<typeof LinesRpc.sessions.close>;

/**
 * [doc] `close()`: an active session, by its operator or bot (or a supervisor [ours]). The
 * operator keeps `_userId` (who handled it); their capacity seat is freed and the line routed.
 */
@Injectable()
export class CloseSessionUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly changes: SessionChanges,
  ) {}

  async execute(request: CloseSessionRequest): Promise<LineSessionData> {
    const { session, next } = await this.guard.prepare(request.sessionId, request.actor, 'close');
    const saved = await this.changes.apply(session, { set: { _state: next } }, { actor: request.actor, now: new Date() });
    return toSessionData(saved);
  }
}
