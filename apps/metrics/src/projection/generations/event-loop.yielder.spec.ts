import { EventLoopYielder } from './event-loop.yielder';

describe('EventLoopYielder', () => {
  it('lets I/O callbacks and immediates run between batches of a long loop', async () => {
    const yielder = new EventLoopYielder(10, Number.POSITIVE_INFINITY);
    const ranAt: number[] = [];
    let step = 0;
    setImmediate(() => ranAt.push(step));
    for (step = 1; step <= 25; step += 1) await yielder.tick();
    expect(ranAt).toEqual([10]);
  });
});
