import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChannelUpdateRequestSchema,
  LineChannelData,
  LinesRpc,
  validate,
} from '@openlines/contracts';
import { UpdateChannelUseCase } from './update-channel.use-case';

@Controller()
export class UpdateChannelHandler {
  constructor(private readonly updateChannel: UpdateChannelUseCase) {}

  @MessagePattern(LinesRpc.channels.update)
  handle(@Payload() payload: unknown): Promise<LineChannelData> {
    const request = validate(
      ChannelUpdateRequestSchema,
      payload,
      `${LinesRpc.channels.update} request`,
    );
    return this.updateChannel.execute(request.id, request.data);
  }
}
