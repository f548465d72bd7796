import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionActionRequestSchema, validate } from '@openlines/contracts';
import { MarkAsSpamUseCase } from './mark-as-spam.use-case';

@Controller()
export class MarkAsSpamHandler {
  constructor(private readonly useCase: MarkAsSpamUseCase) {}

  @MessagePattern(LinesRpc.sessions.markAsSpam)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionActionRequestSchema, payload, `${LinesRpc.sessions.markAsSpam} request`));
  }
}
