import { CollectionDefinition, DocumentStore, StoreFactory } from '@openlines/persistence';
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
  SESSION_PROJECTIONS_COLLECTION,
  SESSION_PROJECTIONS_DEFINITION,
  SessionProjectionDocument,
} from './projection/persistence/session-projection.schema';

/** One collection of a generation, and the field that says which line a document is of. */
export interface GenerationCollection {
  store: DocumentStore<object>;
  lineField: string;
}

/**
 * The stores, repositories and use cases of one generation of the projection, built from a
 * StoreFactory. The Nest module provides them through ProjectionGenerations, and use-case specs
 * build them on a MemoryStoreFactory the same way.
 */
export interface MetricsComponents {
  generation: number;
  projections: SessionProjectionRepository;
  measurements: MeasurementRepository;
  cells: MetricCellRepository;
  targets: LineTargetRepository;
  items: MetricItemsWriter;
  projector: SessionFactProjector;
  projectEvent: ProjectEventUseCase;
  /** Every collection of the generation (to clear it, or copy lines between generations). */
  collections: GenerationCollection[];
}

/**
 * Two sets of collections take turns: the live generation's and the one a rebuild fills. Even
 * generations (0 = every store from before generations existed) use the plain names.
 */
export function collectionName(base: string, generation: number): string {
  return generation % 2 === 0 ? base : `${base}_b`;
}

export function createMetricsComponents(
  factory: StoreFactory,
  clock: Clock = () => new Date(),
  generation = 0,
): MetricsComponents {
  const store = <T extends object>(base: string, definition?: CollectionDefinition) =>
    factory.createStore<T>(collectionName(base, generation), definition);
  const projectionStore = store<SessionProjectionDocument>(
    SESSION_PROJECTIONS_COLLECTION,
    SESSION_PROJECTIONS_DEFINITION,
  );
  const measurementStore = store<MeasurementDocument>(
    MEASUREMENTS_COLLECTION,
    MEASUREMENTS_DEFINITION,
  );
  const cellStore = store<MetricCellDocument>(METRIC_CELLS_COLLECTION, METRIC_CELLS_DEFINITION);
  const targetStore = store<LineTargetDocument>(LINE_TARGETS_COLLECTION, LINE_TARGETS_DEFINITION);
  const projections = new SessionProjectionRepository(projectionStore);
  const measurements = new MeasurementRepository(measurementStore);
  const cells = new MetricCellRepository(cellStore);
  const targets = new LineTargetRepository(targetStore);
  const items = new MetricItemsWriter(measurements, cells, clock);
  const projector = new SessionFactProjector(projections, items, targets);
  const projectEvent = new ProjectEventUseCase(
    projector,
    new ApplyLineChangeUseCase(targets, measurements, cells),
  );
  const collections: GenerationCollection[] = [
    { store: projectionStore, lineField: 'lineId' },
    { store: measurementStore, lineField: 'line' },
    { store: cellStore, lineField: '_line' },
    { store: targetStore, lineField: '__id' },
  ];
  return {
    generation,
    projections,
    measurements,
    cells,
    targets,
    items,
    projector,
    projectEvent,
    collections,
  };
}
