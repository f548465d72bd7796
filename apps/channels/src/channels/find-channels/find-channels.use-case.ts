import { LineChannelData } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { CHANNEL_FIELDS } from '../domain/channel.fields';
import { toChannelData } from '../domain/channel.rules';
import { ChannelRepository } from '../persistence/channel.repository';

/** lines.channels.get / search / count; replies carry public settings only. */
export class FindChannelsUseCase {
  constructor(private readonly channels: ChannelRepository) {}

  async get(id: string): Promise<LineChannelData> {
    return toChannelData(await this.channels.getById(id));
  }

  async search(request: unknown): Promise<{ items: LineChannelData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(CHANNEL_FIELDS, request);
    const records = await this.channels.search(filter, { sort, skip, limit });
    return { items: records.map(toChannelData) };
  }

  async count(request: unknown): Promise<{ count: number }> {
    const { filter } = compileCountRequest(CHANNEL_FIELDS, request);
    return { count: await this.channels.count(filter) };
  }
}
