import { z } from 'zod';
import {
  ChannelChangedPayloadSchema,
  ClientChangedPayloadSchema,
  LineChangedPayloadSchema,
} from './entity.events';
import { LinesEvents, LinesEventSubject } from './event-subjects';
import {
  MessageCreatedPayloadSchema,
  MessageInboundPayloadSchema,
  MessageOutboundPayloadSchema,
} from './message.events';
import {
  SessionChangedPayloadSchema,
  SessionClosedPayloadSchema,
  SessionCreatedPayloadSchema,
  SessionReassignedPayloadSchema,
} from './session.events';

/** Subject → payload schema, so publishers and consumers validate by subject alone. */
export const EVENT_SCHEMAS = {
  [LinesEvents.session.created]: SessionCreatedPayloadSchema,
  [LinesEvents.session.changed]: SessionChangedPayloadSchema,
  [LinesEvents.session.reassigned]: SessionReassignedPayloadSchema,
  [LinesEvents.session.closed]: SessionClosedPayloadSchema,
  [LinesEvents.message.created]: MessageCreatedPayloadSchema,
  [LinesEvents.message.outbound]: MessageOutboundPayloadSchema,
  [LinesEvents.message.inbound]: MessageInboundPayloadSchema,
  [LinesEvents.channel.changed]: ChannelChangedPayloadSchema,
  [LinesEvents.client.changed]: ClientChangedPayloadSchema,
  [LinesEvents.line.changed]: LineChangedPayloadSchema,
} as const satisfies Record<LinesEventSubject, z.ZodTypeAny>;

/** The payload type of one event subject. */
export type EventPayload<S extends LinesEventSubject> = z.infer<(typeof EVENT_SCHEMAS)[S]>;

export const EVENT_SUBJECTS: readonly LinesEventSubject[] = Object.freeze(
  Object.keys(EVENT_SCHEMAS) as LinesEventSubject[],
);

export function isLinesEventSubject(subject: string): subject is LinesEventSubject {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMAS, subject);
}
