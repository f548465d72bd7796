import { z } from 'zod';
import { validate } from '@openlines/contracts';
import { NatsConfig, natsConfigFromEnv } from '@openlines/messaging';

export const METRICS_SERVICE_NAME = 'metrics';
export const METRICS_CONFIG = Symbol.for('openlines:metrics-config');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const MetricsEnvSchema = z.object({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MONGO_URL: z.string().trim().optional(),
  /**
   * The projection's durable consumer. One per deployment; parallel test runs on a shared
   * nats-server give each service instance its own.
   */
  METRICS_DURABLE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ or - only')
    .default('metrics-projection'),
});

export interface MetricsConfig {
  httpPort: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Unset: the in-memory store (nothing persisted; a restart rebuilds from the event stream). */
  mongoUrl?: string;
  durable: string;
  nats: NatsConfig;
}

/** Reads and validates the environment once at start-up; a bad variable fails fast, named. */
export function metricsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const parsed = validate(MetricsEnvSchema, env, 'metrics configuration');
  const config: MetricsConfig = {
    httpPort: parsed.HTTP_PORT,
    logLevel: parsed.LOG_LEVEL,
    durable: parsed.METRICS_DURABLE,
    nats: natsConfigFromEnv(env),
  };
  if (parsed.MONGO_URL !== undefined && parsed.MONGO_URL !== '') config.mongoUrl = parsed.MONGO_URL;
  return config;
}
