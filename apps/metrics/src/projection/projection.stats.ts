/** How far the projection trails the stream: publish → projected, over the last events. */
export interface ProjectionStatsSnapshot {
  events: number;
  lagP50Ms: number | null;
  lagP99Ms: number | null;
  lastEventAt: string | null;
}

const WINDOW = 10_000;

/** Counts projected events and keeps the lag of the last WINDOW of them (bench, diagnostics). */
export class ProjectionStats {
  private events = 0;
  private readonly lags: number[] = [];
  private next = 0;
  private lastEventAt: Date | null = null;

  record(publishedAt: Date, projectedAt: Date): void {
    this.events += 1;
    this.lastEventAt = projectedAt;
    const lag = Math.max(0, projectedAt.getTime() - publishedAt.getTime());
    if (this.lags.length < WINDOW) this.lags.push(lag);
    else this.lags[this.next] = lag;
    this.next = (this.next + 1) % WINDOW;
  }

  snapshot(): ProjectionStatsSnapshot {
    const sorted = [...this.lags].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length === 0
        ? null
        : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? null);
    return {
      events: this.events,
      lagP50Ms: at(0.5),
      lagP99Ms: at(0.99),
      lastEventAt: this.lastEventAt?.toISOString() ?? null,
    };
  }

  reset(): void {
    this.events = 0;
    this.lags.length = 0;
    this.next = 0;
  }
}
