import { LineClientData } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { CLIENT_FIELDS } from '../domain/client.fields';
import { ClientRepository } from '../persistence/client.repository';

/** lines.clients.get / search / count. Search requests are checked against CLIENT_FIELDS. */
export class FindClientsUseCase {
  constructor(private readonly clients: ClientRepository) {}

  get(id: string): Promise<LineClientData> {
    return this.clients.getById(id);
  }

  async search(request: unknown): Promise<{ items: LineClientData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(CLIENT_FIELDS, request);
    return { items: await this.clients.search(filter, { sort, skip, limit }) };
  }

  async count(request: unknown): Promise<{ count: number }> {
    const { filter } = compileCountRequest(CLIENT_FIELDS, request);
    return { count: await this.clients.count(filter) };
  }
}
