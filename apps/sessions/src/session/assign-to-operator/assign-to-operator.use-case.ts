import { Injectable } from '@nestjs/common';
import { LineSessionData, LineSessionState, LinesRpc, RpcParsedRequest } from '@openlines/contracts';
import { OperatorRepository } from '../../operator/persistence/operator.repository';
import { OperatorAssignment } from '../../routing/operator-assignment.service';
import { SessionErrors } from '../domain/session.errors';
import { toSessionData } from '../persistence/session.schema';
import { SessionCommandGuard } from '../session-command.guard';

export type AssignToOperatorRequest = RpcParsedRequest<typeof LinesRpc.sessions.assignToOperator>;

/**
 * [doc] `assignToOperator(operator)`; the operator must be an operator of the line [ours]. An
 * operator taking a session from the queue (manual distribution) races with colleagues: the
 * first compare-and-set wins, every other gets CONFLICT, also when it reads the session after the
 * winner wrote (then it is simply no longer in the queue).
 */
@Injectable()
export class AssignToOperatorUseCase {
  constructor(
    private readonly guard: SessionCommandGuard,
    private readonly operators: OperatorRepository,
    private readonly assignment: OperatorAssignment,
  ) {}

  async execute(request: AssignToOperatorRequest): Promise<LineSessionData> {
    const { session, line, actor } = await this.guard.prepare(
      request.sessionId,
      request.actor,
      'assignToOperator',
      request.operatorId,
    );
    const target = await this.operators.findById(request.operatorId);
    if (target === null || !target._groups.some((group) => line._operatorGroups.includes(group))) {
      throw SessionErrors.forbidden('assignToOperator', 'the target is not an operator of the line', {
        sessionId: session.__id,
        operatorId: request.operatorId,
      });
    }
    const takingForThemself = actor.type === 'operator' && actor.id === request.operatorId && !actor.isSupervisor;
    const assignedToOther =
      session._state === LineSessionState.AssignedToOperator && session._userId !== request.operatorId;
    if (takingForThemself && assignedToOther) {
      throw SessionErrors.alreadyTaken(session.__id, session._state, session._userId);
    }
    const outcome = await this.assignment.tryAssign(session, line, request.operatorId, {
      actor: request.actor,
      now: new Date(),
      reason: 'assignToOperator',
    });
    if (outcome.ok) return toSessionData(outcome.session);
    if (outcome.why === 'capacity') throw SessionErrors.atCapacity(request.operatorId, line._operatorCapacity);
    throw SessionErrors.changedConcurrently(session.__id);
  }
}
