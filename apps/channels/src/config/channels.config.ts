import { z } from 'zod';
import { validate } from '@openlines/contracts';
import { NatsConfig, natsConfigFromEnv } from '@openlines/messaging';
import { DEFAULT_DATA_DIR, StoreSettings } from '@openlines/persistence';

export const CHANNELS_SERVICE_NAME = 'channels';
export const CHANNELS_CONFIG = Symbol.for('openlines:channels:config');
/** Its MongoDB database when MONGO_URL names none, and its SQLite file (deploy/services.json). */
export const CHANNELS_DATABASE = 'openlines_channels';

const HttpUrl = z
  .string()
  .url()
  .regex(/^https?:\/\//, 'Must be an http(s) URL');
const MsList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'Must be comma-separated milliseconds, e.g. 1000,5000,30000')
  .transform((value) => value.split(',').map(Number));

const ChannelsEnvFields = z.object({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  MONGO_URL: z.string().optional(),
  /** The embedded store when MONGO_URL is not set: sqlite (durable files) or memory (volatile). */
  STORE: z.enum(['sqlite', 'memory']).default('sqlite'),
  /** Where the embedded store keeps its files (store/<database>.sqlite); relative to the cwd. */
  OPENLINES_DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
  LOG_LEVEL: z.string().optional(),
  TELEGRAM_API_BASE_URL: HttpUrl.default('https://api.telegram.org'),
  VIBER_API_BASE_URL: HttpUrl.default('https://chatapi.viber.com/pa'),
  /** Deadline of one call to a messenger API. */
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Authorisation failures in a row that put a channel into the error state. */
  DELIVERY_AUTH_FAILURES: z.coerce.number().int().min(1).default(3),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  DELIVERY_BACKOFF_MS: MsList.default('1000,5000,30000,120000'),
  /** Replies handed to messengers at once (one session's replies always one after another). */
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /** Replies held at once: in delivery, or waiting for their session or a free delivery slot. */
  DELIVERY_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Durable consumer of message.outbound; one name per deployment (tests: one per spec). */
  OUTBOUND_DURABLE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('channels-outbound'),
  /** Where a new outbound durable starts: the whole stream (production) or from now (tests). */
  OUTBOUND_DELIVER_POLICY: z.enum(['all', 'new']).default('all'),
  /** How long inbound message ids are remembered for de-duplication. */
  INBOUND_RECEIPT_TTL_HOURS: z.coerce.number().int().min(1).default(72),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5000),
});
const ChannelsEnvSchema = ChannelsEnvFields.refine(
  (env) => env.DELIVERY_MAX_IN_FLIGHT >= env.DELIVERY_CONCURRENCY,
  { path: ['DELIVERY_MAX_IN_FLIGHT'], message: 'Must be at least DELIVERY_CONCURRENCY' },
);

export interface ChannelsConfig {
  serviceName: string;
  httpPort: number;
  nats: NatsConfig;
  store: StoreSettings;
  logLevel?: string;
  telegramApiBaseUrl: string;
  viberApiBaseUrl: string;
  deliveryTimeoutMs: number;
  deliveryAuthFailures: number;
  deliveryMaxAttempts: number;
  deliveryBackoffMs: number[];
  deliveryConcurrency: number;
  deliveryMaxInFlight: number;
  outboundDurable: string;
  outboundDeliverPolicy: 'all' | 'new';
  inboundReceiptTtlHours: number;
  outboxPollMs: number;
}

/** Reads and checks the environment once at start-up; a bad value stops the service, naming it. */
export function channelsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ChannelsConfig {
  const parsed = validate(ChannelsEnvSchema, env, 'channels configuration');
  return {
    serviceName: CHANNELS_SERVICE_NAME,
    httpPort: parsed.HTTP_PORT,
    nats: natsConfigFromEnv(env),
    store: {
      database: CHANNELS_DATABASE,
      embedded: parsed.STORE,
      dataDir: parsed.OPENLINES_DATA_DIR,
      ...(parsed.MONGO_URL?.trim() ? { mongoUrl: parsed.MONGO_URL.trim() } : {}),
    },
    ...(parsed.LOG_LEVEL ? { logLevel: parsed.LOG_LEVEL } : {}),
    telegramApiBaseUrl: parsed.TELEGRAM_API_BASE_URL,
    viberApiBaseUrl: parsed.VIBER_API_BASE_URL,
    deliveryTimeoutMs: parsed.DELIVERY_TIMEOUT_MS,
    deliveryAuthFailures: parsed.DELIVERY_AUTH_FAILURES,
    deliveryMaxAttempts: parsed.DELIVERY_MAX_ATTEMPTS,
    deliveryBackoffMs: parsed.DELIVERY_BACKOFF_MS,
    deliveryConcurrency: parsed.DELIVERY_CONCURRENCY,
    deliveryMaxInFlight: parsed.DELIVERY_MAX_IN_FLIGHT,
    outboundDurable: parsed.OUTBOUND_DURABLE,
    outboundDeliverPolicy: parsed.OUTBOUND_DELIVER_POLICY,
    inboundReceiptTtlHours: parsed.INBOUND_RECEIPT_TTL_HOURS,
    outboxPollMs: parsed.OUTBOX_POLL_MS,
  };
}
