import { LineChannelData, LineData, LinesRpc, RpcRequest } from '@openlines/contracts';
import { Search } from '@openlines/query';
import { SdkContext } from '../client/sdk-context';
import { LineChannelItem } from '../items/channel.item';
import { LineItem } from '../items/line.item';
import { searchOver } from './searchable';

/** `Lines` [doc]: the live chats. */
export class Lines {
  constructor(private readonly ctx: SdkContext) {}

  search(): Search<LineItem, LineData> {
    return searchOver(
      (request) => this.ctx.call(LinesRpc.lines.search, request),
      (request) => this.ctx.call(LinesRpc.lines.count, request),
      (data) => new LineItem(this.ctx, data),
    );
  }

  async create(data: RpcRequest<typeof LinesRpc.lines.create>): Promise<LineItem> {
    return new LineItem(this.ctx, await this.ctx.call(LinesRpc.lines.create, data));
  }

  async get(id: string): Promise<LineItem> {
    return new LineItem(this.ctx, await this.ctx.call(LinesRpc.lines.get, { id }));
  }
}

/** `LineChannels` [doc]: messenger connections of the lines. */
export class LineChannels {
  constructor(private readonly ctx: SdkContext) {}

  search(): Search<LineChannelItem, LineChannelData> {
    return searchOver(
      (request) => this.ctx.call(LinesRpc.channels.search, request),
      (request) => this.ctx.call(LinesRpc.channels.count, request),
      (data) => new LineChannelItem(this.ctx, data),
    );
  }

  /** Connects a channel of a line with the settings (secrets included) of its `_type`. */
  async create(data: RpcRequest<typeof LinesRpc.channels.create>): Promise<LineChannelItem> {
    return new LineChannelItem(this.ctx, await this.ctx.call(LinesRpc.channels.create, data));
  }

  async get(id: string): Promise<LineChannelItem> {
    return new LineChannelItem(this.ctx, await this.ctx.call(LinesRpc.channels.get, { id }));
  }
}
