import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionActionRequestSchema, validate } from '@openlines/contracts';
import { CloseSessionUseCase } from './close-session.use-case';

@Controller()
export class CloseSessionHandler {
  constructor(private readonly useCase: CloseSessionUseCase) {}

  @MessagePattern(LinesRpc.sessions.close)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionActionRequestSchema, payload, `${LinesRpc.sessions.close} request`));
  }
}
