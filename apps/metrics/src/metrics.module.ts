import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, NATS_CONNECTION, NatsConnection } from '@openlines/messaging';
import { createLogger, Logger, LOGGER } from '@openlines/observability';
import { createStoreFactory, StoreFactory } from '@openlines/persistence';
import {
  METRICS_CONFIG,
  METRICS_SERVICE_NAME,
  MetricsConfig,
  metricsConfigFromEnv,
} from './config/metrics.config';
import { MetricsReportHandler } from './metric-items/metrics-report/metrics-report.handler';
import { MetricsReportUseCase } from './metric-items/metrics-report/metrics-report.use-case';
import { SearchMetricsHandler } from './metric-items/search-metrics/search-metrics.handler';
import { SearchMetricsUseCase } from './metric-items/search-metrics/search-metrics.use-case';
import { ProjectionGenerations } from './projection/generations/projection-generations';
import { ProjectionListener } from './projection/projection.listener';
import { ProjectionStats } from './projection/projection.stats';
import { RebuildMetricsHandler } from './projection/rebuild/rebuild-metrics.handler';
import { RebuildMetricsUseCase } from './projection/rebuild/rebuild-metrics.use-case';
import { EVENT_STREAM_READER, EventStreamReader } from './projection/stream/event-stream.reader';
import { JetStreamEventReader } from './projection/stream/jetstream-event.reader';

export const METRICS_STORE_FACTORY = Symbol.for('openlines:metrics-store-factory');

export interface MetricsModuleOptions {
  config?: MetricsConfig;
  /** Tests may hand in their own store; default: the one config.store selects. */
  storeFactory?: StoreFactory;
}

/**
 * The metrics service: a durable projection of session, message and line events into LineMetric
 * items (ProjectionListener) in the serving generation (ProjectionGenerations), their search and
 * reports, and the rebuild from the stream into a new generation.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions = {}): DynamicModule {
    const config = options.config ?? metricsConfigFromEnv(process.env);
    const logger = createLogger(METRICS_SERVICE_NAME, { level: config.logLevel });
    return {
      module: MetricsModule,
      imports: [
        MessagingModule.forRoot({
          serviceName: METRICS_SERVICE_NAME,
          natsConfig: config.nats,
          logger,
        }),
      ],
      controllers: [SearchMetricsHandler, MetricsReportHandler, RebuildMetricsHandler],
      providers: [
        { provide: METRICS_CONFIG, useValue: config },
        {
          provide: METRICS_STORE_FACTORY,
          useFactory: () =>
            options.storeFactory ??
            createStoreFactory(config.store, { appName: METRICS_SERVICE_NAME }),
        },
        {
          provide: ProjectionGenerations,
          inject: [METRICS_STORE_FACTORY, LOGGER],
          useFactory: (factory: StoreFactory, log: Logger) =>
            ProjectionGenerations.open(factory, log),
        },
        {
          provide: EVENT_STREAM_READER,
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) => new JetStreamEventReader(nc),
        },
        ProjectionStats,
        ProjectionListener,
        {
          provide: SearchMetricsUseCase,
          inject: [ProjectionGenerations],
          useFactory: (g: ProjectionGenerations) => new SearchMetricsUseCase(g),
        },
        {
          provide: MetricsReportUseCase,
          inject: [ProjectionGenerations],
          useFactory: (g: ProjectionGenerations) => new MetricsReportUseCase(g),
        },
        {
          provide: RebuildMetricsUseCase,
          inject: [ProjectionGenerations, EVENT_STREAM_READER, ProjectionListener, LOGGER],
          useFactory: (
            g: ProjectionGenerations,
            stream: EventStreamReader,
            live: ProjectionListener,
            log: Logger,
          ) => new RebuildMetricsUseCase(g, stream, live, log),
        },
      ],
      exports: [ProjectionStats, ProjectionGenerations, ProjectionListener],
    };
  }
}
