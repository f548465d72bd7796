import { OpenLinesError } from '@openlines/contracts';
import { AggregationStage, Filter } from '../port/document-store.port';
import { assertReadOnlyPipeline } from '../port/store.guards';
import { mingoAggregator } from '../memory/mingo.options';
import { Doc } from './collection.backend';

/** Private copies of every document of a sibling collection (what `$lookup` joins). */
export type CollectionResolver = (collectionName: string) => Doc[];

/**
 * mingo 6.7 runs a `$lookup` that has both localField/foreignField and a pipeline against EVERY
 * joined document (the equality is ignored): refused, rather than answering unlike MongoDB.
 */
function assertSupportedLookups(pipeline: readonly AggregationStage[]): void {
  const mixed = pipeline.some((stage) => {
    const lookup = stage.$lookup as Record<string, unknown> | undefined;
    return lookup !== undefined && lookup.localField !== undefined && lookup.pipeline !== undefined;
  });
  if (mixed) {
    const message = '$lookup with both localField and pipeline is not supported by MemoryStore';
    throw OpenLinesError.validation(`invalid aggregation pipeline: ${message}`, [
      { field: '$lookup', message },
    ]);
  }
}

/**
 * Runs a read-only pipeline with mingo. A leading $match is run through the store's own matcher
 * (its index plan), which hands over private copies of the matches only: mingo stages may modify
 * their input. Without one, every document is the input (a scan the store reports).
 */
export function aggregateDocuments(
  pipeline: readonly AggregationStage[],
  match: (filter: Filter) => Doc[],
  resolveCollection: CollectionResolver,
): Record<string, unknown>[] {
  assertReadOnlyPipeline(pipeline);
  assertSupportedLookups(pipeline);
  const [first, ...rest] = pipeline;
  const leadingMatch = first !== undefined && Object.keys(first).length === 1 && '$match' in first;
  const input = match(leadingMatch ? (first.$match as Filter) : {});
  const stages = leadingMatch ? rest : [...pipeline];
  return mingoAggregator(stages, { collectionResolver: resolveCollection }).run(input);
}
