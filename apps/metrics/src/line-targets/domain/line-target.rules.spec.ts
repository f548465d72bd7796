import {
  DEFAULT_TARGET_SECONDS,
  isWithinTarget,
  LineTargetHistory,
  recordTargetChange,
  targetAt,
} from './line-target.rules';

const empty: LineTargetHistory = { lineId: 'L', changes: [] };

describe('line reply targets over time', () => {
  it('a line nobody told us about has the default target of a new line', () => {
    expect(targetAt(undefined, 0)).toBe(DEFAULT_TARGET_SECONDS);
  });

  it('the target in force is the last change at or before the moment', () => {
    const h1 = recordTargetChange(empty, { eventId: 'e1', at: 100, target: 30 });
    const h2 = h1 && recordTargetChange(h1, { eventId: 'e2', at: 200, target: 90, previous: 30 });
    expect(h2).not.toBeNull();
    expect([50, 100, 150, 200, 500].map((t) => targetAt(h2!, t))).toEqual([
      DEFAULT_TARGET_SECONDS,
      30,
      30,
      90,
      90,
    ]);
  });

  it('a late change is placed by time, and before the first known change its previous value holds', () => {
    const h1 = recordTargetChange(empty, { eventId: 'e2', at: 200, target: 90, previous: 30 });
    expect(targetAt(h1!, 150)).toBe(30);
    const h2 = recordTargetChange(h1!, { eventId: 'e1', at: 100, target: 30, previous: 45 });
    expect([50, 150, 250].map((t) => targetAt(h2!, t))).toEqual([45, 30, 90]);
  });

  it('a known event, or a change that changes no target, is not recorded', () => {
    const h1 = recordTargetChange(empty, { eventId: 'e1', at: 100, target: 30 })!;
    expect(recordTargetChange(h1, { eventId: 'e1', at: 100, target: 30 })).toBeNull();
    expect(recordTargetChange(h1, { eventId: 'e3', at: 300, target: 30, previous: 30 })).toBeNull();
  });

  it('within target is inclusive, in seconds', () => {
    expect(isWithinTarget(60_000, 60)).toBe(true);
    expect(isWithinTarget(60_001, 60)).toBe(false);
  });
});
