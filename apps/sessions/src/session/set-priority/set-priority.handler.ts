import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionSetPriorityRequestSchema, validate } from '@openlines/contracts';
import { SetPriorityUseCase } from './set-priority.use-case';

@Controller()
export class SetPriorityHandler {
  constructor(private readonly useCase: SetPriorityUseCase) {}

  @MessagePattern(LinesRpc.sessions.setPriority)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionSetPriorityRequestSchema, payload, `${LinesRpc.sessions.setPriority} request`));
  }
}
