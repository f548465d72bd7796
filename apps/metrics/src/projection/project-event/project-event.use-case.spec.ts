import {
  ErrorCode,
  LineMetricType as T,
  LineSessionState as S,
  LinesEvents,
} from '@openlines/contracts';
import { FlakyStoreFactory, MetricsHarness } from '../../../test/support/metrics-harness.fixture';
import { lineTargetEvent } from '../../../test/support/line-events.fixture';
import { SessionEvents } from '../../../test/support/session-events.fixture';
import { METRIC_CELLS_COLLECTION } from '../../metric-items/persistence/metric-cell.schema';

/** A session answered `replyAfter` seconds after the client's first message, by operator `op`. */
function answered(id: string, op: string, replyAfter: number): SessionEvents {
  return new SessionEvents(id)
    .created(0, S.Waiting)
    .client(0)
    .change(5, { state: S.AssignedToOperator, userId: op })
    .operator(replyAfter, op)
    .change(replyAfter + 10, { state: S.Closed });
}

describe('projecting events into metric items (memory store, no NATS)', () => {
  it('folds a session into items of the line, the operator and the channel', async () => {
    const h = new MetricsHarness();
    await h.feed(answered('S1', 'A', 20).events);
    const line = await h.totals({ lineId: 'L1' });
    expect(line.sessionsCreated?.count).toBe(1);
    expect(line.waitingTime).toMatchObject({ count: 1, sum: 5, min: 5, max: 5 });
    expect(line.firstResponseTime).toMatchObject({ count: 1, sum: 20 });
    expect(line.handlingTime).toMatchObject({ count: 1, sum: 25 });
    expect((await h.totals({ operatorId: 'A' })).firstResponseTime?.sum).toBe(20);
    expect((await h.totals({ channelId: 'C1' })).sessionDuration?.sum).toBe(30);
    const { items } = await h.search.search({ size: 100 });
    // 9 types; by the hour and by the day; line + channel grains, + operator for the 7 credited ones
    expect(items.every((item) => item._line === 'L1')).toBe(true);
    expect(await h.search.count({ filter: { field: '_period', op: 'eq', value: 'hour' } })).toEqual(
      { count: items.length / 2 },
    );
  });

  it('an event delivered again, or the whole session replayed, changes nothing', async () => {
    const h = new MetricsHarness();
    const s = answered('S1', 'A', 20);
    await h.feed(s.events);
    const before = await h.totals();
    await h.feed([...s.events].reverse());
    expect(await h.totals()).toEqual(before);
  });

  it('spam withdraws a session from min and max exactly; un-spam brings it back', async () => {
    const h = new MetricsHarness();
    await h.feed([...answered('S1', 'A', 10).events, ...answered('S2', 'A', 50).events]);
    expect((await h.totals()).firstResponseTime).toMatchObject({ count: 2, min: 10, max: 50 });
    const spam = new SessionEvents('S3')
      .created(0, S.Waiting)
      .client(0)
      .change(1, { state: S.AssignedToOperator, userId: 'A' })
      .operator(3, 'A');
    await h.feed(spam.events);
    expect((await h.totals()).firstResponseTime).toMatchObject({ count: 3, min: 3, max: 50 });
    await h.feed(spam.change(60, { state: S.MarkedAsSpam }).events.slice(-1));
    const withdrawn = await h.totals();
    expect(withdrawn.firstResponseTime).toMatchObject({ count: 2, min: 10, max: 50 });
    expect(withdrawn.sessionsMarkedAsSpam).toMatchObject({ count: 1 });
    expect(withdrawn.sessionsCreated?.count).toBe(2);
    await h.feed(spam.change(70, { state: S.AssignedToOperator }).events.slice(-1));
    const back = await h.totals();
    expect(back.firstResponseTime).toMatchObject({ count: 3, min: 3, max: 50 });
    expect(back.sessionsMarkedAsSpam).toBeUndefined();
  });

  it('a write interrupted half-way is completed by the redelivery, never counted twice', async () => {
    const factory = new FlakyStoreFactory();
    const h = new MetricsHarness(factory);
    const events = answered('S1', 'A', 20).events;
    const closing = events.filter((e) => e.subject === LinesEvents.session.changed).pop()!;
    const closed = events.find((e) => e.subject === LinesEvents.session.closed)!;
    await h.feed(events.filter((e) => e !== closing && e !== closed));
    factory.failAfter(METRIC_CELLS_COLLECTION, 3);
    await expect(
      h.components.projectEvent.execute(closing.subject, closing.payload),
    ).rejects.toThrow('injected failure');
    factory.heal();
    await h.feed([closing, closing, closed]);
    const reference = new MetricsHarness();
    await reference.feed(events);
    expect(await h.totals()).toEqual(await reference.totals());
    expect(await h.search.search({ size: 1000 })).toEqual(
      expect.objectContaining({ items: expect.any(Array) }),
    );
    expect((await h.search.count({})).count).toBe((await reference.search.count({})).count);
  });

  it('first responses are judged against the target in force when given, also when the change arrives late', async () => {
    const h = new MetricsHarness();
    const s = new SessionEvents('S1');
    await h.feed([lineTargetEvent('L1', s.at(-100), 30, null, 'line-1')]);
    await h.feed([...answered('S1', 'A', 20).events, ...answered('S2', 'A', 45).events]);
    expect((await h.totals()).firstResponseTime).toMatchObject({ count: 2, serviceLevel: 0.5 });
    await h.feed([lineTargetEvent('L1', s.at(-50), 60, 30, 'line-2')]);
    expect((await h.totals()).firstResponseTime?.serviceLevel).toBe(1);
    const { items } = await h.search.search({
      filter: { field: '_type', op: 'eq', value: T.firstResponseTime },
      size: 100,
    });
    expect(items.every((item) => item._withinTarget === item._count)).toBe(true);
  });

  it('a malformed event is refused with VALIDATION_FAILED naming the field; other subjects are ignored', async () => {
    const h = new MetricsHarness();
    const [created] = answered('S1', 'A', 20).events;
    const broken = { ...created!.payload, sessionId: 42 };
    await expect(h.components.projectEvent.execute(created!.subject, broken)).rejects.toMatchObject(
      {
        code: ErrorCode.ValidationFailed,
        message: expect.stringContaining('sessionId'),
      },
    );
    await expect(h.components.projectEvent.execute(LinesEvents.message.outbound, {})).resolves.toBe(
      'ignored',
    );
  });
});
