import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionCreateRequestSchema, validate } from '@openlines/contracts';
import { CreateSessionUseCase } from './create-session.use-case';

@Controller()
export class CreateSessionHandler {
  constructor(private readonly useCase: CreateSessionUseCase) {}

  @MessagePattern(LinesRpc.sessions.create)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionCreateRequestSchema, payload, `${LinesRpc.sessions.create} request`));
  }
}
