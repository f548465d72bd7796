import { LineMetricType } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';

export const MEASUREMENTS_COLLECTION = 'metric_measurements';

/**
 * One measurement that counts in the metric items right now (a session's counted sample,
 * attributed to its line and channel). The items are sums of these; they are kept so that an
 * item's min/max can be recomputed after a withdrawal (spam) and items rebuilt after an
 * interrupted write. `value`: 1 for counters, milliseconds for time metrics.
 */
export interface MeasurementDocument {
  /** `<sessionId>:<sample id>`. */
  __id: string;
  session: string;
  type: LineMetricType;
  line: string;
  channel?: string;
  operator?: string;
  /** Epoch ms when it completed. */
  at: number;
  value: number;
  /** firstResponseTime only: within the line's target in force at `at`. */
  within?: boolean;
}

export const MEASUREMENTS_DEFINITION: CollectionDefinition = {
  indexes: [{ fields: { line: 1, type: 1, at: 1 } }, { fields: { session: 1 } }],
};
