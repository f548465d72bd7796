import { OutboxEntry, outboxEntry } from '@openlines/messaging';
import { LineChangedPayload, LineData, LinesEvents, SYSTEM_ACTOR } from '@openlines/contracts';
import { lineChanges } from './line-changes.rules';

/**
 * The line.changed event of one write. Its id is derived from the line's version after the
 * write, so a retried publication of the same change carries the same id.
 */
export function lineChangedEntry(
  before: LineData | undefined,
  after: LineData,
  version: number,
  now: Date,
): OutboxEntry {
  const payload: LineChangedPayload = {
    eventId: `line.changed:${after.__id}:${version}`,
    occurredAt: now.toISOString(),
    lineId: after.__id,
    changes: lineChanges(before, after),
    line: { ...after, _version: version },
    actor: { ...SYSTEM_ACTOR },
  };
  return outboxEntry(LinesEvents.line.changed, payload, now);
}
