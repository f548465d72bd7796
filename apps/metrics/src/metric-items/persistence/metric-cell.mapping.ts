import { MetricCellKey } from '../domain/metric-cell.rules';
import { CellFigures } from '../domain/metric-report.rules';
import { BUCKET_PREFIX, MetricCellDocument } from './metric-cell.schema';

/** A cell's full figures, recomputed from its measurements. */
export interface RecomputedCell {
  id: string;
  key: MetricCellKey;
  figures: Omit<CellFigures, 'type' | 'periodStart'>;
}

export function keyFields(key: MetricCellKey): Partial<MetricCellDocument> {
  const fields: Partial<MetricCellDocument> = {
    _type: key.type,
    _line: key.line,
    _period: key.period,
    _periodStart: new Date(key.periodStart).toISOString(),
    __name: `${key.type} ${key.period} ${new Date(key.periodStart).toISOString()}`,
  };
  if (key.operator !== undefined) fields._operator = key.operator;
  if (key.channel !== undefined) fields._channel = key.channel;
  return fields;
}

export function bucketFields(buckets: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(buckets).map(([index, n]) => [`${BUCKET_PREFIX}${index}`, n]),
  );
}

export function cellFiguresOf(doc: MetricCellDocument): CellFigures {
  const buckets: Record<string, number> = {};
  for (const [key, n] of Object.entries(doc._buckets ?? {}))
    buckets[key.slice(BUCKET_PREFIX.length)] = n;
  const figures: CellFigures = {
    type: doc._type,
    periodStart: Date.parse(doc._periodStart),
    count: doc._count,
    sumRaw: doc._sumRaw,
    buckets,
  };
  if (doc._minRaw !== undefined) figures.minRaw = doc._minRaw;
  if (doc._maxRaw !== undefined) figures.maxRaw = doc._maxRaw;
  if (doc._withinTarget !== undefined) figures.within = doc._withinTarget;
  return figures;
}
