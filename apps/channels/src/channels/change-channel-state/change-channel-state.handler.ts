import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChannelDisconnectRequestSchema,
  ChannelMarkErrorRequestSchema,
  ChannelReconnectRequestSchema,
  LineChannelData,
  LinesRpc,
  validate,
} from '@openlines/contracts';
import { ChangeChannelStateUseCase } from './change-channel-state.use-case';

@Controller()
export class ChangeChannelStateHandler {
  constructor(private readonly states: ChangeChannelStateUseCase) {}

  @MessagePattern(LinesRpc.channels.disconnect)
  disconnect(@Payload() payload: unknown): Promise<LineChannelData> {
    const request = validate(
      ChannelDisconnectRequestSchema,
      payload,
      `${LinesRpc.channels.disconnect} request`,
    );
    return this.states.disconnect(request.id, request.reason);
  }

  @MessagePattern(LinesRpc.channels.reconnect)
  reconnect(@Payload() payload: unknown): Promise<LineChannelData> {
    return this.states.reconnect(
      validate(ChannelReconnectRequestSchema, payload, `${LinesRpc.channels.reconnect} request`).id,
    );
  }

  @MessagePattern(LinesRpc.channels.markError)
  markError(@Payload() payload: unknown): Promise<LineChannelData> {
    const request = validate(
      ChannelMarkErrorRequestSchema,
      payload,
      `${LinesRpc.channels.markError} request`,
    );
    return this.states.markError(request.id, request.reason);
  }
}
