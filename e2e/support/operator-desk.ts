import { LinesClient, LineSessionItem, LineSessionState } from '@openlines/sdk';

/** Runs `work` on every item, at most `width` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/**
 * Operators at work on one line: each closes, through their own SDK, every session the router gave
 * them, until `expected` sessions were closed. `loadSamples` keeps the highest number of sessions
 * one operator held at each look at the store.
 */
export class OperatorDesk {
  readonly loadSamples: number[] = [];
  readonly closed = new Set<string>();

  constructor(
    private readonly lines: LinesClient,
    private readonly lineId: string,
    private readonly operator: (operatorId: string) => LinesClient,
  ) {}

  /** The line's sessions assigned to an operator now. */
  assigned(): Promise<LineSessionItem[]> {
    return this.lines.sessions
      .search()
      .where((f, g) =>
        g.and(f._line.eq(this.lineId), f._state.eq(LineSessionState.AssignedToOperator)),
      )
      .size(1000)
      .all();
  }

  async closeUntil(expected: number, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.closed.size < expected) {
      if (Date.now() > deadline)
        throw new Error(
          `only ${this.closed.size} of ${expected} sessions were assigned and closed`,
        );
      const assigned = await this.assigned();
      const load = new Map<string, number>();
      for (const { data } of assigned) load.set(data._userId!, (load.get(data._userId!) ?? 0) + 1);
      this.loadSamples.push(Math.max(0, ...load.values()));
      await inParallel(assigned, 8, async ({ id, data }) => {
        await (await this.operator(data._userId!).sessions.get(id)).close();
        this.closed.add(id);
      });
      // Nobody has work: look again shortly (the queue fills from the webhook meanwhile).
      if (assigned.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
