import { LineChannelType, LineData } from '@openlines/contracts';

/** What the clients service must know of a channel. */
export interface ChannelFacts {
  id: string;
  type: LineChannelType;
  lineId: string;
}

/**
 * The channels service's lines and channels, as the clients service sees them (over RPC in the
 * service, a plain object in use-case specs). NOT_FOUND when the channel or line does not exist.
 */
export interface LinesDirectory {
  channel(id: string): Promise<ChannelFacts>;
  line(id: string): Promise<LineData>;
}
