import { ChainLink, isLastInChain } from './session-chain.rules';

const link = (id: string, ms: number, tickOffset = 0): ChainLink => ({
  id,
  createdAt: new Date(ms).toISOString(),
  createdTick: ms * 1000 + tickOffset,
});

describe('chain of sessions', () => {
  const first = link('a', 1000);
  const second = link('b', 2000);

  it('accepts the newest session and refuses an older one', () => {
    expect(isLastInChain(second, [first, second])).toBe(true);
    expect(isLastInChain(first, [first, second])).toBe(false);
  });

  it('accepts a session that is alone in its chain', () => {
    expect(isLastInChain(first, [first])).toBe(true);
    expect(isLastInChain(first, [])).toBe(true);
  });

  it('orders sessions of the same millisecond by their tick', () => {
    const early = link('z', 1000, 1);
    const late = link('y', 1000, 2);
    expect(isLastInChain(late, [early, late])).toBe(true);
    expect(isLastInChain(early, [early, late])).toBe(false);
  });
});
