import { LineChannelDataSchema, LineData, LineDataSchema, LinesRpc } from '@openlines/contracts';
import { RpcClient } from '@openlines/messaging';
import { ChannelFacts, LinesDirectory } from './lines-directory';

/**
 * LinesDirectory over RPC to the channels service (lines.channels.get, lines.lines.get). A
 * channel's type and line never change, so they are remembered; lines are asked each time (their
 * bound apps may change).
 */
export class RpcLinesDirectory implements LinesDirectory {
  private readonly channels = new Map<string, ChannelFacts>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly timeoutMs: number,
  ) {}

  async channel(id: string): Promise<ChannelFacts> {
    const known = this.channels.get(id);
    if (known) return known;
    const channel = await this.rpc.request(
      LinesRpc.channels.get,
      { id },
      { schema: LineChannelDataSchema, timeoutMs: this.timeoutMs },
    );
    const facts: ChannelFacts = { id: channel.__id, type: channel._type, lineId: channel._line };
    this.channels.set(id, facts);
    return facts;
  }

  line(id: string): Promise<LineData> {
    return this.rpc.request(
      LinesRpc.lines.get,
      { id },
      { schema: LineDataSchema, timeoutMs: this.timeoutMs },
    );
  }
}
