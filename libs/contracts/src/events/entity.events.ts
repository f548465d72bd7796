import { z } from 'zod';
import { ActorSchema } from '../data/actor.schema';
import { FieldValueSchema, IdSchema } from '../data/common.schema';
import { LineClientDataSchema } from '../data/client.data';
import { LineDataSchema } from '../data/line.data';
import { LineChannelState } from '../enums';
import { EventBaseShape } from './event-base.schema';

/** A channel's state changed (connect, disconnect, reconnect, error). */
export const ChannelChangedPayloadSchema = z.object({
  ...EventBaseShape,
  channelId: IdSchema,
  lineId: IdSchema,
  state: z.nativeEnum(LineChannelState),
  previousState: z.nativeEnum(LineChannelState),
  /** Why, for the error state (the channel's `_error`) or a deliberate disconnect. */
  reason: z.string().optional(),
});
export type ChannelChangedPayload = z.infer<typeof ChannelChangedPayloadSchema>;

/** One changed field of a client; `null` stands for an absent value. */
export const ClientFieldChangeSchema = z.object({
  field: LineClientDataSchema.keyof(),
  oldValue: FieldValueSchema,
  newValue: FieldValueSchema,
});
export type ClientFieldChange = z.infer<typeof ClientFieldChangeSchema>;

/** A client was created or changed (name, linked item, extra data, block). */
export const ClientChangedPayloadSchema = z.object({
  ...EventBaseShape,
  clientId: IdSchema,
  channelId: IdSchema,
  changes: z.array(ClientFieldChangeSchema).min(1),
});
export type ClientChangedPayload = z.infer<typeof ClientChangedPayloadSchema>;

/** One changed field of a line; `null` stands for an absent value. */
export const LineFieldChangeSchema = z.object({
  field: LineDataSchema.keyof(),
  oldValue: FieldValueSchema,
  newValue: FieldValueSchema,
});
export type LineFieldChange = z.infer<typeof LineFieldChangeSchema>;

/**
 * A line was created, changed or soft-deleted (a change of `__deletedAt`). Sessions reads its
 * routing settings (groups, bot, capacity…) from here, and metrics the reply target.
 */
export const LineChangedPayloadSchema = z.object({
  ...EventBaseShape,
  lineId: IdSchema,
  changes: z.array(LineFieldChangeSchema).min(1),
  /** The line after the change. */
  line: LineDataSchema,
  actor: ActorSchema.optional(),
});
export type LineChangedPayload = z.infer<typeof LineChangedPayloadSchema>;
