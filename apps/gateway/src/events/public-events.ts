import {
  OpenLinesError,
  PUBLIC_EVENT_SUBJECTS,
  PUBLIC_EVENT_TYPES,
  PublicEventType,
} from '@openlines/contracts';

export { PUBLIC_EVENT_SUBJECTS, PUBLIC_EVENT_TYPES } from '@openlines/contracts';
export type { PublicEventType } from '@openlines/contracts';

export interface EventStreamFilter {
  types: ReadonlySet<PublicEventType>;
  lineId?: string;
  sessionId?: string;
}

function isPublicType(value: string): value is PublicEventType {
  return Object.prototype.hasOwnProperty.call(PUBLIC_EVENT_SUBJECTS, value);
}

function single(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length > 0 && value.length <= 128) return value;
  throw OpenLinesError.validation(`invalid events query: ${field}`, [
    { field, message: 'expected one id' },
  ]);
}

/** `?lineId=…&sessionId=…&types=A,B` of GET /v1/events; no types = all of them. */
export function parseEventStreamQuery(query: Record<string, unknown>): EventStreamFilter {
  const rawTypes = single(query.types, 'types');
  const names =
    rawTypes === undefined ? [...PUBLIC_EVENT_TYPES] : rawTypes.split(',').map((t) => t.trim());
  const unknown = names.filter((name) => !isPublicType(name));
  if (unknown.length > 0) {
    throw OpenLinesError.validation(`invalid events query: types: unknown ${unknown.join(', ')}`, [
      { field: 'types', message: `expected some of ${PUBLIC_EVENT_TYPES.join(', ')}` },
    ]);
  }
  const lineId = single(query.lineId, 'lineId');
  const sessionId = single(query.sessionId, 'sessionId');
  return {
    types: new Set(names.filter(isPublicType)),
    ...(lineId === undefined ? {} : { lineId }),
    ...(sessionId === undefined ? {} : { sessionId }),
  };
}

/** Whether one event goes to a stream with that filter. */
export function streamWants(
  filter: EventStreamFilter,
  type: PublicEventType,
  payload: { lineId?: unknown; sessionId?: unknown },
): boolean {
  return (
    filter.types.has(type) &&
    (filter.lineId === undefined || payload.lineId === filter.lineId) &&
    (filter.sessionId === undefined || payload.sessionId === filter.sessionId)
  );
}

/** One SSE frame; JSON has no raw newlines, so one data line carries the payload. */
export function sseFrame(type: PublicEventType, id: string, payload: unknown): string {
  return `event: ${type}\nid: ${id.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(payload)}\n\n`;
}
