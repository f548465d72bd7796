import { Aggregator, Query, createUpdater } from 'mingo';
import fullContext from 'mingo/init/context';

export type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;
export type MingoUpdate = Parameters<ReturnType<typeof createUpdater>>[1];

/**
 * One context with every mingo operator (pipeline stages, accumulators, expressions), so the
 * MemoryStore accepts the same filters, updates and pipelines as MongoDB. Scripts ($where,
 * $function, $accumulator) are disabled, strict MongoDB semantics are on, and the global
 * operator registry is never consulted.
 */
const context = fullContext();

export const MINGO_OPTIONS: MingoOptions = Object.freeze({
  context,
  scriptEnabled: false,
  useStrictMode: true,
  useGlobalContext: false,
});

/** Values written by updates are deep-copied, so a caller's object never aliases stored state. */
export const applyMingoUpdate = createUpdater({ cloneMode: 'deep', queryOptions: MINGO_OPTIONS });

export function mingoQuery(filter: Record<string, unknown>): Query {
  return new Query(filter, MINGO_OPTIONS);
}

export function mingoAggregator(
  pipeline: Record<string, unknown>[],
  options: Partial<MingoOptions>,
): Aggregator {
  return new Aggregator(pipeline, { ...MINGO_OPTIONS, ...options });
}
