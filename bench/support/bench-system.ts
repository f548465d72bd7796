import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { NatsConnection } from '@openlines/messaging';
import { LineChannelType, createLinesClient } from '@openlines/sdk';
import { FakeTelegram } from '../../e2e/support/fake-telegram';
import { BenchService } from './bench-service';

export const SERVICES = ['channels', 'clients', 'sessions', 'metrics', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type BenchStore = 'memory' | 'sqlite';

export interface BenchSystem {
  store: BenchStore;
  /** The NATS_SUBJECT_PREFIX every service of this system answers under. */
  subjectPrefix: string;
  channelsUrl: string;
  /** Where the SQLite files live (sqlite only). */
  dataDir?: string;
  services: Record<ServiceName, BenchService>;
  stop(): Promise<void>;
}

/**
 * The whole system, every service its own compiled process, on the bench's nats-server, with the
 * production settings except names unique to this system (RPC prefix, durables that start at new
 * events) and a fake Telegram API. `sqlite`: durable files in a temporary OPENLINES_DATA_DIR,
 * removed at the stop; `memory`: STORE=memory. Logs at warn, as a quiet production would.
 */
export async function startBenchSystem(natsUrl: string, store: BenchStore): Promise<BenchSystem> {
  const run = `bench_${store}_${randomBytes(3).toString('hex')}`;
  const telegram = await FakeTelegram.start();
  const dataDir =
    store === 'sqlite' ? mkdtempSync(path.join(os.tmpdir(), 'openlines-ingest-bench-')) : undefined;
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: run,
    STORE: store,
    ...(dataDir === undefined ? {} : { OPENLINES_DATA_DIR: dataDir }),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  };
  const extra: Record<ServiceName, NodeJS.ProcessEnv> = {
    channels: {
      TELEGRAM_API_BASE_URL: telegram.url,
      OUTBOUND_DURABLE: `${run}_outbound`,
      OUTBOUND_DELIVER_POLICY: 'new',
    },
    clients: {},
    sessions: {
      SESSIONS_INBOUND_DURABLE: `${run}_inbound`,
      SESSIONS_INBOUND_DELIVER_POLICY: 'new',
    },
    metrics: { METRICS_DURABLE: `${run}_metrics` },
    gateway: { API_KEYS: randomBytes(24).toString('hex') },
  };
  const started = await Promise.all(
    SERVICES.map((name) => BenchService.start(name, { ...base, ...extra[name] })),
  );
  const services = Object.fromEntries(started.map((service) => [service.name, service])) as Record<
    ServiceName,
    BenchService
  >;
  const stop = async () => {
    await Promise.all(started.map((service) => service.stop()));
    await telegram.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(started.map((service) => service.ready(120_000, 100)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { store, subjectPrefix: run, channelsUrl: services.channels.url, dataDir, services, stop };
}

/** A line and a signed Telegram bot channel on it, created through the SDK over NATS. */
export async function createSignedChannel(natsUrl: string, subjectPrefix: string) {
  const u = randomBytes(4).toString('hex');
  const lines = createLinesClient({
    servers: natsUrl,
    subjectPrefix,
    actor: { type: 'operator', id: `op-bench-${u}` },
  });
  try {
    const line = await lines.lines.create({
      __name: `bench ${u}`,
      _operatorGroups: [`grp-bench-${u}`],
      _distribution: 'auto',
    });
    const secretToken = `bench_secret_${u}_0123456789`;
    const channel = await lines.channels.create({
      __name: `bench bot ${u}`,
      _line: line.id,
      _type: LineChannelType.telegramBot,
      _settings: {
        botToken: `${100000 + Math.floor(Math.random() * 800000)}:bench_${u}`,
        secretToken,
      },
    });
    return { channelId: channel.id, secretToken };
  } finally {
    await lines.close();
  }
}

/** Leaves the server as the next store's system should find it: an empty stream, no durables. */
export async function resetEvents(nc: NatsConnection): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for await (const consumer of jsm.consumers.list(LINES_EVENTS_STREAM))
    await jsm.consumers.delete(LINES_EVENTS_STREAM, consumer.name);
  await jsm.streams.purge(LINES_EVENTS_STREAM);
}
