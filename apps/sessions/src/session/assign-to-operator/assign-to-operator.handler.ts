import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionAssignToOperatorRequestSchema, validate } from '@openlines/contracts';
import { AssignToOperatorUseCase } from './assign-to-operator.use-case';

@Controller()
export class AssignToOperatorHandler {
  constructor(private readonly useCase: AssignToOperatorUseCase) {}

  @MessagePattern(LinesRpc.sessions.assignToOperator)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    const subject = LinesRpc.sessions.assignToOperator;
    return this.useCase.execute(validate(SessionAssignToOperatorRequestSchema, payload, `${subject} request`));
  }
}
