import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventPublisher, NatsConnection, connectNats } from '@openlines/messaging';
import { testLogger } from '@openlines/testing';
import { LineMetricType, LinesClient, LineSessionState } from '@openlines/sdk';
import { ConversationTraffic } from './support/conversation-traffic';
import { CrashRun } from './support/crash-run';
import { readEventStream } from './support/event-stream';
import { duplicatesIn, lostEvents, relayDuplicates } from './support/event-checks';
import { expectedTotals, StoredSession, totalsOnceEqual } from './support/metrics-report';
import { fuzzSeed, SeededRandom } from './support/seeded-random';
import { RunningSystem, SERVICES, startSystem } from './support/system';
import { WidgetLine } from './support/widget-line';

jest.setTimeout(240_000);

const SEED = fuzzSeed('CRASH_SEED', 1303);
const CONVERSATIONS = 200;
const CONCURRENCY = 16;
const OPERATORS = Array.from({ length: 8 }, (_, i) => `crash-op-${i}`);
const CAPACITY = 3;
/** Acknowledgements per conversation: two visitor messages, the session seen, a reply, a close. */
const ACKS_PER_CONVERSATION = 5;

/**
 * Every process (five services and nats-server) is killed with SIGKILL at a seeded moment of
 * live chat traffic on the durable store, then started again; the traffic resumes and ends.
 * Afterwards the store keeps everything a caller was told before the kill, the metrics equal
 * what the sessions say, and the stream holds every event once: nothing published twice, no
 * change without its event. CRASH_SEED replays another moment.
 */
describe('a crash of every process in the middle of traffic', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openlines-crash-'));
  const total = CONVERSATIONS * ACKS_PER_CONVERSATION;
  const killAfterAcks = new SeededRandom(SEED).int(
    Math.round(total * 0.2),
    Math.round(total * 0.6),
  );
  const startedAt = Date.now();
  let system: RunningSystem;
  let run: CrashRun;
  let lines: LinesClient;
  let line: WidgetLine;
  let traffic: ConversationTraffic;
  let nc: NatsConnection | undefined;
  const stored: StoredSession[] = [];

  beforeAll(async () => {
    system = await startSystem({
      dataDir,
      ownNats: true,
      // info: the relays' "not stored twice" reports; line settings cached as in production.
      env: Object.fromEntries(
        SERVICES.map((s) => [s, { LOG_LEVEL: 'info', SESSIONS_DIRECTORY_CACHE_MS: '2000' }]),
      ),
      watch: /not stored twice/,
    });
    run = new CrashRun(system, String(SEED));
    lines = run.client('nats');
  }, 180_000);
  afterAll(async () => {
    await run?.close();
    await nc?.drain();
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it(`runs ${CONVERSATIONS} live chat conversations through a kill -9 of everything (seed ${SEED})`, async () => {
    line = await run.line(lines, OPERATORS, CAPACITY);
    traffic = new ConversationTraffic(run.traffic(line, lines, killAfterAcks), run.gate);
    await traffic.run(CONVERSATIONS, CONCURRENCY, String(SEED));
    await run.settled();
    expect(run.gate.started).toBe(true);
    expect(traffic.conversations.filter((c) => c.closed !== undefined)).toHaveLength(CONVERSATIONS);
  });

  it('keeps every line, channel, client, session and message acknowledged before the kill', async () => {
    for (const { lineId, channelId } of [line, ...run.extras]) {
      expect((await lines.lines.get(lineId)).id).toBe(lineId);
      expect((await lines.channels.get(channelId)).id).toBe(channelId);
    }
    for (const conversation of traffic.conversations) {
      const { id, clientId } = conversation.session!;
      const session = await lines.sessions.get(id);
      expect((await lines.clients.get(clientId)).id).toBe(clientId);
      const messages = (await session.getAllMessages(0, 100)).map((m) => m.data);
      const bodies = messages.map((m) => m.body);
      for (const acked of [...conversation.clientMessages, ...conversation.replies])
        expect(bodies).toContain(acked.text);
      // A visitor message is stored once, however often it was delivered.
      expect(messages.filter((m) => m.client !== undefined)).toHaveLength(2);
      expect(session.data._state).toBe(LineSessionState.Closed);
      stored.push({
        session: session.data,
        messages,
        assignments: await session.getAssignmentHistory(),
      });
    }
    const all = await lines.sessions
      .search()
      .where((f) => f._line.eq(line.lineId))
      .size(1000)
      .all();
    expect(all).toHaveLength(CONVERSATIONS);
  });

  it('reports the metrics the stored sessions imply: the projection lost or doubled nothing', async () => {
    const expected = expectedTotals(stored);
    const reported = await totalsOnceEqual(lines, line.lineId, startedAt, expected);
    for (const [type, { count, sum }] of Object.entries(expected)) {
      const got = reported[type as LineMetricType];
      expect({ type, count: got.count }).toEqual({ type, count });
      expect(got.sum).toBeCloseTo(sum, 2);
    }
  });

  it('holds every event once in the stream, and no change of the store lacks its event', async () => {
    nc = await connectNats({ servers: [system.natsUrl] }, testLogger('crash-spec'), 'crash-spec');
    // The last events stored before the kill, published again: the restarted server drops them.
    const probes = (await readEventStream(nc))
      .filter((e) => Date.parse(String(e.payload.occurredAt)) < run.killedAt)
      .slice(-20);
    const publisher = new EventPublisher(nc);
    for (const probe of probes) {
      const again = await publisher.publish(probe.subject, probe.payload as { eventId: string });
      expect({ id: probe.msgId, duplicate: again.duplicate }).toEqual({
        id: probe.msgId,
        duplicate: true,
      });
    }

    const events = await readEventStream(nc);
    const { perId, twice, withoutId } = duplicatesIn(events);
    expect(withoutId).toEqual([]);
    expect(twice).toEqual([]);
    const entities = [line, ...run.extras];
    const lost = lostEvents(
      events,
      stored,
      entities.map((e) => e.lineId),
      entities.map((e) => e.channelId),
    );
    expect(lost.missing).toEqual([]);
    const relays = relayDuplicates(system.matched());
    console.log(
      `crash test, seed ${SEED}: ${CONVERSATIONS} conversations; killed after ${killAfterAcks} of ${total} ` +
        `acknowledgements, ${run.killedAt - startedAt} ms into the run, all up again ${run.restartMs} ms later; ` +
        `${events.length} stream messages, ${perId.size} distinct event ids, ${lost.checked} expected events found; ` +
        `after the restart the relays met ${relays.duplicates} events the stream dropped as duplicates and ` +
        `${relays.foundInStream} they found in it before publishing; ${probes.length} pre-kill events ` +
        `published again as probes were all dropped`,
    );
  });
});
