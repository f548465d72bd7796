import { Injectable } from '@nestjs/common';
import { LineSessionData, LinesRpc, RpcParsedRequest, canMarkSessionsAsSpam } from '@openlines/contracts';
import { LineDirectory } from '../../directory/directory.ports';
import { SessionErrors } from '../domain/session.errors';
import { toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';

export type MarkAsSpamRequest = RpcParsedRequest<typeof LinesRpc.sessions.markAsSpam>;

/**
 * [doc] `markAsSpam()`: like closing, but left out of reports; not for `internal` and `support`
 * channels; only online operators and supervisors. The state before is kept for un-spam.
 */
@Injectable()
export class MarkAsSpamUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly directory: LineDirectory,
    private readonly changes: SessionChanges,
  ) {}

  async execute(request: MarkAsSpamRequest): Promise<LineSessionData> {
    const { session, next } = await this.guard.prepare(request.sessionId, request.actor, 'markAsSpam');
    const channel = await this.directory.getChannel(session._channel);
    if (!canMarkSessionsAsSpam(channel._type)) throw SessionErrors.spamNotAllowed(channel._type, session._state);
    const saved = await this.changes.apply(
      session,
      { set: { _state: next, _stateBeforeSpam: session._state } },
      { actor: request.actor, now: new Date() },
    );
    return toSessionData(saved);
  }
}
