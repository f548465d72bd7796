import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LinesRpc, OperatorData, OperatorSetStatusRequestSchema, validate } from '@openlines/contracts';
import { SetOperatorStatusUseCase } from './set-operator-status.use-case';

@Controller()
export class SetOperatorStatusHandler {
  constructor(private readonly useCase: SetOperatorStatusUseCase) {}

  @MessagePattern(LinesRpc.operators.setStatus)
  handle(@Payload() payload: unknown): Promise<OperatorData> {
    const subject = LinesRpc.operators.setStatus;
    return this.useCase.execute(validate(OperatorSetStatusRequestSchema, payload, `${subject} request`));
  }
}
