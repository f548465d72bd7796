import { z } from 'zod';
import { validate } from '@openlines/contracts';
import { NatsConfig, natsConfigFromEnv } from '@openlines/messaging';
import { DEFAULT_DATA_DIR, StoreSettings } from '@openlines/persistence';

export const CLIENTS_SERVICE_NAME = 'clients';
export const CLIENTS_CONFIG = Symbol.for('openlines:clients:config');
/** Its MongoDB database when MONGO_URL names none, and its SQLite file (deploy/services.json). */
export const CLIENTS_DATABASE = 'openlines_clients';

const ClientsEnvSchema = z.object({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  MONGO_URL: z.string().optional(),
  /** The embedded store when MONGO_URL is not set: sqlite (durable files) or memory (volatile). */
  STORE: z.enum(['sqlite', 'memory']).default('sqlite'),
  /** Where the embedded store keeps its files (store/<database>.sqlite); relative to the cwd. */
  OPENLINES_DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
  LOG_LEVEL: z.string().optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5000),
  /** Deadline of the RPC calls to the channels service. */
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
});

export interface ClientsConfig {
  serviceName: string;
  httpPort: number;
  nats: NatsConfig;
  store: StoreSettings;
  logLevel?: string;
  outboxPollMs: number;
  rpcTimeoutMs: number;
}

/** Reads and checks the environment once at start-up; a bad value stops the service, naming it. */
export function clientsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ClientsConfig {
  const parsed = validate(ClientsEnvSchema, env, 'clients configuration');
  return {
    serviceName: CLIENTS_SERVICE_NAME,
    httpPort: parsed.HTTP_PORT,
    nats: natsConfigFromEnv(env),
    store: {
      database: CLIENTS_DATABASE,
      embedded: parsed.STORE,
      dataDir: parsed.OPENLINES_DATA_DIR,
      ...(parsed.MONGO_URL?.trim() ? { mongoUrl: parsed.MONGO_URL.trim() } : {}),
    },
    ...(parsed.LOG_LEVEL ? { logLevel: parsed.LOG_LEVEL } : {}),
    outboxPollMs: parsed.OUTBOX_POLL_MS,
    rpcTimeoutMs: parsed.RPC_TIMEOUT_MS,
  };
}
