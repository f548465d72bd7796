import { z } from 'zod';
import { ActorSchema, OptionalActorSchema } from '../data/actor.schema';
import { LineApplicationRefInputSchema } from '../data/application.schema';
import { IdSchema, NameSchema } from '../data/common.schema';
import {
  LineMessageDataSchema,
  LineMessageFileInputSchema,
  MESSAGE_FILES_MAX,
  MESSAGE_TEXT_MAX_LENGTH,
} from '../data/message.data';
import { LineSessionDataSchema } from '../data/session.data';
import { LineSessionPriority } from '../enums';
import { nonEmpty } from './rpc-common';

/**
 * Requests that change a session. Each names the session and the actor (absent = the system);
 * the service checks the actor's rights (operator of the line, supervisor, online…).
 */
const command = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ sessionId: IdSchema, actor: OptionalActorSchema, ...shape }).strict();

/** [doc] `LineSessions.create(channel, account)`: a session opened on behalf of `actor`. */
export const SessionCreateRequestSchema = z
  .object({ channelId: IdSchema, account: z.string().trim().min(1).max(320), actor: ActorSchema })
  .strict();
export type SessionCreateRequest = z.input<typeof SessionCreateRequestSchema>;

/** The writable fields [doc]: `__name` and the linked request app items `_apps` (replaced). */
export const SessionUpdateRequestSchema = command({
  data: nonEmpty(
    z
      .object({ __name: NameSchema, _apps: z.array(LineApplicationRefInputSchema).max(50) })
      .partial()
      .strict(),
  ),
});
export type SessionUpdateRequest = z.input<typeof SessionUpdateRequestSchema>;

export const SessionAssignToOperatorRequestSchema = command({ operatorId: IdSchema });
export type SessionAssignToOperatorRequest = z.input<typeof SessionAssignToOperatorRequestSchema>;

export const SessionAssignToOperatorGroupRequestSchema = command({ groupId: IdSchema });
export type SessionAssignToOperatorGroupRequest = z.input<
  typeof SessionAssignToOperatorGroupRequestSchema
>;

/** `silent` suppresses the bot's start [doc]. */
export const SessionAssignToBotRequestSchema = command({ silent: z.boolean().default(false) });
export type SessionAssignToBotRequest = z.input<typeof SessionAssignToBotRequestSchema>;

/** close, markAsSpam, unmarkAsSpam: nothing but the session and the actor. */
export const SessionActionRequestSchema = command({});
export type SessionActionRequest = z.input<typeof SessionActionRequestSchema>;

export const SessionSetPriorityRequestSchema = command({
  priority: z.nativeEnum(LineSessionPriority),
});
export type SessionSetPriorityRequest = z.input<typeof SessionSetPriorityRequestSchema>;

const MessageTextSchema = z.string().max(MESSAGE_TEXT_MAX_LENGTH);

/** An operator's (or bot's) reply; it needs text, files, or both. */
export const SessionSendMessageRequestSchema = command({
  text: MessageTextSchema.default(''),
  files: z.array(LineMessageFileInputSchema).max(MESSAGE_FILES_MAX).optional(),
}).superRefine((request, ctx) => {
  if (request.text.trim() === '' && (request.files ?? []).length === 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['text'],
      message: 'Required when no files are sent',
    });
  }
});
export type SessionSendMessageRequest = z.input<typeof SessionSendMessageRequestSchema>;

/** [doc] `sendSystemMessage(text)`. */
export const SessionSendSystemMessageRequestSchema = command({
  text: MessageTextSchema.refine((text) => text.trim() !== '', 'Must not be blank'),
});
export type SessionSendSystemMessageRequest = z.input<typeof SessionSendSystemMessageRequestSchema>;

/** Reply of the send verbs: the stored message and the session after it. */
export const SessionMessageReplySchema = z.object({
  message: LineMessageDataSchema,
  session: LineSessionDataSchema,
});
export type SessionMessageReply = z.infer<typeof SessionMessageReplySchema>;
