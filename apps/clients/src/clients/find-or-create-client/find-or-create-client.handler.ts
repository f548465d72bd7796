import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ClientFindOrCreateReply,
  ClientFindOrCreateRequestSchema,
  LinesRpc,
  validate,
} from '@openlines/contracts';
import { FindOrCreateClientUseCase } from './find-or-create-client.use-case';

@Controller()
export class FindOrCreateClientHandler {
  constructor(private readonly findOrCreate: FindOrCreateClientUseCase) {}

  @MessagePattern(LinesRpc.clients.findOrCreate)
  handle(@Payload() payload: unknown): Promise<ClientFindOrCreateReply> {
    return this.findOrCreate.execute(
      validate(
        ClientFindOrCreateRequestSchema,
        payload,
        `${LinesRpc.clients.findOrCreate} request`,
      ),
    );
  }
}
