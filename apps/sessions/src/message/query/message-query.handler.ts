import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CountReply,
  LineMessageData,
  LinesRpc,
  SessionGetAllMessagesRequestSchema,
  SessionMessagesReply,
  SessionQueryRequestSchema,
  validate,
} from '@openlines/contracts';
import { MessageQueryUseCase } from './message-query.use-case';

const S = LinesRpc.sessions;
const M = LinesRpc.messages;

@Controller()
export class MessageQueryHandler {
  constructor(private readonly useCase: MessageQueryUseCase) {}

  @MessagePattern(S.getAllMessages)
  allMessages(@Payload() payload: unknown): Promise<SessionMessagesReply> {
    const request = validate(SessionGetAllMessagesRequestSchema, payload, `${S.getAllMessages} request`);
    return this.useCase.allMessages(request.sessionId, request.from, request.size);
  }

  @MessagePattern(S.getLastMessage)
  lastMessage(@Payload() payload: unknown): Promise<{ message: LineMessageData | null }> {
    return this.useCase.lastMessage(validate(SessionQueryRequestSchema, payload, `${S.getLastMessage} request`).sessionId);
  }

  @MessagePattern(M.search)
  search(@Payload() payload: unknown): Promise<{ items: LineMessageData[] }> {
    return this.useCase.search(payload);
  }

  @MessagePattern(M.count)
  count(@Payload() payload: unknown): Promise<CountReply> {
    return this.useCase.count(payload);
  }
}
