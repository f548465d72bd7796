import { LineMetricData } from '@openlines/contracts';
import { toReportedValue } from './domain/metric-cell.rules';
import { denseHistogram } from './domain/metric-report.rules';
import { cellFiguresOf } from './persistence/metric-cell.mapping';
import { MetricCellDocument } from './persistence/metric-cell.schema';

/** A stored cell as the API shows it: LineMetricData in seconds with the dense shared histogram. */
export function toLineMetricData(doc: MetricCellDocument): LineMetricData {
  const figures = cellFiguresOf(doc);
  const data: LineMetricData = {
    __id: doc.__id,
    __name: doc.__name,
    __createdAt: doc.__createdAt,
    __createdBy: doc.__createdBy,
    __updatedAt: doc.__updatedAt,
    __updatedBy: doc.__updatedBy,
    _type: doc._type,
    _line: doc._line,
    _period: doc._period,
    _periodStart: doc._periodStart,
    _count: doc._count,
    _sum: toReportedValue(doc._type, doc._sumRaw),
    _min: toReportedValue(doc._type, doc._minRaw ?? 0),
    _max: toReportedValue(doc._type, doc._maxRaw ?? 0),
    _histogram: denseHistogram(figures.buckets),
  };
  if (doc._operator !== undefined) data._operator = doc._operator;
  if (doc._channel !== undefined) data._channel = doc._channel;
  if (doc._withinTarget !== undefined) data._withinTarget = doc._withinTarget;
  return data;
}
