import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ByIdRequestSchema,
  CountReply,
  LineSessionData,
  LinesRpc,
  SessionQueryRequestSchema,
  validate,
} from '@openlines/contracts';
import { AssignmentReason, SessionQueryUseCase } from './session-query.use-case';

const S = LinesRpc.sessions;

@Controller()
export class SessionQueryHandler {
  constructor(private readonly useCase: SessionQueryUseCase) {}

  @MessagePattern(S.get)
  get(@Payload() payload: unknown): Promise<LineSessionData> {
    return this.useCase.get(validate(ByIdRequestSchema, payload, `${S.get} request`).id);
  }

  @MessagePattern(S.search)
  search(@Payload() payload: unknown): Promise<{ items: LineSessionData[] }> {
    return this.useCase.search(payload);
  }

  @MessagePattern(S.count)
  count(@Payload() payload: unknown): Promise<CountReply> {
    return this.useCase.count(payload);
  }

  @MessagePattern(S.getAssignmentReasons)
  assignmentReasons(@Payload() payload: unknown): Promise<{ items: AssignmentReason[] }> {
    const request = validate(SessionQueryRequestSchema, payload, `${S.getAssignmentReasons} request`);
    return this.useCase.assignmentReasons(request.sessionId);
  }
}
