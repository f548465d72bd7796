import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ByIdRequestSchema, LineData, LinesRpc, validate } from '@openlines/contracts';
import { FindLinesUseCase } from './find-lines.use-case';

/** Search and count requests are validated by libs/query against the line's field list. */
@Controller()
export class FindLinesHandler {
  constructor(private readonly findLines: FindLinesUseCase) {}

  @MessagePattern(LinesRpc.lines.get)
  get(@Payload() payload: unknown): Promise<LineData> {
    return this.findLines.get(
      validate(ByIdRequestSchema, payload, `${LinesRpc.lines.get} request`).id,
    );
  }

  @MessagePattern(LinesRpc.lines.search)
  search(@Payload() payload: unknown): Promise<{ items: LineData[] }> {
    return this.findLines.search(payload);
  }

  @MessagePattern(LinesRpc.lines.count)
  count(@Payload() payload: unknown): Promise<{ count: number }> {
    return this.findLines.count(payload);
  }
}
