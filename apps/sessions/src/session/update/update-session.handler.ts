import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineSessionData, LinesRpc, SessionUpdateRequestSchema, validate } from '@openlines/contracts';
import { UpdateSessionUseCase } from './update-session.use-case';

@Controller()
export class UpdateSessionHandler {
  constructor(private readonly useCase: UpdateSessionUseCase) {}

  @MessagePattern(LinesRpc.sessions.update)
  handle(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.execute(validate(SessionUpdateRequestSchema, payload, `${LinesRpc.sessions.update} request`));
  }
}
