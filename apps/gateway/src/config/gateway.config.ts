import { validate } from '@openlines/contracts';
import { z } from 'zod';
import { parseApiKeys } from '../auth/api-keys';

export const DEFAULT_HTTP_PORT = 8080;
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
export const DEFAULT_RPC_TIMEOUT_MS = 10_000;
export const DEFAULT_SSE_CLIENT_BUFFER_BYTES = 1024 * 1024;

const intFrom = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value.trim() === '' ? String(fallback) : value.trim(),
    )
    .pipe(
      z
        .string()
        .regex(/^\d+$/, 'expected a whole number')
        .transform(Number)
        .pipe(z.number().int().min(min).max(max)),
    );

const GatewayEnvSchema = z.object({
  HTTP_PORT: intFrom(DEFAULT_HTTP_PORT, 0, 65_535),
  /** Comma-separated API keys; none configured = every /v1 request is refused. */
  API_KEYS: z.string().optional(),
  GATEWAY_BODY_LIMIT_BYTES: intFrom(DEFAULT_BODY_LIMIT_BYTES, 1024, 50 * 1024 * 1024),
  GATEWAY_RPC_TIMEOUT_MS: intFrom(DEFAULT_RPC_TIMEOUT_MS, 100, 120_000),
  /** Seconds between SSE keep-alive comments (proxies close idle streams). */
  GATEWAY_SSE_KEEPALIVE_SECONDS: intFrom(15, 1, 300),
  /** Bytes of events an SSE client may fall behind by before it is dropped (told to reconnect). */
  GATEWAY_SSE_CLIENT_BUFFER_BYTES: intFrom(DEFAULT_SSE_CLIENT_BUFFER_BYTES, 1024, 64 * 1024 * 1024),
});

export interface GatewayConfig {
  httpPort: number;
  apiKeys: string[];
  bodyLimitBytes: number;
  rpcTimeoutMs: number;
  sseKeepAliveMs: number;
  sseClientBufferBytes: number;
}

/** Reads and validates the gateway's settings once at startup (NATS settings: messaging's config). */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = validate(GatewayEnvSchema, env, 'gateway configuration');
  return {
    httpPort: parsed.HTTP_PORT,
    apiKeys: parseApiKeys(parsed.API_KEYS),
    bodyLimitBytes: parsed.GATEWAY_BODY_LIMIT_BYTES,
    rpcTimeoutMs: parsed.GATEWAY_RPC_TIMEOUT_MS,
    sseKeepAliveMs: parsed.GATEWAY_SSE_KEEPALIVE_SECONDS * 1000,
    sseClientBufferBytes: parsed.GATEWAY_SSE_CLIENT_BUFFER_BYTES,
  };
}

/** Nest token of the GatewayConfig. */
export const GATEWAY_CONFIG = Symbol.for('openlines:gateway-config');
