import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ByIdRequestSchema, LinesRpc, OperatorData, validate } from '@openlines/contracts';
import { OperatorQueryUseCase } from './operator-query.use-case';

const O = LinesRpc.operators;

@Controller()
export class OperatorQueryHandler {
  constructor(private readonly useCase: OperatorQueryUseCase) {}

  @MessagePattern(O.get)
  get(@Payload() payload: unknown): Promise<OperatorData> {
    return this.useCase.get(validate(ByIdRequestSchema, payload, `${O.get} request`).id);
  }

  @MessagePattern(O.search)
  search(@Payload() payload: unknown): Promise<{ items: OperatorData[] }> {
    return this.useCase.search(payload);
  }
}
