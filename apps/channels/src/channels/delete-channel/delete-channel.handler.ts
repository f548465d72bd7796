import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ByIdRequestSchema, LineChannelData, LinesRpc, validate } from '@openlines/contracts';
import { DeleteChannelUseCase } from './delete-channel.use-case';

@Controller()
export class DeleteChannelHandler {
  constructor(private readonly deleteChannel: DeleteChannelUseCase) {}

  @MessagePattern(LinesRpc.channels.delete)
  handle(@Payload() payload: unknown): Promise<LineChannelData> {
    return this.deleteChannel.execute(
      validate(ByIdRequestSchema, payload, `${LinesRpc.channels.delete} request`).id,
    );
  }
}
