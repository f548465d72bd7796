import { LinesEvents } from './event-subjects';

/**
 * The events outside callers may follow (SDK subscriptions, the gateway's SSE stream), by their
 * public names (`event: SessionChanged`). Internal hand-over events (inbound/outbound delivery,
 * entity changes) stay private.
 */
export const PUBLIC_EVENT_SUBJECTS = {
  SessionCreated: LinesEvents.session.created,
  SessionChanged: LinesEvents.session.changed,
  SessionReassigned: LinesEvents.session.reassigned,
  SessionClosed: LinesEvents.session.closed,
  MessageCreated: LinesEvents.message.created,
} as const;

export type PublicEventType = keyof typeof PUBLIC_EVENT_SUBJECTS;
export const PUBLIC_EVENT_TYPES = Object.freeze(
  Object.keys(PUBLIC_EVENT_SUBJECTS) as PublicEventType[],
);
