import { MetricItemsWriter } from './metric-items.writer';
import { MetricCellRepository } from './persistence/metric-cell.repository';

/** What the queries read: the items of one generation of the projection. */
export interface MetricItemsReadModel {
  cells: MetricCellRepository;
  items: MetricItemsWriter;
}

/**
 * Hands a query the generation that answers now, for the whole query: a generation switch in
 * the middle of a report never mixes two generations (see ProjectionGenerations).
 */
export interface MetricItemsSource {
  read<R>(query: (model: MetricItemsReadModel) => Promise<R>): Promise<R>;
}

/** A source that always answers from the same items (specs on one store). */
export function fixedItemsSource(model: MetricItemsReadModel): MetricItemsSource {
  return { read: (query) => query(model) };
}
