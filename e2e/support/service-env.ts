import type { ServiceName } from './system';

/**
 * Each service's environment in an e2e run besides NATS and the store: names unique to the run
 * (durables that start from new events), the fake Telegram, short polls and back-offs.
 */
export function serviceEnv(
  run: string,
  apiKey: string,
  telegramUrl: string,
): Record<ServiceName, NodeJS.ProcessEnv> {
  return {
    channels: {
      TELEGRAM_API_BASE_URL: telegramUrl,
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
}
