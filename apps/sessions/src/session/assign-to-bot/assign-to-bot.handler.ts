import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionAssignToBotRequestSchema, validate } from '@openlines/contracts';
import { AssignToBotUseCase } from './assign-to-bot.use-case';

@Controller()
export class AssignToBotHandler {
  constructor(private readonly useCase: AssignToBotUseCase) {}

  @MessagePattern(LinesRpc.sessions.assignToBot)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionAssignToBotRequestSchema, payload, `${LinesRpc.sessions.assignToBot} request`));
  }
}
