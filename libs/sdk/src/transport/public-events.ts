import {
  EVENT_SCHEMAS,
  PUBLIC_EVENT_SUBJECTS,
  PUBLIC_EVENT_TYPES,
  PublicEventType,
} from '@openlines/contracts';
import { z } from 'zod';

/** The public events an SDK user can subscribe to (the names the gateway's SSE stream uses). */
export const LINES_EVENT_SUBJECTS = PUBLIC_EVENT_SUBJECTS;
export type LinesEventType = PublicEventType;
export const LINES_EVENT_TYPES = PUBLIC_EVENT_TYPES;

export type LinesEventPayload<E extends LinesEventType> = z.infer<
  (typeof EVENT_SCHEMAS)[(typeof LINES_EVENT_SUBJECTS)[E]]
>;

/** Narrows a subscription; every public event carries `lineId` and `sessionId`. */
export interface LinesEventFilter {
  lineId?: string;
  sessionId?: string;
}

/** Parses an event with its contract schema; a malformed one is dropped (undefined), not thrown. */
export function parseLinesEvent<E extends LinesEventType>(
  type: E,
  payload: unknown,
): LinesEventPayload<E> | undefined {
  const result = EVENT_SCHEMAS[LINES_EVENT_SUBJECTS[type]].safeParse(payload);
  return result.success ? (result.data as LinesEventPayload<E>) : undefined;
}

export function matchesFilter(
  payload: { lineId: string; sessionId: string },
  filter: LinesEventFilter,
): boolean {
  return (
    (filter.lineId === undefined || payload.lineId === filter.lineId) &&
    (filter.sessionId === undefined || payload.sessionId === filter.sessionId)
  );
}
