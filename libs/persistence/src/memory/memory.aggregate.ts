import { OpenLinesError } from '@openlines/contracts';
import { AggregationStage, Filter } from '../port/document-store.port';
import { assertReadOnlyPipeline } from '../port/store.guards';
import { Doc } from './memory.collection';
import { mingoAggregator } from './mingo.options';

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
 * Runs a read-only pipeline with mingo on copies of the stored documents (mingo stages may
 * modify their input). A leading $match is run on the stored documents first, through the
 * store's own matcher, so that only its matches are copied.
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
  const source = match(leadingMatch ? (first.$match as Filter) : {});
  const input = source.map((doc) => structuredClone(doc));
  const stages = leadingMatch ? rest : [...pipeline];
  return mingoAggregator(stages, { collectionResolver: resolveCollection }).run(input);
}
