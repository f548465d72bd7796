import { ClientFindOrCreateReply, ClientFindOrCreateRequest, LineChannelData, LineData, OpenLinesError } from '@openlines/contracts';
import { ClientDirectory, LineDirectory } from '../../src/directory/directory.ports';
import { FakeDirectory } from './fake-directory.module';

/** The directory ports answered in-process from a FakeDirectory (use-case specs; the service specs go over NATS). */
export class InMemoryDirectory implements LineDirectory, ClientDirectory {
  constructor(readonly data = new FakeDirectory()) {}

  async getLine(lineId: string): Promise<LineData> {
    const line = this.data.lines.get(lineId);
    if (line === undefined) throw OpenLinesError.notFound('line', lineId);
    return line;
  }

  async getChannel(channelId: string): Promise<LineChannelData> {
    const channel = this.data.channels.get(channelId);
    if (channel === undefined) throw OpenLinesError.notFound('channel', channelId);
    return channel;
  }

  async findOrCreate(request: ClientFindOrCreateRequest): Promise<ClientFindOrCreateReply> {
    const created = !this.data.clients.has(`${request.channelId}|${request.account}`);
    return { client: this.data.clientOf(request.channelId, request.account), created };
  }
}
