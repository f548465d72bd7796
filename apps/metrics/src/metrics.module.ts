import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, NATS_CONNECTION, NatsConnection } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
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
import { createMetricsComponents, MetricsComponents } from './metrics.components';
import { METRICS_COMPONENTS } from './metrics.tokens';
import { ProjectionListener } from './projection/projection.listener';
import { ProjectionStats } from './projection/projection.stats';
import { RebuildMetricsHandler } from './projection/rebuild/rebuild-metrics.handler';
import { RebuildMetricsUseCase } from './projection/rebuild/rebuild-metrics.use-case';
import { EVENT_STREAM_READER, EventStreamReader } from './projection/stream/event-stream.reader';
import { JetStreamEventReader } from './projection/stream/jetstream-event.reader';

export const METRICS_STORE_FACTORY = Symbol.for('openlines:metrics-store-factory');

export interface MetricsModuleOptions {
  config?: MetricsConfig;
  /** Tests and the embedded mode may hand in their own store; default: from MONGO_URL. */
  storeFactory?: StoreFactory;
}

/**
 * The metrics service: a durable projection of session, message and line events into LineMetric
 * items (ProjectionListener), their search and reports, and the rebuild from the stream.
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
            createStoreFactory({ dbName: 'openlines-metrics', appName: METRICS_SERVICE_NAME }),
        },
        {
          provide: METRICS_COMPONENTS,
          inject: [METRICS_STORE_FACTORY],
          useFactory: (factory: StoreFactory) => createMetricsComponents(factory),
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
          inject: [METRICS_COMPONENTS],
          useFactory: (c: MetricsComponents) => new SearchMetricsUseCase(c.cells, c.items),
        },
        {
          provide: MetricsReportUseCase,
          inject: [METRICS_COMPONENTS],
          useFactory: (c: MetricsComponents) => new MetricsReportUseCase(c.cells, c.items),
        },
        {
          provide: RebuildMetricsUseCase,
          inject: [METRICS_COMPONENTS, EVENT_STREAM_READER, ProjectionListener],
          useFactory: (c: MetricsComponents, stream: EventStreamReader, live: ProjectionListener) =>
            new RebuildMetricsUseCase(c, stream, live),
        },
      ],
      exports: [ProjectionStats, METRICS_COMPONENTS, ProjectionListener],
    };
  }
}
