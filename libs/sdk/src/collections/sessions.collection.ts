import { LineClientData, LineMessageData, LineSessionData, LinesRpc } from '@openlines/contracts';
import { Search } from '@openlines/query';
import { SdkContext } from '../client/sdk-context';
import { LineClientItem } from '../items/client.item';
import { LineMessageItem } from '../items/message.item';
import { LineSessionItem } from '../items/session.item';
import { refId } from '../refs/ref-id';
import { searchOver } from './searchable';

/** `LineSessions` [ours]: conversations. */
export class LineSessions {
  constructor(private readonly ctx: SdkContext) {}

  search(): Search<LineSessionItem, LineSessionData> {
    return searchOver(
      (request) => this.ctx.call(LinesRpc.sessions.search, request),
      (request) => this.ctx.call(LinesRpc.sessions.count, request),
      (data) => new LineSessionItem(this.ctx, data),
    );
  }

  /**
   * [doc] A session opened on behalf of the client's actor (an operator) in `channel` (an id or
   * a channel item) for the client with `account` (nickname, phone, e-mail… by channel type).
   */
  async create(channel: unknown, account: string): Promise<LineSessionItem> {
    const request = {
      channelId: refId(channel, 'channel'),
      account,
      actor: this.ctx.requiredActor(),
    };
    return new LineSessionItem(this.ctx, await this.ctx.call(LinesRpc.sessions.create, request));
  }

  async get(id: string): Promise<LineSessionItem> {
    return new LineSessionItem(this.ctx, await this.ctx.call(LinesRpc.sessions.get, { id }));
  }
}

/** `LineClients` [ours]: customers and employees writing through channels. */
export class LineClients {
  constructor(private readonly ctx: SdkContext) {}

  search(): Search<LineClientItem, LineClientData> {
    return searchOver(
      (request) => this.ctx.call(LinesRpc.clients.search, request),
      (request) => this.ctx.call(LinesRpc.clients.count, request),
      (data) => new LineClientItem(this.ctx, data),
    );
  }

  /** The client of (channel, account), created on first contact. */
  async findOrCreate(
    channel: unknown,
    account: string,
    displayName?: string,
  ): Promise<LineClientItem> {
    const request = {
      channelId: refId(channel, 'channel'),
      account,
      ...(displayName === undefined ? {} : { displayName }),
    };
    return new LineClientItem(
      this.ctx,
      (await this.ctx.call(LinesRpc.clients.findOrCreate, request)).client,
    );
  }

  async get(id: string): Promise<LineClientItem> {
    return new LineClientItem(this.ctx, await this.ctx.call(LinesRpc.clients.get, { id }));
  }
}

/** Messages across sessions (by `session`, `client`, `operator`, `type`, …). */
export class LineMessages {
  constructor(private readonly ctx: SdkContext) {}

  search(): Search<LineMessageItem, LineMessageData> {
    return searchOver(
      (request) => this.ctx.call(LinesRpc.messages.search, request),
      (request) => this.ctx.call(LinesRpc.messages.count, request),
      (data) => new LineMessageItem(this.ctx, data),
    );
  }
}
