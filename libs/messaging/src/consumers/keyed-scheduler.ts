import type { Verdict } from './event-processor';
import { Lane, ScheduledItem, SchedulerHooks, SchedulerLimits } from './keyed-scheduler.types';

/**
 * Keyed concurrency for one consumer: items with the same key run one at a time in the order they
 * arrived, and a retried one holds back only its own key; different keys run in parallel, at most
 * `concurrency` at once and `maxInFlight` held. A handed-back message keeps its slot until its
 * back-off is over, so the pull that brings it back always has room.
 */
export class KeyedScheduler<I extends ScheduledItem> {
  private readonly lanes = new Map<string, Lane<I>>();
  private readonly ready: Lane<I>[] = [];
  private readonly awaiting = new Map<number, Lane<I>>();
  private readonly keepAliveTimer: NodeJS.Timeout;
  private waiters: (() => void)[] = [];
  private held = 0;
  private running = 0;
  private closed = false;

  constructor(
    private readonly limits: SchedulerLimits,
    private readonly hooks: SchedulerHooks<I>,
  ) {
    const keepAlive = () => this.waitingItems().forEach((item) => hooks.keepAlive(item));
    this.keepAliveTimer = setInterval(keepAlive, limits.keepAliveMs);
  }

  /** Messages to pull now; 0: wait for whenChanged(). Refills in batches, not one by one. */
  pullSize(batchSize: number): number {
    const now = Date.now();
    const lanes = [...this.awaiting.values()];
    const due = lanes.filter((lane) => (lane.awaiting?.dueAt ?? 0) <= now).length;
    const notDue = lanes.length - due;
    const room = Math.min(batchSize, this.limits.maxInFlight - this.held - notDue);
    const lowWater = Math.ceil(Math.min(batchSize, this.limits.maxInFlight) / 2);
    return room > 0 && (due > 0 || this.held === 0 || room >= lowWater) ? room : 0;
  }

  /** Resolves at the next change: an item finished, a back-off ended, or close(). */
  whenChanged(): Promise<void> {
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  add(item: I): void {
    this.held += 1;
    const returning = this.awaiting.get(item.seq);
    const lane = returning ?? this.laneOf(item.key);
    if (returning) {
      // The retry goes first: it was its key's oldest.
      this.stopAwaiting(returning);
      lane.queue.unshift(item);
    } else lane.queue.push(item);
    this.settle(lane);
    this.pump();
  }

  /** Starts no more handlers; pending back-off timers end. */
  close(): void {
    this.closed = true;
    for (const lane of [...this.awaiting.values()]) this.stopAwaiting(lane);
    this.notify();
  }

  /** Resolves once no handler runs. */
  async drain(): Promise<void> {
    while (this.running > 0) await this.whenChanged();
  }

  /** After close() and drain(): every item not handled, in stream order, to be handed back. */
  takeWaiting(): I[] {
    clearInterval(this.keepAliveTimer); // kept up until now: the handlers drained meanwhile
    return this.waitingItems().sort((a, b) => a.seq - b.seq);
  }

  private laneOf(key: string | undefined): Lane<I> {
    if (key === undefined) return { key, queue: [], running: false, ready: false };
    const lane = this.lanes.get(key) ?? { key, queue: [], running: false, ready: false };
    this.lanes.set(key, lane);
    return lane;
  }

  /** Puts the lane where its state says: ready, busy (left alone) or done (forgotten). */
  private settle(lane: Lane<I>): void {
    if (lane.running || lane.awaiting || lane.ready) return;
    if (lane.queue.length > 0) {
      lane.ready = true;
      this.ready.push(lane);
    } else if (lane.key !== undefined) this.lanes.delete(lane.key);
  }

  private pump(): void {
    while (!this.closed && this.running < this.limits.concurrency && this.ready.length > 0) {
      const lane = this.ready.shift() as Lane<I>;
      const item = lane.queue.shift() as I;
      lane.ready = false;
      lane.running = true;
      this.running += 1;
      void this.hooks.run(item).then((verdict) => this.finish(lane, item, verdict));
    }
  }

  private finish(lane: Lane<I>, item: I, verdict: Verdict): void {
    this.running -= 1;
    this.held -= 1;
    lane.running = false;
    if (verdict.kind === 'retry' && lane.key !== undefined && !this.closed)
      this.awaitReturn(lane, item.seq, verdict.delayMs);
    this.moved(lane);
  }

  private moved(lane: Lane<I>): void {
    this.settle(lane);
    this.pump();
    this.notify();
  }

  private awaitReturn(lane: Lane<I>, seq: number, delayMs: number): void {
    const giveUp = () => {
      if (lane.awaiting?.seq !== seq) return;
      this.stopAwaiting(lane);
      this.hooks.gaveUpWaiting(lane.key as string, seq);
      this.moved(lane);
    };
    // Once due, its slot opens for the pull that brings it back; after the grace, the key goes on.
    const due = () => {
      if (lane.awaiting?.seq !== seq) return;
      lane.awaiting.timer = setTimeout(giveUp, this.limits.redeliveryGraceMs);
      this.notify();
    };
    lane.awaiting = { seq, dueAt: Date.now() + delayMs, timer: setTimeout(due, delayMs) };
    this.awaiting.set(seq, lane);
  }

  private stopAwaiting(lane: Lane<I>): void {
    if (!lane.awaiting) return;
    clearTimeout(lane.awaiting.timer);
    this.awaiting.delete(lane.awaiting.seq);
    lane.awaiting = undefined;
  }

  private waitingItems(): I[] {
    return [...new Set([...this.lanes.values(), ...this.ready])].flatMap((lane) => lane.queue);
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
