import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LinesRpc, SessionMessageReply, SessionSendSystemMessageRequestSchema, validate } from '@openlines/contracts';
import { SendSystemMessageUseCase } from './send-system-message.use-case';

@Controller()
export class SendSystemMessageHandler {
  constructor(private readonly useCase: SendSystemMessageUseCase) {}

  @MessagePattern(LinesRpc.sessions.sendSystemMessage)
  handle(@Payload() payload: unknown): Promise<SessionMessageReply> {
    const subject = LinesRpc.sessions.sendSystemMessage;
    return this.useCase.execute(validate(SessionSendSystemMessageRequestSchema, payload, `${subject} request`));
  }
}
