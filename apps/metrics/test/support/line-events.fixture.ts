import { LinesEvents } from '@openlines/contracts';
import type { StreamEvent } from './session-events.fixture';

const iso = (ms: number) => new Date(ms).toISOString();

/** A line.changed event setting the line's reply target at `atMs`. */
export function lineTargetEvent(
  lineId: string,
  atMs: number,
  target: number,
  previous: number | null,
  eventId: string,
): StreamEvent {
  const t = iso(atMs);
  return {
    subject: LinesEvents.line.changed,
    payload: {
      eventId,
      occurredAt: t,
      lineId,
      changes: [{ field: '_targetReplySeconds', oldValue: previous, newValue: target }],
      line: {
        __id: lineId,
        __name: lineId,
        __createdAt: t,
        __createdBy: 'system',
        __updatedAt: t,
        __updatedBy: 'system',
        _operatorGroups: ['G'],
        _supervisorGroups: [],
        _requestApps: [],
        _sessionNameTemplate: '{client}',
        _distribution: 'manual',
        _operatorCapacity: 5,
        _botFirst: false,
        _requeueOnOffline: false,
        _targetReplySeconds: target,
      },
    },
  };
}
