import { LinesEvents } from '@openlines/contracts';
import { LineSessionState } from '@openlines/sdk';
import { StoredEvent } from './event-stream';
import { StoredSession } from './metrics-report';

export interface LostEvents {
  /** Each change of the store without its event in the stream (should be none). */
  missing: string[];
  /** How many expected events were looked for. */
  checked: number;
}

/**
 * Every change the store shows must have its event in the stream (ids derive from the entity and
 * its version, so each is looked up by id): per session its creation, a SessionChanged for each
 * version (a version may lack one only when the write just appended a message that changed no
 * public field, so at most one such version per message after the first), the SessionClosed of
 * its close, a SessionReassigned per assignment; per message its message.created (and an
 * operator's its message.outbound); per client its creation; per line and channel one event.
 */
export function lostEvents(
  events: readonly StoredEvent[],
  sessions: readonly StoredSession[],
  lineIds: readonly string[],
  channelIds: readonly string[],
): LostEvents {
  const ids = new Set(events.map((event) => String(event.payload.eventId)));
  const missing: string[] = [];
  let checked = 0;
  const expect = (eventId: string, why: string) => {
    checked += 1;
    if (!ids.has(eventId)) missing.push(`${eventId} (${why})`);
  };
  const changedVersions = new Map<string, number[]>();
  for (const event of events) {
    if (event.subject !== LinesEvents.session.changed) continue;
    const sessionId = String(event.payload.sessionId);
    changedVersions.set(sessionId, [
      ...(changedVersions.get(sessionId) ?? []),
      Number(event.payload.version),
    ]);
  }
  for (const { session, messages, assignments } of sessions) {
    const id = session.__id;
    expect(`session.created:${id}:1`, 'its creation');
    const version = session._version;
    expect(`session.changed:${id}:${version}`, 'its last change');
    if (session._state === LineSessionState.Closed)
      expect(`session.closed:${id}:${version}`, 'its close');
    for (const a of assignments)
      expect(`session.reassigned:${id}:${a.version}`, `assignment ${a.reason}`);
    const versions = new Set(changedVersions.get(id) ?? []);
    const beyond = [...versions].filter((v) => v > version || v < 2);
    if (beyond.length > 0)
      missing.push(`session ${id}: SessionChanged of versions ${beyond.join(', ')} it never had`);
    const silent = Array.from({ length: version - 1 }, (_, i) => i + 2).filter(
      (v) => !versions.has(v),
    );
    checked += version - 1;
    if (silent.length > Math.max(0, messages.length - 1)) {
      missing.push(
        `session ${id}: versions ${silent.join(', ')} without SessionChanged (${messages.length} messages)`,
      );
    }
    for (const message of messages) {
      expect(`message.created:${message.__id}`, `a message of session ${id}`);
      if (message.operator !== undefined)
        expect(`message.outbound:${message.__id}`, 'a reply to deliver');
    }
    for (const clientId of session._clients) expect(`client.changed:${clientId}:1`, 'its creation');
  }
  const about = (subject: string, field: string, id: string) => {
    checked += 1;
    if (!events.some((e) => e.subject === subject && e.payload[field] === id))
      missing.push(`${subject} of ${id}`);
  };
  for (const lineId of lineIds) about(LinesEvents.line.changed, 'lineId', lineId);
  for (const channelId of channelIds) about(LinesEvents.channel.changed, 'channelId', channelId);
  return { missing, checked };
}

/** The relays' reports of events already in the stream (their "not stored twice" log lines). */
export function relayDuplicates(logLines: readonly string[]): {
  duplicates: number;
  foundInStream: number;
} {
  let duplicates = 0;
  let foundInStream = 0;
  for (const line of logLines) {
    try {
      const entry = JSON.parse(line) as { duplicates?: number; foundInStream?: number };
      duplicates += entry.duplicates ?? 0;
      foundInStream += entry.foundInStream ?? 0;
    } catch {
      /* not a JSON log line */
    }
  }
  return { duplicates, foundInStream };
}

/** Event ids stored more than once, with how often; and messages stored without their id. */
export function duplicatesIn(events: readonly StoredEvent[]): {
  perId: Map<string, number>;
  twice: [string, number][];
  withoutId: StoredEvent[];
} {
  const perId = new Map<string, number>();
  for (const { msgId } of events) perId.set(String(msgId), (perId.get(String(msgId)) ?? 0) + 1);
  return {
    perId,
    twice: [...perId].filter(([, n]) => n > 1),
    withoutId: events.filter((e) => e.msgId === undefined || e.msgId !== e.payload.eventId),
  };
}
