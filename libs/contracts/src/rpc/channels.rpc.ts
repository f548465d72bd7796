import { z } from 'zod';
import { ChannelSettingsSchemas } from '../data/channel-settings.schema';
import { LineChannelDataSchema } from '../data/channel.data';
import { IdSchema, NameSchema } from '../data/common.schema';
import { LineChannelType } from '../enums';
import { CountReplySchema, CountRequestSchema, SearchRequestSchema } from '../query/search';
import {
  ByIdRequestSchema,
  itemsReplySchema,
  nonEmpty,
  rpcSubjects,
  RpcSchemaPair,
} from './rpc-common';

export const LinesChannelsRpc = rpcSubjects('channels', [
  'create',
  'update',
  'delete',
  'get',
  'search',
  'count',
  'disconnect',
  'reconnect',
  'markError',
] as const);

function createVariant<T extends LineChannelType>(type: T) {
  return z
    .object({
      __name: NameSchema,
      _line: IdSchema,
      _type: z.literal(type),
      _settings: ChannelSettingsSchemas[type],
    })
    .strict();
}

/** Channels without settings may leave `_settings` out. */
function settinglessVariant<T extends LineChannelType.internal | LineChannelType.support>(type: T) {
  return createVariant(type).extend({ _settings: ChannelSettingsSchemas[type].default({}) });
}

/**
 * A new channel of a line, with the WRITABLE settings of its `_type` (secrets included). The
 * service connects it (e.g. sets the messenger's webhook) and replies with the public view.
 */
export const ChannelCreateRequestSchema = z.discriminatedUnion('_type', [
  settinglessVariant(LineChannelType.internal),
  settinglessVariant(LineChannelType.support),
  createVariant(LineChannelType.telegram),
  createVariant(LineChannelType.telegramBot),
  createVariant(LineChannelType.viberbot),
  createVariant(LineChannelType.whatsapp),
  createVariant(LineChannelType.instagram),
  createVariant(LineChannelType.vk),
  createVariant(LineChannelType.inbox),
  createVariant(LineChannelType.livechat),
]);
export type ChannelCreateRequest = z.input<typeof ChannelCreateRequestSchema>;

/**
 * Rename and/or patch settings. `_settings` is a patch merged into the stored settings; the
 * service validates it with `channelSettingsPatchSchema(channel._type)` once it has the channel.
 */
export const ChannelUpdateRequestSchema = z
  .object({
    id: IdSchema,
    data: nonEmpty(
      z
        .object({ __name: NameSchema, _settings: z.record(z.unknown()) })
        .partial()
        .strict(),
    ),
  })
  .strict();
export type ChannelUpdateRequest = z.input<typeof ChannelUpdateRequestSchema>;

/** Any channel may be disconnected [doc]; `reason` is kept for the channel.changed event. */
export const ChannelDisconnectRequestSchema = z
  .object({ id: IdSchema, reason: z.string().min(1).max(2000).optional() })
  .strict();
export type ChannelDisconnectRequest = z.input<typeof ChannelDisconnectRequestSchema>;

/** Only RECONNECTABLE_CHANNEL_TYPES; any other type → INVALID_TRANSITION [ours]. */
export const ChannelReconnectRequestSchema = ByIdRequestSchema;
export type ChannelReconnectRequest = z.input<typeof ChannelReconnectRequestSchema>;

/** The system sets the error state when delivery or authorisation fails repeatedly [ours]. */
export const ChannelMarkErrorRequestSchema = z
  .object({ id: IdSchema, reason: z.string().min(1).max(2000) })
  .strict();
export type ChannelMarkErrorRequest = z.input<typeof ChannelMarkErrorRequestSchema>;

export const ChannelSearchReplySchema = itemsReplySchema(LineChannelDataSchema);

/** Every reply carries the public channel view; `delete` is a soft delete. */
export const LinesChannelsRpcSchemas = {
  [LinesChannelsRpc.create]: { request: ChannelCreateRequestSchema, reply: LineChannelDataSchema },
  [LinesChannelsRpc.update]: { request: ChannelUpdateRequestSchema, reply: LineChannelDataSchema },
  [LinesChannelsRpc.delete]: { request: ByIdRequestSchema, reply: LineChannelDataSchema },
  [LinesChannelsRpc.get]: { request: ByIdRequestSchema, reply: LineChannelDataSchema },
  [LinesChannelsRpc.search]: { request: SearchRequestSchema, reply: ChannelSearchReplySchema },
  [LinesChannelsRpc.count]: { request: CountRequestSchema, reply: CountReplySchema },
  [LinesChannelsRpc.disconnect]: {
    request: ChannelDisconnectRequestSchema,
    reply: LineChannelDataSchema,
  },
  [LinesChannelsRpc.reconnect]: {
    request: ChannelReconnectRequestSchema,
    reply: LineChannelDataSchema,
  },
  [LinesChannelsRpc.markError]: {
    request: ChannelMarkErrorRequestSchema,
    reply: LineChannelDataSchema,
  },
} as const satisfies Record<
  (typeof LinesChannelsRpc)[keyof typeof LinesChannelsRpc],
  RpcSchemaPair
>;
