import { randomBytes } from 'node:crypto';
import { freePort, RunningNatsServer } from '@openlines/testing';
import { FakeTelegram } from './fake-telegram';
import { OwnNats } from './own-nats';
import { ServiceProcess } from './service-process';
import { serviceEnv } from './service-env';

export const SERVICES = ['channels', 'clients', 'sessions', 'metrics', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface SystemOptions {
  /**
   * The durable embedded store (SQLite) under this OPENLINES_DATA_DIR instead of STORE=memory;
   * replicas of a service share its file.
   */
  dataDir?: string;
  /**
   * A nats-server of this system alone, with its JetStream store in a temporary directory, that
   * kill() and restart() treat like the services (default: the run's shared server, NATS_URL).
   * `monitor`: with its HTTP monitoring endpoint (RunningSystem.nats.monitorUrl).
   */
  ownNats?: boolean | { monitor: true };
  /** Processes per service (default 1 each); the RPC queue group spreads requests over them. */
  replicas?: Partial<Record<ServiceName, number>>;
  /** The services to run (default: all). */
  only?: readonly ServiceName[];
  /** Extra environment per service. */
  env?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
  /** Log lines every process keeps (ServiceProcess.matched), restarted ones included. */
  watch?: RegExp;
}

export interface RunningSystem {
  natsUrl: string;
  /** The NATS_SUBJECT_PREFIX every service of this run answers under. */
  subjectPrefix: string;
  apiKey: string;
  gatewayUrl: string;
  channelsUrl: string;
  telegram: FakeTelegram;
  /** The (first) process of each service; replaced by restart(). */
  services: Record<ServiceName, ServiceProcess>;
  /** Every process of each service; replaced by restart(). */
  replicas: Record<ServiceName, ServiceProcess[]>;
  /** The system's own nats-server (ownNats), replaced by restart(). */
  nats?: RunningNatsServer;
  /** The log lines that matched `watch`, of every process started so far. */
  matched(): string[];
  /** SIGKILL of every service process and of the own nats-server, all at once (a crash). */
  kill(): Promise<void>;
  /** Starts the own nats-server (same port and store) and every service again; resolves when ready. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole system as separate processes, on the test nats-server by default: in-memory stores
 * (STORE=memory), random HTTP ports, and names unique to this run (RPC subject prefix, durable
 * consumers that start from new events) so that it shares the server with other suites safely.
 * Crash tests ask for the durable store (`dataDir`) and a nats-server of their own (`ownNats`),
 * then kill() and restart() it all; `replicas` runs several processes of one service.
 */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const monitor = typeof options.ownNats === 'object' && options.ownNats.monitor;
  const nats = options.ownNats ? await OwnNats.start(monitor) : undefined;
  const natsUrl = nats?.server.url ?? process.env.NATS_URL;
  if (!natsUrl) throw new Error('NATS_URL is not set: run the e2e suite through jest');
  const run = `e2e_${randomBytes(4).toString('hex')}`;
  const apiKey = randomBytes(24).toString('hex');
  const telegram = await FakeTelegram.start();
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: run,
    // Volatile unless asked, so that no run writes into the repository's .data/.
    ...(options.dataDir === undefined
      ? { STORE: 'memory' }
      : { STORE: 'sqlite', OPENLINES_DATA_DIR: options.dataDir }),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  };
  const extra = serviceEnv(run, apiKey, telegram.url);
  const names = options.only ?? SERVICES;
  const counts = names.map((name) => options.replicas?.[name] ?? 1);
  const ports = await Promise.all(
    counts.map((n) => Promise.all(Array.from({ length: n }, freePort))),
  );
  const replicas = Object.fromEntries(
    SERVICES.map((name) => [name, [] as ServiceProcess[]]),
  ) as Record<ServiceName, ServiceProcess[]>;
  names.forEach((name, i) => {
    const env = { ...base, ...extra[name], ...options.env?.[name] };
    replicas[name] = ports[i].map((port) => ServiceProcess.start(name, port, env, options.watch));
  });
  const started: ServiceProcess[] = Object.values(replicas).flat();
  const services = {} as Record<ServiceName, ServiceProcess>;
  const all = () => Object.values(replicas).flat();
  const sync = () => {
    for (const name of names) services[name] = replicas[name][0];
    system.nats = nats?.server;
  };
  const ready = async () => {
    try {
      await Promise.all(all().map((process) => process.ready()));
    } catch (error) {
      await stop();
      throw error;
    }
  };
  const stop = async () => {
    await Promise.all(all().map((process) => process.stop()));
    await nats?.stop();
    await telegram.close();
  };
  const system: RunningSystem = {
    natsUrl,
    subjectPrefix: run,
    apiKey,
    gatewayUrl: names.includes('gateway') ? replicas.gateway[0].url : '',
    channelsUrl: names.includes('channels') ? replicas.channels[0].url : '',
    telegram,
    services,
    replicas,
    matched: () => started.flatMap((process) => process.matched),
    kill: async () => {
      await Promise.all([...all().map((process) => process.kill()), nats?.kill()]);
    },
    restart: async () => {
      await nats?.restart();
      for (const name of names) replicas[name] = replicas[name].map((process) => process.restart());
      started.push(...all());
      sync();
      await ready();
    },
    stop,
  };
  sync();
  await ready();
  return system;
}
