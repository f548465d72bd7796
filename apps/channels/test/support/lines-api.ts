import {
  ChannelSearchReplySchema,
  CountReplySchema,
  LineChannelData,
  LineChannelDataSchema,
  LineData,
  LineDataSchema,
  LineSearchReplySchema,
  LinesRpc,
  OpenLinesError,
  RpcRequest,
} from '@openlines/contracts';
import { RpcClient } from '@openlines/messaging';
import { search } from '@openlines/query';

/**
 * `System.lines.lines` / `.channels` as a script sees them, over RPC: the spec's examples
 * (`search().where((f, g) => …).all()`, `channel.reconnect()`) read the same here.
 */
export function linesApi(rpc: RpcClient) {
  const channel = (subject: string, payload: unknown) =>
    rpc.request(subject, payload, { schema: LineChannelDataSchema });
  const line = (subject: string, payload: unknown) =>
    rpc.request(subject, payload, { schema: LineDataSchema });
  return {
    lines: {
      create: (request: RpcRequest<typeof LinesRpc.lines.create>) =>
        line(LinesRpc.lines.create, request),
      update: (request: RpcRequest<typeof LinesRpc.lines.update>) =>
        line(LinesRpc.lines.update, request),
      delete: (id: string) => line(LinesRpc.lines.delete, { id }),
      get: (id: string) => line(LinesRpc.lines.get, { id }),
      search: () =>
        search<LineData, LineData>({
          search: async (request) =>
            (await rpc.request(LinesRpc.lines.search, request, { schema: LineSearchReplySchema }))
              .items,
          count: async (request) =>
            (await rpc.request(LinesRpc.lines.count, request, { schema: CountReplySchema })).count,
        }),
    },
    channels: {
      create: (request: RpcRequest<typeof LinesRpc.channels.create>) =>
        channel(LinesRpc.channels.create, request),
      update: (request: RpcRequest<typeof LinesRpc.channels.update>) =>
        channel(LinesRpc.channels.update, request),
      delete: (id: string) => channel(LinesRpc.channels.delete, { id }),
      get: (id: string) => channel(LinesRpc.channels.get, { id }),
      disconnect: (id: string, reason?: string) =>
        channel(LinesRpc.channels.disconnect, { id, ...(reason ? { reason } : {}) }),
      reconnect: (id: string) => channel(LinesRpc.channels.reconnect, { id }),
      markError: (id: string, reason: string) =>
        channel(LinesRpc.channels.markError, { id, reason }),
      search: () =>
        search<LineChannelData, LineChannelData>({
          search: async (request) =>
            (
              await rpc.request(LinesRpc.channels.search, request, {
                schema: ChannelSearchReplySchema,
              })
            ).items,
          count: async (request) =>
            (await rpc.request(LinesRpc.channels.count, request, { schema: CountReplySchema }))
              .count,
        }),
    },
  };
}

/** The OpenLinesError a call fails with (fails the spec if it succeeds). */
export async function failureOf(call: Promise<unknown>): Promise<OpenLinesError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof OpenLinesError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
