import { LineMetricType, METRIC_PERIODS } from '@openlines/contracts';
import { defineEntityFields } from '@openlines/query';

/** What `lines.metrics.search/count` may filter and sort on (besides the system fields). */
export const METRIC_FIELDS = defineEntityFields({
  _type: { type: 'enum', values: Object.values(LineMetricType) },
  _line: { type: 'ref' },
  _operator: { type: 'ref' },
  _channel: { type: 'ref' },
  _period: { type: 'enum', values: METRIC_PERIODS },
  _periodStart: { type: 'date' },
});
