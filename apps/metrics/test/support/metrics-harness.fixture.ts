import { LineMetricType, MetricTotals } from '@openlines/contracts';
import { DocumentStore, MemoryStoreFactory, StoreFactory } from '@openlines/persistence';
import { MetricsReportUseCase } from '../../src/metric-items/metrics-report/metrics-report.use-case';
import { SearchMetricsUseCase } from '../../src/metric-items/search-metrics/search-metrics.use-case';
import { fixedItemsSource } from '../../src/metric-items/metric-items.source';
import { createMetricsComponents, MetricsComponents } from '../../src/metrics.components';
import { StreamEvent } from './session-events.fixture';

/**
 * A store factory whose stores can be made to fail: `failAfter(collection, n)` lets the next n
 * writes to that collection succeed and throws on the one after (an interrupted projection).
 */
export class FlakyStoreFactory implements StoreFactory {
  readonly kind = 'memory' as const;
  private readonly inner = new MemoryStoreFactory();
  private budget = new Map<string, number>();
  private readonly once = new Set<string>();

  failAfter(collection: string, writes: number): void {
    this.budget.set(collection, writes);
  }

  /** Like failAfter, but only one write fails; the ones after it succeed again. */
  failOnceAfter(collection: string, writes: number): void {
    this.budget.set(collection, writes);
    this.once.add(collection);
  }

  heal(): void {
    this.budget.clear();
    this.once.clear();
  }

  createStore<T extends object>(
    name: string,
    definition?: Parameters<StoreFactory['createStore']>[1],
  ): DocumentStore<T> {
    const store = this.inner.createStore<T>(name, definition);
    const writes = new Set([
      'insertOne',
      'updateOne',
      'findOneAndUpdate',
      'compareAndSet',
      'deleteOne',
      'deleteMany',
    ]);
    return new Proxy(store, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== 'string' || !writes.has(prop) || typeof value !== 'function')
          return value;
        return (...args: unknown[]) => {
          const left = this.budget.get(name);
          if (left !== undefined) {
            if (left <= 0) {
              if (this.once.delete(name)) this.budget.delete(name);
              throw new Error(`injected failure writing ${name}`);
            }
            this.budget.set(name, left - 1);
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The projection and query use cases on a memory store, driven without NATS. */
export class MetricsHarness {
  readonly components: MetricsComponents;
  readonly search: SearchMetricsUseCase;
  readonly report: MetricsReportUseCase;

  constructor(readonly factory: StoreFactory = new MemoryStoreFactory()) {
    this.components = createMetricsComponents(factory);
    this.search = new SearchMetricsUseCase(fixedItemsSource(this.components));
    this.report = new MetricsReportUseCase(fixedItemsSource(this.components));
  }

  async feed(events: readonly StreamEvent[]): Promise<void> {
    for (const event of events)
      await this.components.projectEvent.execute(event.subject, event.payload);
  }

  /** Report totals by type over a wide window, one grain. */
  async totals(
    grain: { lineId?: string; operatorId?: string; channelId?: string } = {},
    from = '2024-12-01T00:00:00.000Z',
    to = '2025-02-01T00:00:00.000Z',
  ): Promise<Partial<Record<LineMetricType, MetricTotals>>> {
    const reply = await this.report.execute({ ...grain, period: 'day', from, to });
    return Object.fromEntries(reply.totals.filter((t) => t.count > 0).map((t) => [t.type, t]));
  }
}
