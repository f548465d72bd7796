import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ByIdRequestSchema, LineClientData, LinesRpc, validate } from '@openlines/contracts';
import { FindClientsUseCase } from './find-clients.use-case';

/** Search and count requests are validated by libs/query against the client's field list. */
@Controller()
export class FindClientsHandler {
  constructor(private readonly findClients: FindClientsUseCase) {}

  @MessagePattern(LinesRpc.clients.get)
  get(@Payload() payload: unknown): Promise<LineClientData> {
    return this.findClients.get(
      validate(ByIdRequestSchema, payload, `${LinesRpc.clients.get} request`).id,
    );
  }

  @MessagePattern(LinesRpc.clients.search)
  search(@Payload() payload: unknown): Promise<{ items: LineClientData[] }> {
    return this.findClients.search(payload);
  }

  @MessagePattern(LinesRpc.clients.count)
  count(@Payload() payload: unknown): Promise<{ count: number }> {
    return this.findClients.count(payload);
  }
}
