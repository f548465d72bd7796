import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineCreateRequestSchema, LineData, LinesRpc, validate } from '@openlines/contracts';
import { CreateLineUseCase } from './create-line.use-case';

@Controller()
export class CreateLineHandler {
  constructor(private readonly createLine: CreateLineUseCase) {}

  @MessagePattern(LinesRpc.lines.create)
  handle(@Payload() payload: unknown): Promise<LineData> {
    return this.createLine.execute(
      validate(LineCreateRequestSchema, payload, `${LinesRpc.lines.create} request`),
    );
  }
}
