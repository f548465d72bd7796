import { z } from 'zod';
import { LineClientBlockedStatus } from '../enums';
import { LineApplicationRefSchema } from './application.schema';
import {
  ExternalIdSchema,
  IdSchema,
  IsoDateSchema,
  SystemFieldsShape,
  VersionSchema,
} from './common.schema';

const CUSTOM_FIELDS_MAX = 100;

/** Extra contact data of a client [ours]. */
const LineClientExtraDataShape = {
  phone: z.string().min(1).max(32).optional(),
  email: z.string().email().max(320).optional(),
  avatarUrl: z.string().url().max(2048).optional(),
  /** IETF tag, e.g. `en` or `pt-BR`. */
  languageCode: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Must be a language tag')
    .optional(),
  custom: z
    .record(z.string().min(1).max(100), z.string().max(2000))
    .refine((custom) => Object.keys(custom).length <= CUSTOM_FIELDS_MAX, {
      message: `At most ${CUSTOM_FIELDS_MAX} custom fields`,
    })
    .optional(),
};
export const LineClientExtraDataSchema = z.object(LineClientExtraDataShape);
export const LineClientExtraDataInputSchema = z.object(LineClientExtraDataShape).strict();
export type LineClientExtraData = z.infer<typeof LineClientExtraDataSchema>;

/** A client (customer or employee writing through a channel) [doc + ours]. */
export const LineClientDataSchema = z.object({
  ...SystemFieldsShape,
  _channel: IdSchema,
  /** The account: nickname, phone, e-mail… depending on the channel type. */
  _username: z.string().min(1),
  /** The id the messenger gives this user (defaults to the account). */
  _externalId: ExternalIdSchema,
  _applicationItem: LineApplicationRefSchema.optional(),
  _extraData: LineClientExtraDataSchema,
  _blockedStatus: z.nativeEnum(LineClientBlockedStatus),
  /** End of a temporary block; absent = until unblocked. */
  _blockedUntil: IsoDateSchema.optional(),
  /** The line a block applies to [ours]; absent = every line. */
  _blockedLine: IdSchema.optional(),
  /** The employee, for clients of internal channels. */
  _user: IdSchema.optional(),
  _version: VersionSchema.optional(),
});
export type LineClientData = z.infer<typeof LineClientDataSchema>;

/** Whether the client counts as blocked at `now` (on `lineId`, when given). */
export function isClientBlocked(client: LineClientData, now: Date, lineId?: string): boolean {
  if (client._blockedStatus !== LineClientBlockedStatus.blocked) return false;
  if (client._blockedUntil !== undefined && Date.parse(client._blockedUntil) <= now.getTime())
    return false;
  return (
    client._blockedLine === undefined || lineId === undefined || client._blockedLine === lineId
  );
}
