import { z } from 'zod';
import { validate } from '@openlines/contracts';
import { NatsConfig, natsConfigFromEnv } from '@openlines/messaging';
import { DEFAULT_DATA_DIR, StoreSettings } from '@openlines/persistence';

export const SESSIONS_SERVICE_NAME = 'sessions';
export const DEFAULT_SESSIONS_HTTP_PORT = 3003;
/** Its MongoDB database when MONGO_URL names none, and its SQLite file (deploy/services.json). */
export const SESSIONS_DATABASE = 'openlines_sessions';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));
const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const text = z.string().trim().min(1).optional();

/**
 * Environment of the sessions service, read and validated once at start-up; a bad value stops
 * the start naming the variable. NATS_* are read by @openlines/messaging's natsConfigFromEnv.
 */
const SessionsEnvSchema = z.object({
  HTTP_PORT: int(DEFAULT_SESSIONS_HTTP_PORT, 0, 65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGO_URL: text,
  /** The embedded store when MONGO_URL is not set: sqlite (durable files) or memory (volatile). */
  STORE: z.enum(['sqlite', 'memory']).default('sqlite'),
  /** Where the embedded store keeps its files (store/<database>.sqlite); relative to the cwd. */
  OPENLINES_DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
  /** N of the queue's ageing: a waiting session gains one priority level per N minutes. */
  SESSIONS_QUEUE_AGING_MINUTES: int(10, 0, 7 * 24 * 60),
  /** How long line and channel settings fetched from the channels service are reused. */
  SESSIONS_DIRECTORY_CACHE_MS: int(2000, 0, 600_000),
  /** Durable consumer of inbound messages; one name per deployment (tests use unique ones). */
  SESSIONS_INBOUND_DURABLE: z.string().regex(/^[A-Za-z0-9_-]+$/).default('sessions-inbound'),
  /** Where a NEW inbound durable starts: the whole stream (production) or only new events (tests). */
  SESSIONS_INBOUND_DELIVER_POLICY: z.enum(['all', 'new']).default('all'),
  /**
   * Test hook and emergency brake: `false` leaves events in the sessions' outboxes (nothing is
   * published) until an instance with the relay on starts.
   */
  SESSIONS_OUTBOX_RELAY: flag(true),
  /** Safety sweep of outboxes left behind by a crash or a failed publish. */
  SESSIONS_OUTBOX_SWEEP_MS: int(5000, 100, 3_600_000),
  /** Grace before a load-guard reservation whose session never moved is considered leaked. */
  SESSIONS_LOAD_RESERVATION_GRACE_MS: int(300_000, 1000, 86_400_000),
});

export interface SessionsConfig {
  serviceName: string;
  nats: NatsConfig;
  httpPort: number;
  logLevel: string;
  store: StoreSettings;
  queueAgingMinutes: number;
  directoryCacheMs: number;
  inboundDurable: string;
  inboundDeliverPolicy: 'all' | 'new';
  outboxRelayEnabled: boolean;
  outboxSweepMs: number;
  loadReservationGraceMs: number;
}

export const SESSIONS_CONFIG = Symbol.for('openlines:sessions-config');

export function sessionsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SessionsConfig {
  const parsed = validate(SessionsEnvSchema, env, 'sessions configuration');
  return {
    serviceName: SESSIONS_SERVICE_NAME,
    nats: natsConfigFromEnv(env),
    httpPort: parsed.HTTP_PORT,
    logLevel: parsed.LOG_LEVEL,
    store: {
      database: SESSIONS_DATABASE,
      embedded: parsed.STORE,
      dataDir: parsed.OPENLINES_DATA_DIR,
      ...(parsed.MONGO_URL === undefined ? {} : { mongoUrl: parsed.MONGO_URL }),
    },
    queueAgingMinutes: parsed.SESSIONS_QUEUE_AGING_MINUTES,
    directoryCacheMs: parsed.SESSIONS_DIRECTORY_CACHE_MS,
    inboundDurable: parsed.SESSIONS_INBOUND_DURABLE,
    inboundDeliverPolicy: parsed.SESSIONS_INBOUND_DELIVER_POLICY,
    outboxRelayEnabled: parsed.SESSIONS_OUTBOX_RELAY,
    outboxSweepMs: parsed.SESSIONS_OUTBOX_SWEEP_MS,
    loadReservationGraceMs: parsed.SESSIONS_LOAD_RESERVATION_GRACE_MS,
  };
}
