import { z } from 'zod';
import { validate } from '@openlines/contracts';
import { NatsConfig, natsConfigFromEnv } from '@openlines/messaging';
import { DEFAULT_DATA_DIR, StoreSettings } from '@openlines/persistence';

export const METRICS_SERVICE_NAME = 'metrics';
export const METRICS_CONFIG = Symbol.for('openlines:metrics-config');
/** Its MongoDB database when MONGO_URL names none, and its SQLite file (deploy/services.json). */
export const METRICS_DATABASE = 'openlines_metrics';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const MetricsEnvSchema = z.object({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MONGO_URL: z.string().trim().optional(),
  /** The embedded store when MONGO_URL is not set: sqlite (durable files) or memory (volatile). */
  STORE: z.enum(['sqlite', 'memory']).default('sqlite'),
  /** Where the embedded store keeps its files (store/<database>.sqlite); relative to the cwd. */
  OPENLINES_DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
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
  /** MONGO_URL, else the embedded store (STORE=memory: rebuilt from the event stream on start). */
  store: StoreSettings;
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
    store: {
      database: METRICS_DATABASE,
      embedded: parsed.STORE,
      dataDir: parsed.OPENLINES_DATA_DIR,
      ...(parsed.MONGO_URL ? { mongoUrl: parsed.MONGO_URL } : {}),
    },
  };
  return config;
}
