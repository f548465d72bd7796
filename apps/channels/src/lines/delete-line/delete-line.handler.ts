import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ByIdRequestSchema, LineData, LinesRpc, validate } from '@openlines/contracts';
import { DeleteLineUseCase } from './delete-line.use-case';

@Controller()
export class DeleteLineHandler {
  constructor(private readonly deleteLine: DeleteLineUseCase) {}

  @MessagePattern(LinesRpc.lines.delete)
  handle(@Payload() payload: unknown): Promise<LineData> {
    return this.deleteLine.execute(
      validate(ByIdRequestSchema, payload, `${LinesRpc.lines.delete} request`).id,
    );
  }
}
