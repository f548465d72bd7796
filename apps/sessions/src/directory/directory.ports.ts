import { ClientFindOrCreateReply, ClientFindOrCreateRequest, LineChannelData, LineData } from '@openlines/contracts';

/**
 * What the sessions service needs from the channels service (lines and channels). An abstract
 * class so that it is also the Nest injection token; the RPC adapter is RpcLineDirectory.
 */
export abstract class LineDirectory {
  /** NOT_FOUND when there is no such (live) line. */
  abstract getLine(lineId: string): Promise<LineData>;
  abstract getChannel(channelId: string): Promise<LineChannelData>;
}

/** What the sessions service needs from the clients service. */
export abstract class ClientDirectory {
  abstract findOrCreate(request: ClientFindOrCreateRequest): Promise<ClientFindOrCreateReply>;
}
