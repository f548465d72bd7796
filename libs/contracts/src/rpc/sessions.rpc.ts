import { z } from 'zod';
import { ActorSchema } from '../data/actor.schema';
import { IdSchema, IsoDateSchema, VersionSchema } from '../data/common.schema';
import { LineMessageDataSchema } from '../data/message.data';
import { LineSessionDataSchema } from '../data/session.data';
import { SessionAssigneeSchema, SessionAssignmentReasonSchema } from '../events/session.events';
import {
  CountReplySchema,
  CountRequestSchema,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  SearchRequestSchema,
} from '../query/search';
import { ByIdRequestSchema, itemsReplySchema, rpcSubjects, RpcSchemaPair } from './rpc-common';
import * as C from './sessions-commands.rpc';

export const LinesSessionsRpc = rpcSubjects('sessions', [
  'create',
  'get',
  'search',
  'count',
  'update',
  'assignToOperator',
  'assignToOperatorGroup',
  'assignToBot',
  'close',
  'markAsSpam',
  'unmarkAsSpam',
  'setPriority',
  'sendMessage',
  'sendSystemMessage',
  'getAllMessages',
  'getLastMessage',
  'getAssignmentReasons',
] as const);

/** [doc] `getAllMessages(from?, size?)`: oldest first, default 0 and 10, size at most 10,000. */
export const SessionGetAllMessagesRequestSchema = z
  .object({
    sessionId: IdSchema,
    from: z.number().int().min(0).default(0),
    size: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type SessionGetAllMessagesRequest = z.input<typeof SessionGetAllMessagesRequestSchema>;

/**
 * [ours] A page also stops before `size` messages once it reaches its byte budget (below the NATS
 * max payload): then `hasMore` is true and the rest of the requested range starts at `nextFrom`.
 * The SDK's getAllMessages follows it, so its callers get the whole range.
 */
export const SessionMessagesReplySchema = itemsReplySchema(LineMessageDataSchema).extend({
  hasMore: z.boolean().optional(),
  nextFrom: z.number().int().min(0).optional(),
});
export type SessionMessagesReply = z.infer<typeof SessionMessagesReplySchema>;

/** By-session queries. */
export const SessionQueryRequestSchema = z.object({ sessionId: IdSchema }).strict();
export type SessionQueryRequest = z.input<typeof SessionQueryRequestSchema>;

export const SessionLastMessageReplySchema = z.object({
  message: LineMessageDataSchema.nullable(),
});
export type SessionLastMessageReply = z.infer<typeof SessionLastMessageReplySchema>;

/** One change of who is responsible for the session (as in SessionReassigned), oldest first. */
export const SessionAssignmentRecordSchema = z.object({
  version: VersionSchema,
  from: SessionAssigneeSchema,
  to: SessionAssigneeSchema,
  reason: SessionAssignmentReasonSchema,
  actor: ActorSchema,
  occurredAt: IsoDateSchema,
  /** Automatic assignments: the router's rule and every candidate it weighed. */
  rule: z.string().optional(),
  candidates: z
    .array(
      z.object({
        operatorId: IdSchema,
        status: z.string(),
        activeSessions: z.number().int().min(0),
        capacity: z.number().int().min(0),
        idleSince: z.string(),
        eligible: z.boolean(),
        excludedBecause: z.string().optional(),
      }),
    )
    .optional(),
});
export type SessionAssignmentRecord = z.infer<typeof SessionAssignmentRecordSchema>;
export const SessionAssignmentReasonsReplySchema = itemsReplySchema(SessionAssignmentRecordSchema);

export const SessionSearchReplySchema = itemsReplySchema(LineSessionDataSchema);

const S = LinesSessionsRpc;
const session = LineSessionDataSchema;
/** Mutating verbs reply with the session after the change. */
export const LinesSessionsRpcSchemas = {
  [S.create]: { request: C.SessionCreateRequestSchema, reply: session },
  [S.get]: { request: ByIdRequestSchema, reply: session },
  [S.search]: { request: SearchRequestSchema, reply: SessionSearchReplySchema },
  [S.count]: { request: CountRequestSchema, reply: CountReplySchema },
  [S.update]: { request: C.SessionUpdateRequestSchema, reply: session },
  [S.assignToOperator]: { request: C.SessionAssignToOperatorRequestSchema, reply: session },
  [S.assignToOperatorGroup]: {
    request: C.SessionAssignToOperatorGroupRequestSchema,
    reply: session,
  },
  [S.assignToBot]: { request: C.SessionAssignToBotRequestSchema, reply: session },
  [S.close]: { request: C.SessionActionRequestSchema, reply: session },
  [S.markAsSpam]: { request: C.SessionActionRequestSchema, reply: session },
  [S.unmarkAsSpam]: { request: C.SessionActionRequestSchema, reply: session },
  [S.setPriority]: { request: C.SessionSetPriorityRequestSchema, reply: session },
  [S.sendMessage]: {
    request: C.SessionSendMessageRequestSchema,
    reply: C.SessionMessageReplySchema,
  },
  [S.sendSystemMessage]: {
    request: C.SessionSendSystemMessageRequestSchema,
    reply: C.SessionMessageReplySchema,
  },
  [S.getAllMessages]: {
    request: SessionGetAllMessagesRequestSchema,
    reply: SessionMessagesReplySchema,
  },
  [S.getLastMessage]: { request: SessionQueryRequestSchema, reply: SessionLastMessageReplySchema },
  [S.getAssignmentReasons]: {
    request: SessionQueryRequestSchema,
    reply: SessionAssignmentReasonsReplySchema,
  },
} as const satisfies Record<(typeof S)[keyof typeof S], RpcSchemaPair>;
