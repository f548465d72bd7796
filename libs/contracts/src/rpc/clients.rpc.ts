import { z } from 'zod';
import { LineApplicationRefInputSchema } from '../data/application.schema';
import { LineClientDataSchema, LineClientExtraDataInputSchema } from '../data/client.data';
import { ExternalIdSchema, IdSchema, IsoDateSchema, NameSchema } from '../data/common.schema';
import { CountReplySchema, CountRequestSchema, SearchRequestSchema } from '../query/search';
import {
  ByIdRequestSchema,
  itemsReplySchema,
  nonEmpty,
  rpcSubjects,
  RpcSchemaPair,
} from './rpc-common';

export const LinesClientsRpc = rpcSubjects('clients', [
  'findOrCreate',
  'get',
  'search',
  'count',
  'save',
  'block',
  'unblock',
] as const);

/**
 * The client of (channel, account), created on first contact. `displayName` becomes `__name`
 * (default: the account); `externalId` the messenger's user id (default: the account); an
 * existing client keeps its data (extra data only fills fields it does not have yet).
 */
export const ClientFindOrCreateRequestSchema = z
  .object({
    channelId: IdSchema,
    account: z.string().trim().min(1).max(320),
    displayName: z.string().trim().min(1).max(256).optional(),
    externalId: ExternalIdSchema.optional(),
    extraData: LineClientExtraDataInputSchema.optional(),
  })
  .strict();
export type ClientFindOrCreateRequest = z.input<typeof ClientFindOrCreateRequestSchema>;

export const ClientFindOrCreateReplySchema = z.object({
  client: LineClientDataSchema,
  created: z.boolean(),
});
export type ClientFindOrCreateReply = z.infer<typeof ClientFindOrCreateReplySchema>;

/**
 * `client.save()` [doc]: `_applicationItem: null` unlinks; `_extraData` replaces the whole extra
 * data. Linking needs the line to bind that app for accounts (else FORBIDDEN).
 */
export const ClientSaveRequestSchema = z
  .object({
    id: IdSchema,
    data: nonEmpty(
      z
        .object({
          __name: NameSchema,
          _applicationItem: LineApplicationRefInputSchema.nullable(),
          _extraData: LineClientExtraDataInputSchema,
        })
        .partial()
        .strict(),
    ),
  })
  .strict();
export type ClientSaveRequest = z.input<typeof ClientSaveRequestSchema>;

/**
 * Blocks an external account [doc]: `until` absent = until unblocked; `lineId` absent = every
 * line. Clients of internal channels cannot be blocked (FORBIDDEN).
 */
export const ClientBlockRequestSchema = z
  .object({ id: IdSchema, until: IsoDateSchema.optional(), lineId: IdSchema.optional() })
  .strict();
export type ClientBlockRequest = z.input<typeof ClientBlockRequestSchema>;

export const ClientSearchReplySchema = itemsReplySchema(LineClientDataSchema);

export const LinesClientsRpcSchemas = {
  [LinesClientsRpc.findOrCreate]: {
    request: ClientFindOrCreateRequestSchema,
    reply: ClientFindOrCreateReplySchema,
  },
  [LinesClientsRpc.get]: { request: ByIdRequestSchema, reply: LineClientDataSchema },
  [LinesClientsRpc.search]: { request: SearchRequestSchema, reply: ClientSearchReplySchema },
  [LinesClientsRpc.count]: { request: CountRequestSchema, reply: CountReplySchema },
  [LinesClientsRpc.save]: { request: ClientSaveRequestSchema, reply: LineClientDataSchema },
  [LinesClientsRpc.block]: { request: ClientBlockRequestSchema, reply: LineClientDataSchema },
  [LinesClientsRpc.unblock]: { request: ByIdRequestSchema, reply: LineClientDataSchema },
} as const satisfies Record<(typeof LinesClientsRpc)[keyof typeof LinesClientsRpc], RpcSchemaPair>;
