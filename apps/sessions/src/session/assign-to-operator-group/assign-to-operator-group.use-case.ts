import { Injectable } from '@nestjs/common';
import { LineSessionData, LinesRpc, RpcParsedRequest } from '@openlines/contracts';
import { SessionErrors } from '../domain/session.errors';
import { toSessionData } from '../persistence/session.schema';
import { SessionChanges } from '../session-changes.service';
import { SessionCommandGuard } from '../session-command.guard';

export type AssignToOperatorGroupRequest = RpcParsedRequest<typeof LinesRpc.sessions.assignToOperatorGroup>;

/** [doc] The group must be one of the line's operator groups; the session waits in its queue. */
@Injectable()
export class AssignToOperatorGroupUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly changes: SessionChanges,
  ) {}

  async execute(request: AssignToOperatorGroupRequest): Promise<LineSessionData> {
    const { session, line, next } = await this.guard.prepare(request.sessionId, request.actor, 'assignToOperatorGroup');
    if (!line._operatorGroups.includes(request.groupId)) {
      throw SessionErrors.forbidden('assignToOperatorGroup', 'the group is not an operator group of the line', {
        sessionId: session.__id,
        groupId: request.groupId,
      });
    }
    const saved = await this.changes.apply(
      session,
      { set: { _state: next, _userGroupId: request.groupId }, unset: ['_userId', '_botId'] },
      { actor: request.actor, now: new Date(), reason: 'assignToOperatorGroup' },
    );
    return toSessionData(saved);
  }
}
