import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ClientSaveRequestSchema, LineClientData, LinesRpc, validate } from '@openlines/contracts';
import { SaveClientUseCase } from './save-client.use-case';

@Controller()
export class SaveClientHandler {
  constructor(private readonly saveClient: SaveClientUseCase) {}

  @MessagePattern(LinesRpc.clients.save)
  handle(@Payload() payload: unknown): Promise<LineClientData> {
    const request = validate(ClientSaveRequestSchema, payload, `${LinesRpc.clients.save} request`);
    return this.saveClient.execute(request.id, request.data);
  }
}
