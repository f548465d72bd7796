import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LineData, LineUpdateRequestSchema, LinesRpc, validate } from '@openlines/contracts';
import { UpdateLineUseCase } from './update-line.use-case';

@Controller()
export class UpdateLineHandler {
  constructor(private readonly updateLine: UpdateLineUseCase) {}

  @MessagePattern(LinesRpc.lines.update)
  handle(@Payload() payload: unknown): Promise<LineData> {
    const request = validate(LineUpdateRequestSchema, payload, `${LinesRpc.lines.update} request`);
    return this.updateLine.execute(request.id, request.data);
  }
}
