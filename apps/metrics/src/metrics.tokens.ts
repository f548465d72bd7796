/** Nest token of the MetricsComponents (stores, repositories, projection use cases). */
export const METRICS_COMPONENTS = Symbol.for('openlines:metrics-components');
