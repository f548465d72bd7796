import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ByIdRequestSchema,
  ClientBlockRequestSchema,
  LineClientData,
  LinesRpc,
  validate,
} from '@openlines/contracts';
import { BlockClientUseCase } from './block-client.use-case';

@Controller()
export class BlockClientHandler {
  constructor(private readonly blocks: BlockClientUseCase) {}

  @MessagePattern(LinesRpc.clients.block)
  block(@Payload() payload: unknown): Promise<LineClientData> {
    const { id, ...request } = validate(
      ClientBlockRequestSchema,
      payload,
      `${LinesRpc.clients.block} request`,
    );
    return this.blocks.block(id, request);
  }

  @MessagePattern(LinesRpc.clients.unblock)
  unblock(@Payload() payload: unknown): Promise<LineClientData> {
    return this.blocks.unblock(
      validate(ByIdRequestSchema, payload, `${LinesRpc.clients.unblock} request`).id,
    );
  }
}
