import { z } from 'zod';
import { LineSessionPriority, LineSessionState } from '../enums';
import { LineApplicationRefSchema } from './application.schema';
import {
  ExternalIdSchema,
  IdSchema,
  IsoDateSchema,
  SystemFieldsShape,
  VersionSchema,
} from './common.schema';

/** A session (one conversation) [doc + ours: `_botId`, `_version`], as services return it. */
export const LineSessionDataSchema = z.object({
  ...SystemFieldsShape,
  /** Linked request app items (writable). */
  _apps: z.array(LineApplicationRefSchema),
  /** Last reassignment or state change. */
  _acceptedAt: IsoDateSchema.optional(),
  _channel: IdSchema,
  _clients: z.array(IdSchema),
  _closedAt: IsoDateSchema.optional(),
  _externalChatId: ExternalIdSchema.optional(),
  _externalChatName: z.string().optional(),
  _lastActivityAt: IsoDateSchema,
  _line: IdSchema,
  _priority: z.nativeEnum(LineSessionPriority),
  _state: z.nativeEnum(LineSessionState),
  /** The operator group that sees the session and can take it from the queue. */
  _userGroupId: IdSchema.optional(),
  /** The assigned operator. */
  _userId: IdSchema.optional(),
  /** The assigned bot. */
  _botId: IdSchema.optional(),
  /** Increases on every change; assignment is a compare-and-set on it. */
  _version: VersionSchema,
});
export type LineSessionData = z.infer<typeof LineSessionDataSchema>;

/** Keys of LineSessionData: the `field` of a SessionFieldChange. */
export const LineSessionFieldSchema = LineSessionDataSchema.keyof();
export type LineSessionField = z.infer<typeof LineSessionFieldSchema>;
