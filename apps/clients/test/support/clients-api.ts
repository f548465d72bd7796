import {
  ClientFindOrCreateReplySchema,
  ClientSearchReplySchema,
  CountReplySchema,
  LineClientData,
  LineClientDataSchema,
  LinesRpc,
  OpenLinesError,
  RpcRequest,
} from '@openlines/contracts';
import { RpcClient } from '@openlines/messaging';
import { search } from '@openlines/query';

/** `System.lines.clients` as a script sees it, over RPC. */
export function clientsApi(rpc: RpcClient) {
  const client = (subject: string, payload: unknown) =>
    rpc.request(subject, payload, { schema: LineClientDataSchema });
  return {
    findOrCreate: (request: RpcRequest<typeof LinesRpc.clients.findOrCreate>) =>
      rpc.request(LinesRpc.clients.findOrCreate, request, {
        schema: ClientFindOrCreateReplySchema,
      }),
    get: (id: string) => client(LinesRpc.clients.get, { id }),
    save: (request: RpcRequest<typeof LinesRpc.clients.save>) =>
      client(LinesRpc.clients.save, request),
    block: (request: RpcRequest<typeof LinesRpc.clients.block>) =>
      client(LinesRpc.clients.block, request),
    unblock: (id: string) => client(LinesRpc.clients.unblock, { id }),
    search: () =>
      search<LineClientData, LineClientData>({
        search: async (request) =>
          (await rpc.request(LinesRpc.clients.search, request, { schema: ClientSearchReplySchema }))
            .items,
        count: async (request) =>
          (await rpc.request(LinesRpc.clients.count, request, { schema: CountReplySchema })).count,
      }),
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
