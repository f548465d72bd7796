import { MetricRebuildStatus } from '@openlines/contracts';
import { Logger } from '@openlines/observability';
import { StoreFactory } from '@openlines/persistence';
import { MetricItemsSource } from '../../metric-items/metric-items.source';
import { Clock } from '../../metric-items/metric-items.writer';
import { createMetricsComponents, MetricsComponents } from '../../metrics.components';
import { ProjectorStateRepository } from '../persistence/projector-state.repository';
import {
  PROJECTOR_STATE_COLLECTION,
  ProjectorStateDocument,
} from '../persistence/session-projection.schema';
import { clearGeneration } from './generation-collections';

/** A generation in use, with the number of queries reading it right now. */
class ServingGeneration {
  private reads = 0;
  private waiting: (() => void)[] = [];

  constructor(readonly components: MetricsComponents) {}

  enter(): void {
    this.reads += 1;
  }

  leave(): void {
    this.reads -= 1;
    if (this.reads > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resolve) => resolve());
  }

  /** Resolves once no query reads it (at once when none does). */
  idle(): Promise<void> {
    return this.reads === 0 ? Promise.resolve() : new Promise((r) => this.waiting.push(r));
  }
}

/**
 * The generations of the projection. One serves: the live projection writes into it and every
 * query reads it. A rebuild fills the next one (`begin`), then `switchTo` makes it serve in one
 * step — for a query too: each one reads a single generation from start to end (`read`), and the
 * old one is cleared only once the queries on it are done. The state document names the serving
 * generation, so a restart serves it again; a generation a crash left half built is cleared at
 * `open` and the old one goes on serving.
 */
export class ProjectionGenerations implements MetricItemsSource {
  private serving: ServingGeneration;
  private cleanup: Promise<void> = Promise.resolve();

  private constructor(
    private readonly factory: StoreFactory,
    readonly state: ProjectorStateRepository,
    private readonly logger: Logger,
    private readonly clock: Clock,
    generation: number,
  ) {
    this.serving = new ServingGeneration(this.components(generation));
  }

  static async open(
    factory: StoreFactory,
    logger: Logger,
    clock: Clock = () => new Date(),
  ): Promise<ProjectionGenerations> {
    const state = new ProjectorStateRepository(
      factory.createStore<ProjectorStateDocument>(PROJECTOR_STATE_COLLECTION),
    );
    const doc = await state.get();
    const generations = new ProjectionGenerations(
      factory,
      state,
      logger,
      clock,
      doc?.generation ?? 0,
    );
    const abandoned = doc?.rebuilding;
    if (abandoned !== undefined) {
      logger.warn(
        { generation: abandoned.generation, rebuildId: abandoned.status.rebuildId },
        'a metrics rebuild was interrupted: clearing its generation; the previous one serves',
      );
      await clearGeneration(generations.components(abandoned.generation));
      await state.abandonRebuild({
        ...abandoned.status,
        state: 'failed',
        finishedAt: clock().toISOString(),
        error: 'interrupted: the service stopped during the rebuild',
      });
    }
    return generations;
  }

  /** The serving generation: where the live projection writes. */
  get current(): MetricsComponents {
    return this.serving.components;
  }

  async read<R>(query: (generation: MetricsComponents) => Promise<R>): Promise<R> {
    const generation = this.serving;
    generation.enter();
    try {
      return await query(generation.components);
    } finally {
      generation.leave();
    }
  }

  /** The next generation, empty, marked in the state before anything is written into it. */
  async begin(status: MetricRebuildStatus): Promise<MetricsComponents> {
    await this.cleanup;
    const next = this.components(this.current.generation + 1);
    await this.state.markRebuilding(next.generation, status, this.clock());
    await clearGeneration(next); // what a crash after a switch left of an older generation
    return next;
  }

  /** `next` serves from now on; the old generation is cleared once no query reads it. */
  async switchTo(next: MetricsComponents, outcome: MetricRebuildStatus): Promise<void> {
    await this.state.switchTo(next.generation, outcome);
    const old = this.serving;
    this.serving = new ServingGeneration(next);
    this.cleanup = old
      .idle()
      .then(() => clearGeneration(old.components))
      .catch((error: unknown) =>
        this.logger.error(
          { err: error, generation: old.components.generation },
          'clearing the previous metrics generation failed (the next rebuild clears it)',
        ),
      );
  }

  /** Gives up a generation `begin` returned; the serving one is untouched. */
  async abandon(next: MetricsComponents, outcome: MetricRebuildStatus): Promise<void> {
    await clearGeneration(next);
    await this.state.abandonRebuild(outcome);
  }

  /** Resolves when the previous generation is cleared (shutdown, specs). */
  settled(): Promise<void> {
    return this.cleanup;
  }

  private components(generation: number): MetricsComponents {
    return createMetricsComponents(this.factory, this.clock, generation);
  }
}
