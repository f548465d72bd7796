import { Injectable } from '@nestjs/common';
import { LineSessionData, LinesRpc, RpcParsedRequest } from '@openlines/contracts';
import { SessionErrors } from '../domain/session.errors';
import { toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';

export type AssignToBotRequest = RpcParsedRequest<typeof LinesRpc.sessions.assignToBot>;

/**
 * [doc] `assignToBot(silent?)`: only when the line has a bot. `silent` (the bot does not start)
 * travels on the SessionReassigned event as `silent: true`.
 */
@Injectable()
export class AssignToBotUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly changes: SessionChanges,
  ) {}

  async execute(request: AssignToBotRequest): Promise<LineSessionData> {
    const { session, line, next } = await this.guard.prepare(request.sessionId, request.actor, 'assignToBot');
    if (line._bot === undefined) throw SessionErrors.lineHasNoBot(line.__id, session._state);
    const saved = await this.changes.apply(
      session,
      { set: { _state: next, _botId: line._bot }, unset: ['_userId'] },
      { actor: request.actor, now: new Date(), reason: 'assignToBot', silent: request.silent },
    );
    return toSessionData(saved);
  }
}
