import pino, { DestinationStream, Level, Logger } from 'pino';
import { SECRET_SETTING_KEYS } from '@openlines/contracts';
import { currentCorrelationId } from './correlation.context';

export type { Logger } from 'pino';

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Keys whose values never reach a log line, whatever object they sit in. */
export const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'apiKey',
  'api_key',
  'x-api-key',
  'token',
  'accessToken',
  'refreshToken',
  'botToken',
  'authToken',
  'password',
  'pass',
  'secret',
  'clientSecret',
  'webhookSecret',
  'credentials',
  // Every secret key of a channel's settings (secretToken, appSecret, …), from the contracts.
  ...SECRET_SETTING_KEYS,
] as const;

/**
 * pino's redaction has no recursive wildcard, so each key is listed at the root and under up to
 * five levels of nesting (`*.*.token`), which covers our payloads, headers and settings objects.
 */
const REDACT_DEPTH = 5;

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of new Set<string>(SECRET_KEYS)) {
    const leaf = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    for (let depth = 0; depth <= REDACT_DEPTH; depth += 1) {
      const prefix = '*'.repeat(depth).split('').join('.');
      if (depth === 0) paths.push(leaf);
      else paths.push(leaf.startsWith('[') ? `${prefix}${leaf}` : `${prefix}.${leaf}`);
    }
  }
  return paths;
}

export interface LoggerOptions {
  /** Overrides LOG_LEVEL. */
  level?: string;
  /** Where JSON lines go; stdout by default (tests pass a stream to read them). */
  destination?: DestinationStream;
}

function resolveLevel(level: string | undefined): Level | 'silent' {
  const value = (level ?? 'info').trim().toLowerCase();
  if (!LEVELS.includes(value)) {
    throw new Error(`Invalid LOG_LEVEL "${level}": use one of ${LEVELS.join(', ')}`);
  }
  return value as Level | 'silent';
}

/**
 * The one logger configuration of OpenLines: JSON lines with the service name, ISO time, the
 * level as a word, secrets redacted and the current correlation id on every line.
 */
export function createLogger(serviceName: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: resolveLevel(options.level ?? process.env.LOG_LEVEL),
      base: { service: serviceName, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths(), censor: '[REDACTED]' },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId === undefined ? {} : { correlationId };
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
