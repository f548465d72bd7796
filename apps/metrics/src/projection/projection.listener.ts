import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LINES_EVENTS_SUBJECTS } from '@openlines/contracts';
import { DurableConsumerHandle, DurableConsumers, EventMeta } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';
import { METRICS_CONFIG, MetricsConfig } from '../config/metrics.config';
import { ProjectionGenerations } from './generations/projection-generations';
import { ProjectionStats } from './projection.stats';
import { EVENT_STREAM_READER, EventStreamReader } from './stream/event-stream.reader';

/** What a rebuild needs of the live projection: stop it, then start it again. */
export interface ProjectionControl {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

/**
 * The projection's durable JetStream consumer over the whole event stream (one at a time, ack
 * after the write; failures retried with back-off, then dead-lettered by libs/messaging). A store
 * without a projection — a new database, or the memory store after a restart — first deletes the
 * durable, so that it is created again from the first event of the stream and the figures are
 * rebuilt from it. Interrupted writes are completed before consuming. It always projects into
 * the serving generation (a rebuild pauses it around the switch, see GenerationRebuild).
 */
@Injectable()
export class ProjectionListener implements OnApplicationBootstrap, ProjectionControl {
  private handle?: DurableConsumerHandle;

  constructor(
    @Inject(METRICS_CONFIG) private readonly config: MetricsConfig,
    private readonly generations: ProjectionGenerations,
    @Inject(EVENT_STREAM_READER) private readonly stream: EventStreamReader,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly consumers: DurableConsumers,
    private readonly stats: ProjectionStats,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const completed = await this.generations.current.projector.completeInterrupted();
    if (completed > 0)
      this.logger.warn({ completed }, 'completed projection writes a failure had interrupted');
    if (!(await this.generations.state.isInitialized())) {
      const deleted = await this.stream.deleteDurable(this.config.durable);
      this.logger.info(
        { durable: this.config.durable, deleted },
        'empty projection store: projecting the event stream from its start',
      );
      await this.generations.state.markInitialized(new Date());
    }
    await this.resume();
  }

  async resume(): Promise<void> {
    if (this.handle !== undefined) return;
    this.handle = await this.consumers.start<unknown>({
      durable: this.config.durable,
      filterSubjects: [LINES_EVENTS_SUBJECTS],
      deliverPolicy: 'all',
      handle: (data, meta) => this.project(data, meta),
    });
  }

  async pause(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
  }

  private async project(data: unknown, meta: EventMeta): Promise<void> {
    await this.generations.current.projectEvent.execute(meta.subject, data);
    this.stats.record(meta.publishedAt, new Date());
  }
}
