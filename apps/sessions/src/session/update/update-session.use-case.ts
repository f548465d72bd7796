import { Injectable } from '@nestjs/common';
import { LineSessionData, LinesRpc, RpcParsedRequest } from '@openlines/contracts';
import { toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';

export type UpdateSessionRequest = RpcParsedRequest<typeof LinesRpc.sessions.update>;

/** The writable fields [doc]: `__name` and the linked request app items `_apps` (replaced). */
@Injectable()
export class UpdateSessionUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly changes: SessionChanges,
  ) {}

  async execute(request: UpdateSessionRequest): Promise<LineSessionData> {
    const { session } = await this.guard.prepare(request.sessionId, request.actor, 'update');
    const saved = await this.changes.apply(session, { set: { ...request.data } }, { actor: request.actor, now: new Date() });
    return toSessionData(saved);
  }
}
