/** Resolves after the I/O and timers already due have run (probes, RPCs, the live consumer). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Cuts a long loop into batches: `tick()` after each step hands the event loop back once the
 * batch is `maxSteps` long or has run `maxMs`. The memory store never awaits I/O, so without
 * this a rebuild would hold the loop for seconds and /readyz, reports and the live projection
 * would stall behind it.
 */
export class EventLoopYielder {
  private steps = 0;
  private since = Date.now();

  constructor(
    private readonly maxSteps = 50,
    private readonly maxMs = 10,
  ) {}

  async tick(): Promise<void> {
    this.steps += 1;
    if (this.steps < this.maxSteps && Date.now() - this.since < this.maxMs) return;
    await yieldToEventLoop();
    this.steps = 0;
    this.since = Date.now();
  }
}
