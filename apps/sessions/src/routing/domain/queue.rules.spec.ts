import { LineSessionPriority } from '@openlines/contracts';
import { QueueClock, QueuedSession, effectiveRank, orderQueue } from './queue.rules';

const T0 = Date.parse('2024-01-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const { Low, Medium, High } = LineSessionPriority;
const queued = (id: string, priority: QueuedSession['priority'], minutes: number, tickOffset = 0): QueuedSession => ({
  id,
  priority,
  queuedAt: at(minutes).toISOString(),
  queueTick: at(minutes).getTime() * 1000 + tickOffset,
});

describe('queue order', () => {
  it('serves higher priority first, then the longest waiting', () => {
    const now = at(1);
    const order = orderQueue(
      [queued('m-late', Medium, 0.5), queued('l', Low, 0), queued('h', High, 0.9), queued('m-early', Medium, 0.1)],
      now,
      10,
    ).map((s) => s.id);
    expect(order).toEqual(['h', 'm-early', 'm-late', 'l']);
  });

  it('is strictly FIFO within one priority, also inside one millisecond', () => {
    const sameMs = [3, 1, 2, 0].map((n) => queued(`s${n}`, Medium, 0, n));
    expect(orderQueue(sameMs, at(0), 10).map((s) => s.id)).toEqual(['s0', 's1', 's2', 's3']);
  });

  it('ages: one level per N minutes waited, capped at High', () => {
    const low = queued('l', Low, 0);
    expect(effectiveRank(low, at(9.9), 10)).toBe(0);
    expect(effectiveRank(low, at(10), 10)).toBe(1);
    expect(effectiveRank(low, at(25), 10)).toBe(2);
    expect(effectiveRank(low, at(500), 10)).toBe(2);
    expect(effectiveRank(low, at(500), 0)).toBe(0);
  });

  it('lets an old low-priority session overtake newer higher ones (no starvation)', () => {
    const now = at(20);
    const order = orderQueue([queued('h-new', High, 19), queued('m-new', Medium, 19.5), queued('l-old', Low, 0)], now, 10);
    // l-old has aged to High and waited longest; m-new is still Medium.
    expect(order.map((s) => s.id)).toEqual(['l-old', 'h-new', 'm-new']);
  });

  it('keeps FIFO among equal base priorities under ageing', () => {
    const now = at(35);
    const sessions = [0, 7, 14, 21, 28, 34].map((m) => queued(`l${m}`, Low, m));
    expect(orderQueue([...sessions].reverse(), now, 10).map((s) => s.id)).toEqual(sessions.map((s) => s.id));
  });

  it('ticks monotonically even when the clock stands still or goes back', () => {
    const clock = new QueueClock();
    const a = clock.tick(at(1));
    const b = clock.tick(at(1));
    const c = clock.tick(at(0));
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(clock.tick(at(2))).toBe(at(2).getTime() * 1000);
  });
});
