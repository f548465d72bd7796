import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LinesRpc, SessionMessageReply, SessionSendMessageRequestSchema, validate } from '@openlines/contracts';
import { SendMessageUseCase } from './send-message.use-case';

@Controller()
export class SendMessageHandler {
  constructor(private readonly useCase: SendMessageUseCase) {}

  @MessagePattern(LinesRpc.sessions.sendMessage)
  handle(@Payload() payload: unknown): Promise<SessionMessageReply> {
    const subject = LinesRpc.sessions.sendMessage;
    return this.useCase.execute(validate(SessionSendMessageRequestSchema, payload, `${subject} request`));
  }
}
