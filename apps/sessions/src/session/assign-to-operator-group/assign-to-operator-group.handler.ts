import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionAssignToOperatorGroupRequestSchema, validate } from '@openlines/contracts';
import { AssignToOperatorGroupUseCase } from './assign-to-operator-group.use-case';

@Controller()
export class AssignToOperatorGroupHandler {
  constructor(private readonly useCase: AssignToOperatorGroupUseCase) {}

  @MessagePattern(LinesRpc.sessions.assignToOperatorGroup)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionAssignToOperatorGroupRequestSchema, payload, `${LinesRpc.sessions.assignToOperatorGroup} request`));
  }
}
