import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ByIdRequestSchema, LineChannelData, LinesRpc, validate } from '@openlines/contracts';
import { FindChannelsUseCase } from './find-channels.use-case';

/** Search and count requests are validated by libs/query against the channel's field list. */
@Controller()
export class FindChannelsHandler {
  constructor(private readonly findChannels: FindChannelsUseCase) {}

  @MessagePattern(LinesRpc.channels.get)
  get(@Payload() payload: unknown): Promise<LineChannelData> {
    return this.findChannels.get(
      validate(ByIdRequestSchema, payload, `${LinesRpc.channels.get} request`).id,
    );
  }

  @MessagePattern(LinesRpc.channels.search)
  search(@Payload() payload: unknown): Promise<{ items: LineChannelData[] }> {
    return this.findChannels.search(payload);
  }

  @MessagePattern(LinesRpc.channels.count)
  count(@Payload() payload: unknown): Promise<{ count: number }> {
    return this.findChannels.count(payload);
  }
}
