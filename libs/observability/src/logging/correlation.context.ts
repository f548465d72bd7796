import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id follows one piece of work across services: it travels in the
 * `X-Correlation-Id` NATS header and lives in an AsyncLocalStorage inside a process, so every log
 * line, RPC and event of that work carries it without passing it by hand.
 */
const storage = new AsyncLocalStorage<string>();

export function runWithCorrelation<T>(correlationId: string, fn: () => T): T {
  return storage.run(correlationId, fn);
}

/** Runs `fn` outside any correlation, e.g. background work that a request merely triggered. */
export function runWithoutCorrelation<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

export function newCorrelationId(): string {
  return randomUUID();
}
