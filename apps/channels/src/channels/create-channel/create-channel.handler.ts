import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChannelCreateRequestSchema,
  LineChannelData,
  LinesRpc,
  validate,
} from '@openlines/contracts';
import { CreateChannelUseCase } from './create-channel.use-case';

@Controller()
export class CreateChannelHandler {
  constructor(private readonly createChannel: CreateChannelUseCase) {}

  @MessagePattern(LinesRpc.channels.create)
  handle(@Payload() payload: unknown): Promise<LineChannelData> {
    return this.createChannel.execute(
      validate(ChannelCreateRequestSchema, payload, `${LinesRpc.channels.create} request`),
    );
  }
}
