/**
 * What one attempt to hand a reply to a messenger API came to, and so what the outbound consumer
 * does with the event: `delivered` → ack; `retry` (rate limits, 5xx, network) → nak with back-off;
 * `authFailure` → counted against the channel, then nak (the token may be fixed meanwhile);
 * `rejected` (this message or recipient can never be served, e.g. the user blocked the bot) → term,
 * so it goes to the dead letters instead of blocking the channel's other replies.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; externalMessageId?: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'authFailure'; reason: string }
  | { kind: 'rejected'; reason: string };

/** How many authorisation failures in a row put a channel into the error state (default). */
export const DEFAULT_AUTH_FAILURE_THRESHOLD = 3;

/**
 * Telegram answers `{ ok, result?, error_code?, description? }`. 401 is a bad bot token. 403 is
 * usually about one chat (the user blocked the bot, deleted the account…), which must not fail
 * the whole channel; any other 403 (the bot itself is refused) counts as an authorisation failure.
 */
const TELEGRAM_PER_CHAT_REFUSAL =
  /blocked by the user|user is deactivated|can't initiate conversation|bot was kicked|not a member|chat not found/i;

export function telegramOutcome(status: number, body: unknown): DeliveryOutcome {
  const reply = asRecord(body);
  const description = typeof reply.description === 'string' ? reply.description : `HTTP ${status}`;
  if (status >= 200 && status < 300 && reply.ok === true) {
    const result = asRecord(reply.result);
    const id = result.message_id;
    return {
      kind: 'delivered',
      ...(typeof id === 'number' ? { externalMessageId: String(id) } : {}),
    };
  }
  const reason = `Telegram ${status}: ${description}`;
  if (status === 401) return { kind: 'authFailure', reason };
  if (status === 403) {
    return TELEGRAM_PER_CHAT_REFUSAL.test(description)
      ? { kind: 'rejected', reason }
      : { kind: 'authFailure', reason };
  }
  return transientOrRejected(status, reason);
}

/**
 * Viber answers HTTP 200 with `{ status, status_message, message_token? }`; the status codes are
 * those of https://developers.viber.com/docs/api/rest-bot-api/#error-codes.
 */
const VIBER_AUTH_STATUSES = new Set([2, 7, 8, 9, 15]);
const VIBER_RETRY_STATUSES = new Set([12]);

export function viberOutcome(status: number, body: unknown): DeliveryOutcome {
  if (status === 401 || status === 403)
    return { kind: 'authFailure', reason: `Viber HTTP ${status}` };
  if (status < 200 || status >= 300) return transientOrRejected(status, `Viber HTTP ${status}`);
  const reply = asRecord(body);
  const code = reply.status;
  if (typeof code !== 'number') return { kind: 'retry', reason: 'Viber reply without a status' };
  if (code === 0) {
    const token = reply.message_token;
    return {
      kind: 'delivered',
      ...(token === undefined ? {} : { externalMessageId: String(token) }),
    };
  }
  const reason = `Viber status ${code}: ${typeof reply.status_message === 'string' ? reply.status_message : 'error'}`;
  if (VIBER_AUTH_STATUSES.has(code)) return { kind: 'authFailure', reason };
  if (VIBER_RETRY_STATUSES.has(code)) return { kind: 'retry', reason };
  return { kind: 'rejected', reason };
}

/** A failure to reach the API at all (DNS, refused connection, timeout) is always transient. */
export function networkOutcome(error: unknown): DeliveryOutcome {
  return {
    kind: 'retry',
    reason: `network: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** Counts consecutive authorisation failures; any delivery resets the count. */
export function nextAuthFailureCount(current: number, outcome: DeliveryOutcome): number {
  if (outcome.kind === 'authFailure') return current + 1;
  return outcome.kind === 'delivered' ? 0 : current;
}

export function shouldMarkChannelError(
  consecutiveAuthFailures: number,
  threshold: number,
): boolean {
  return consecutiveAuthFailures >= threshold;
}

function transientOrRejected(status: number, reason: string): DeliveryOutcome {
  const transient = status === 408 || status === 429 || status >= 500;
  return transient ? { kind: 'retry', reason } : { kind: 'rejected', reason };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
