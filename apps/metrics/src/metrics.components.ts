import { StoreFactory } from '@openlines/persistence';
import { ApplyLineChangeUseCase } from './line-targets/apply-line-change/apply-line-change.use-case';
import {
  LINE_TARGETS_COLLECTION,
  LINE_TARGETS_DEFINITION,
  LineTargetDocument,
} from './line-targets/persistence/line-target.schema';
import { LineTargetRepository } from './line-targets/persistence/line-target.repository';
import { Clock, MetricItemsWriter } from './metric-items/metric-items.writer';
import { MeasurementRepository } from './metric-items/persistence/measurement.repository';
import {
  MEASUREMENTS_COLLECTION,
  MEASUREMENTS_DEFINITION,
  MeasurementDocument,
} from './metric-items/persistence/measurement.schema';
import { MetricCellRepository } from './metric-items/persistence/metric-cell.repository';
import {
  METRIC_CELLS_COLLECTION,
  METRIC_CELLS_DEFINITION,
  MetricCellDocument,
} from './metric-items/persistence/metric-cell.schema';
import { ProjectEventUseCase } from './projection/project-event/project-event.use-case';
import { SessionFactProjector } from './projection/project-event/session-fact.projector';
import { SessionProjectionRepository } from './projection/persistence/session-projection.repository';
import {
  PROJECTOR_STATE_COLLECTION,
  ProjectorStateDocument,
  SESSION_PROJECTIONS_COLLECTION,
  SESSION_PROJECTIONS_DEFINITION,
  SessionProjectionDocument,
} from './projection/persistence/session-projection.schema';

/**
 * The service's stores, repositories and use cases, built from a StoreFactory. The Nest module
 * provides them from here, and use-case specs build them on a MemoryStoreFactory the same way.
 */
export interface MetricsComponents {
  projections: SessionProjectionRepository;
  measurements: MeasurementRepository;
  cells: MetricCellRepository;
  targets: LineTargetRepository;
  items: MetricItemsWriter;
  projector: SessionFactProjector;
  projectEvent: ProjectEventUseCase;
}

export function createMetricsComponents(
  factory: StoreFactory,
  clock: Clock = () => new Date(),
): MetricsComponents {
  const projections = new SessionProjectionRepository(
    factory.createStore<SessionProjectionDocument>(
      SESSION_PROJECTIONS_COLLECTION,
      SESSION_PROJECTIONS_DEFINITION,
    ),
    factory.createStore<ProjectorStateDocument>(PROJECTOR_STATE_COLLECTION),
  );
  const measurements = new MeasurementRepository(
    factory.createStore<MeasurementDocument>(MEASUREMENTS_COLLECTION, MEASUREMENTS_DEFINITION),
  );
  const cells = new MetricCellRepository(
    factory.createStore<MetricCellDocument>(METRIC_CELLS_COLLECTION, METRIC_CELLS_DEFINITION),
  );
  const targets = new LineTargetRepository(
    factory.createStore<LineTargetDocument>(LINE_TARGETS_COLLECTION, LINE_TARGETS_DEFINITION),
  );
  const items = new MetricItemsWriter(measurements, cells, clock);
  const projector = new SessionFactProjector(projections, items, targets);
  const projectEvent = new ProjectEventUseCase(
    projector,
    new ApplyLineChangeUseCase(targets, measurements, cells),
  );
  return { projections, measurements, cells, targets, items, projector, projectEvent };
}
