import { accessSync, constants } from 'node:fs';
import { z } from 'zod';
import { validate } from '@openlines/contracts';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

const SERVER_PATTERN = /^((nats|tls|ws|wss):\/\/)?([^\s/:@]+@)?[^\s/:@]+(:\d{1,5})?$/;
/** A subject prefix is one or more NATS tokens: no wildcards, spaces or empty tokens. */
const PREFIX_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const NatsEnvSchema = z
  .object({
    NATS_URL: optionalText.pipe(
      z
        .string()
        .default(DEFAULT_NATS_URL)
        .transform((value) => value.split(',').map((server) => server.trim()))
        .pipe(
          z
            .array(z.string().regex(SERVER_PATTERN, 'expected nats://host:port, comma separated'))
            .min(1),
        ),
    ),
    NATS_USER: optionalText,
    NATS_PASSWORD: optionalText,
    NATS_TOKEN: optionalText,
    NATS_CREDS_FILE: optionalText.refine((file) => file === undefined || isReadable(file), {
      message: 'file not found or not readable',
    }),
    NATS_SUBJECT_PREFIX: optionalText.refine((p) => p === undefined || PREFIX_PATTERN.test(p), {
      message: 'expected dot-separated tokens of letters, digits, _ or -',
    }),
  })
  .superRefine((env, ctx) => {
    if ((env.NATS_USER === undefined) !== (env.NATS_PASSWORD === undefined)) {
      const path = env.NATS_USER === undefined ? 'NATS_USER' : 'NATS_PASSWORD';
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: 'NATS_USER and NATS_PASSWORD go together',
      });
    }
    const methods = [env.NATS_USER, env.NATS_TOKEN, env.NATS_CREDS_FILE].filter(
      (v) => v !== undefined,
    );
    if (methods.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['NATS_TOKEN'],
        message: 'use one of NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE',
      });
    }
  });

function isReadable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export interface NatsConfig {
  servers: string[];
  user?: string;
  password?: string;
  token?: string;
  credsFile?: string;
  /**
   * Prepended to every RPC subject (`<prefix>.lines.sessions.create`), so that several
   * deployments or parallel test files can share one NATS server without answering each other's
   * requests. JetStream event subjects are not prefixed.
   */
  subjectPrefix?: string;
}

/** Reads and validates the NATS settings once at startup; throws a message naming each bad variable. */
export function natsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NatsConfig {
  const parsed = validate(NatsEnvSchema, env, 'NATS configuration');
  const config: NatsConfig = { servers: parsed.NATS_URL };
  if (parsed.NATS_USER !== undefined) config.user = parsed.NATS_USER;
  if (parsed.NATS_PASSWORD !== undefined) config.password = parsed.NATS_PASSWORD;
  if (parsed.NATS_TOKEN !== undefined) config.token = parsed.NATS_TOKEN;
  if (parsed.NATS_CREDS_FILE !== undefined) config.credsFile = parsed.NATS_CREDS_FILE;
  if (parsed.NATS_SUBJECT_PREFIX !== undefined) config.subjectPrefix = parsed.NATS_SUBJECT_PREFIX;
  return config;
}

/** `lines.sessions.create` → `<prefix>.lines.sessions.create` when a prefix is configured. */
export function prefixedSubject(subject: string, prefix: string | undefined): string {
  return prefix === undefined ? subject : `${prefix}.${subject}`;
}
