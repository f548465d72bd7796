import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LinesRpc, OperatorData, OperatorUpsertRequestSchema, validate } from '@openlines/contracts';
import { UpsertOperatorUseCase } from './upsert-operator.use-case';

@Controller()
export class UpsertOperatorHandler {
  constructor(private readonly useCase: UpsertOperatorUseCase) {}

  @MessagePattern(LinesRpc.operators.upsert)
  handle(@Payload() payload: unknown): Promise<OperatorData> {
    return this.useCase.execute(validate(OperatorUpsertRequestSchema, payload, `${LinesRpc.operators.upsert} request`));
  }
}
