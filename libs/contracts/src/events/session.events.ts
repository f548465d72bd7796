import { z } from 'zod';
import { ActorSchema } from '../data/actor.schema';
import { FieldValueSchema, IdSchema, VersionSchema } from '../data/common.schema';
import { LineSessionDataSchema, LineSessionFieldSchema } from '../data/session.data';
import { EventBaseShape } from './event-base.schema';

/** [doc] One changed field of a session; `null` stands for an absent value. */
export const SessionFieldChangeSchema = z.object({
  field: LineSessionFieldSchema,
  oldValue: FieldValueSchema,
  newValue: FieldValueSchema,
});
export type SessionFieldChange = z.infer<typeof SessionFieldChangeSchema>;

/** [doc] Every change of a session; `version` is the session's `_version` after the change. */
export const SessionChangedPayloadSchema = z.object({
  ...EventBaseShape,
  sessionId: IdSchema,
  lineId: IdSchema,
  channelId: IdSchema,
  version: VersionSchema,
  changes: z.array(SessionFieldChangeSchema).min(1),
  actor: ActorSchema,
});
export type SessionChangedPayload = z.infer<typeof SessionChangedPayloadSchema>;

/** Who is responsible for a session: an operator, a group's queue, a bot (any may be absent). */
export const SessionAssigneeSchema = z.object({
  userId: IdSchema.optional(),
  userGroupId: IdSchema.optional(),
  botId: IdSchema.optional(),
});
export type SessionAssignee = z.infer<typeof SessionAssigneeSchema>;

/**
 * Why the responsible operator / group / bot changed [ours]: `created` (first assignment of a new
 * session), `routing` (auto distribution), an explicit call, or `operatorOffline` (the line
 * requeues sessions of operators who go offline), or `unmarkAsSpam` (back to work).
 */
export const SESSION_ASSIGNMENT_REASONS = [
  'created',
  'routing',
  'assignToOperator',
  'assignToOperatorGroup',
  'assignToBot',
  'operatorOffline',
  'unmarkAsSpam',
] as const;
export const SessionAssignmentReasonSchema = z.enum(SESSION_ASSIGNMENT_REASONS);
export type SessionAssignmentReason = z.infer<typeof SessionAssignmentReasonSchema>;

/** [doc] The responsible operator, group or bot changed. */
export const SessionReassignedPayloadSchema = z.object({
  ...EventBaseShape,
  sessionId: IdSchema,
  lineId: IdSchema,
  version: VersionSchema,
  from: SessionAssigneeSchema,
  to: SessionAssigneeSchema,
  reason: SessionAssignmentReasonSchema,
  actor: ActorSchema,
  /** assignToBot(silent = true): the bot takes the session without starting its script. */
  silent: z.boolean().optional(),
});
export type SessionReassignedPayload = z.infer<typeof SessionReassignedPayloadSchema>;

/** Fields shared by the created and closed events: where it is, and the whole session. */
const SessionSnapshotShape = {
  ...EventBaseShape,
  sessionId: IdSchema,
  lineId: IdSchema,
  channelId: IdSchema,
  version: VersionSchema,
  actor: ActorSchema,
  session: LineSessionDataSchema,
};

/** A session was opened (processes start on it [doc]). */
export const SessionCreatedPayloadSchema = z.object(SessionSnapshotShape);
export type SessionCreatedPayload = z.infer<typeof SessionCreatedPayloadSchema>;

/** A session reached `Closed` (processes start on it [doc]); `session` is its final state. */
export const SessionClosedPayloadSchema = z.object(SessionSnapshotShape);
export type SessionClosedPayload = z.infer<typeof SessionClosedPayloadSchema>;
