import { Inject, Injectable } from '@nestjs/common';
import {
  ClientFindOrCreateReply,
  ClientFindOrCreateReplySchema,
  ClientFindOrCreateRequest,
  LineChannelData,
  LineChannelDataSchema,
  LineData,
  LineDataSchema,
  LinesRpc,
} from '@openlines/contracts';
import { RpcClient } from '@openlines/messaging';
import { SESSIONS_CONFIG, SessionsConfig } from '../config/sessions.config';
import { ClientDirectory, LineDirectory } from './directory.ports';

interface Cached<T> {
  value: Promise<T>;
  until: number;
}

/**
 * Lines and channels over RPC. Routing reads a line's settings on every run, so answers are
 * reused for SESSIONS_DIRECTORY_CACHE_MS (a changed capacity or distribution applies after at
 * most that long); a failed answer is never cached.
 */
@Injectable()
export class RpcLineDirectory extends LineDirectory {
  private readonly lines = new Map<string, Cached<LineData>>();
  private readonly channels = new Map<string, Cached<LineChannelData>>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {
    super();
  }

  getLine(lineId: string): Promise<LineData> {
    return this.cached(this.lines, lineId, () => this.rpc.request(LinesRpc.lines.get, { id: lineId }, { schema: LineDataSchema }));
  }

  getChannel(channelId: string): Promise<LineChannelData> {
    return this.cached(this.channels, channelId, () =>
      this.rpc.request(LinesRpc.channels.get, { id: channelId }, { schema: LineChannelDataSchema }),
    );
  }

  private cached<T>(cache: Map<string, Cached<T>>, id: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = cache.get(id);
    if (hit !== undefined && hit.until > now) return hit.value;
    const value = load();
    if (this.config.directoryCacheMs > 0) {
      cache.set(id, { value, until: now + this.config.directoryCacheMs });
      value.catch(() => cache.delete(id));
    }
    return value;
  }
}

@Injectable()
export class RpcClientDirectory extends ClientDirectory {
  constructor(private readonly rpc: RpcClient) {
    super();
  }

  findOrCreate(request: ClientFindOrCreateRequest): Promise<ClientFindOrCreateReply> {
    return this.rpc.request(LinesRpc.clients.findOrCreate, request, { schema: ClientFindOrCreateReplySchema });
  }
}
