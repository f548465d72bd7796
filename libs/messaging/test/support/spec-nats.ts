// Helpers for this library's own specs, kept outside src/ so the build leaves them out.
// libs/testing offers the same to everyone else, but it builds on libs/messaging, so these specs
// cannot import it without a dependency cycle.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NatsConnection } from 'nats';
import { Logger, createLogger } from '@openlines/observability';
import { NatsConfig, natsConfigFromEnv } from '../../src/config/nats.config';
import { connectNats } from '../../src/connection/nats.connection';

/** Silent unless SPEC_LOG_LEVEL is set: several specs provoke errors on purpose. */
export const specLogger = createLogger('messaging-spec', {
  level: process.env.SPEC_LOG_LEVEL ?? 'silent',
});

export function specNatsConfig(extra: Partial<NatsConfig> = {}): NatsConfig {
  if (!process.env.NATS_URL)
    throw new Error('NATS_URL is not set: run the specs through jest (global setup)');
  return { ...natsConfigFromEnv({ NATS_URL: process.env.NATS_URL }), ...extra };
}

export function connectSpecNats(): Promise<NatsConnection> {
  return connectNats(specNatsConfig(), specLogger, 'messaging-spec');
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A debug-level logger whose JSON lines the spec can read back. */
export function capturedLogger(): { lines: Record<string, unknown>[]; logger: Logger } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((line) => lines.push(JSON.parse(line)));
      done();
    },
  });
  return { lines, logger: createLogger('messaging-spec', { level: 'debug', destination }) };
}
