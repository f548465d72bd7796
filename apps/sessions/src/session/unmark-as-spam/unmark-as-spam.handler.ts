import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionActionRequestSchema, validate } from '@openlines/contracts';
import { UnmarkAsSpamUseCase } from './unmark-as-spam.use-case';

@Controller()
export class UnmarkAsSpamHandler {
  constructor(private readonly useCase: UnmarkAsSpamUseCase) {}

  @MessagePattern(LinesRpc.sessions.unmarkAsSpam)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionActionRequestSchema, payload, `${LinesRpc.sessions.unmarkAsSpam} request`));
  }
}
