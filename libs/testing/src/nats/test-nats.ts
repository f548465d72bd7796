import { NatsConfig, NatsConnection, connectNats, natsConfigFromEnv } from '@openlines/messaging';
import { Logger, createLogger } from '@openlines/observability';
import { uniqueName } from '../unique-name';

/** The nats-server of this jest run (started by libs/testing's global setup). */
export function testNatsUrl(): string {
  const url = process.env.NATS_URL;
  if (!url) {
    throw new Error(
      'NATS_URL is not set: run specs through jest, whose global setup starts nats-server',
    );
  }
  return url;
}

/**
 * Gives this spec file its own RPC subject namespace (NATS_SUBJECT_PREFIX), so services it starts
 * never answer, or steal, requests of another spec file running in parallel on the same server.
 * Jest gives every spec file its own process.env, so the prefix is per file; idempotent.
 */
export function isolateTestSubjects(): string {
  process.env.NATS_SUBJECT_PREFIX ??= uniqueName('t');
  return process.env.NATS_SUBJECT_PREFIX;
}

/** The NATS settings services under test read from the environment, with the test prefix. */
export function testNatsConfig(): NatsConfig {
  testNatsUrl();
  isolateTestSubjects();
  return natsConfigFromEnv(process.env);
}

export function testLogger(name = 'test'): Logger {
  return createLogger(name, { level: process.env.LOG_LEVEL ?? 'warn' });
}

/** A connection for the spec itself (its own publisher, RPC client, stream reads). Drain it in afterAll. */
export function connectTestNats(name = 'spec'): Promise<NatsConnection> {
  return connectNats(testNatsConfig(), testLogger(name), name);
}
