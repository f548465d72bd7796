import { LineMetricData, LineMetricType } from '@openlines/contracts';
import { MetricsHarness } from './support/metrics-harness.fixture';
import { referenceCells, referenceTotals, serviceCells } from './support/reference.fixture';
import { generateTraffic, random } from './support/traffic.fixture';

const SESSIONS = Number(process.env.METRICS_TRAFFIC_SESSIONS ?? 10_000);

/**
 * Generated traffic of SESSIONS sessions with known timings, through the projection use cases and
 * the store (no NATS: the NATS path is covered by the integration specs with the same generator).
 * Events arrive per session in a shuffled order for a third of the sessions, and a tenth of all
 * events twice. Every figure of every item must equal the reference computed from the stories.
 */
describe(`generated traffic: ${SESSIONS} sessions`, () => {
  const traffic = generateTraffic({
    sessions: SESSIONS,
    seed: 20250106,
    prefix: 'gen',
    start: Date.UTC(2025, 0, 6, 0),
  });
  const h = new MetricsHarness();

  beforeAll(async () => {
    const rnd = random(7);
    const bySession = new Map<string, typeof traffic.events>();
    for (const e of traffic.events) {
      const key = String(e.payload.sessionId ?? e.payload.eventId);
      bySession.set(key, [...(bySession.get(key) ?? []), e]);
    }
    for (const events of bySession.values()) {
      const arrival = rnd() < 0.33 ? [...events].sort(() => rnd() - 0.5) : events;
      await h.feed(arrival.flatMap((e) => (rnd() < 0.1 ? [e, e] : [e])));
    }
  }, 600_000);

  it('every item equals the reference aggregated from the stories', async () => {
    const items: LineMetricData[] = [];
    for (let from = 0; ; from += 10_000) {
      const page = await h.search.search({
        from,
        size: 10_000,
        sort: [{ field: '__id', ascending: true }],
      });
      items.push(...page.items);
      if (page.items.length < 10_000) break;
    }
    const expected = referenceCells(traffic);
    const actual = serviceCells(items);
    expect(actual.size).toBe(expected.size);
    expect(actual).toEqual(expected);
  });

  it.each(traffic.lines)('report totals of line %s equal the reference', async (line) => {
    const totals = await h.totals(
      { lineId: line },
      '2025-01-01T00:00:00.000Z',
      '2025-01-10T00:00:00.000Z',
    );
    for (const type of Object.values(LineMetricType)) {
      const samples = traffic.samples.filter((s) => s.line === line && s.type === type);
      const expected = referenceTotals(traffic, type, samples);
      if (expected.count === 0) expect(totals[type]).toBeUndefined();
      else expect(totals[type]).toMatchObject(expected);
    }
  });
});
