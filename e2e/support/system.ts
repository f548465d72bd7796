import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { FakeTelegram } from './fake-telegram';
import { ServiceProcess } from './service-process';

export const SERVICES = ['channels', 'clients', 'sessions', 'metrics', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface RunningSystem {
  natsUrl: string;
  /** The NATS_SUBJECT_PREFIX every service of this run answers under. */
  subjectPrefix: string;
  apiKey: string;
  gatewayUrl: string;
  channelsUrl: string;
  telegram: FakeTelegram;
  services: Record<ServiceName, ServiceProcess>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The whole system as separate processes on the test nats-server: in-memory stores (no
 * MONGO_URL, STORE=memory), random HTTP ports, and names unique to this run (RPC subject prefix, durable
 * consumers that start from new events) so that it shares the server with other suites safely.
 */
export async function startSystem(): Promise<RunningSystem> {
  const natsUrl = process.env.NATS_URL;
  if (!natsUrl) throw new Error('NATS_URL is not set: run the e2e suite through jest');
  const run = `e2e_${randomBytes(4).toString('hex')}`;
  const apiKey = randomBytes(24).toString('hex');
  const telegram = await FakeTelegram.start();
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: run,
    // Volatile, so that no run writes into the repository's .data/ (npm-start.spec: durable).
    STORE: 'memory',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  };
  const extra: Record<ServiceName, NodeJS.ProcessEnv> = {
    channels: {
      TELEGRAM_API_BASE_URL: telegram.url,
      OUTBOUND_DURABLE: `${run}_outbound`,
      OUTBOUND_DELIVER_POLICY: 'new',
      OUTBOX_POLL_MS: '200',
      DELIVERY_BACKOFF_MS: '200,500,1000',
    },
    clients: { OUTBOX_POLL_MS: '200' },
    sessions: {
      SESSIONS_INBOUND_DURABLE: `${run}_inbound`,
      SESSIONS_INBOUND_DELIVER_POLICY: 'new',
      SESSIONS_OUTBOX_SWEEP_MS: '500',
      SESSIONS_DIRECTORY_CACHE_MS: '0',
    },
    metrics: { METRICS_DURABLE: `${run}_metrics` },
    gateway: { API_KEYS: apiKey },
  };
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  const services = Object.fromEntries(
    SERVICES.map((name, index) => [
      name,
      ServiceProcess.start(name, ports[index], { ...base, ...extra[name] }),
    ]),
  ) as Record<ServiceName, ServiceProcess>;
  const stop = async () => {
    await Promise.all(Object.values(services).map((service) => service.stop()));
    await telegram.close();
  };
  try {
    await Promise.all(Object.values(services).map((service) => service.ready()));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    natsUrl,
    subjectPrefix: run,
    apiKey,
    gatewayUrl: services.gateway.url,
    channelsUrl: services.channels.url,
    telegram,
    services,
    stop,
  };
}
