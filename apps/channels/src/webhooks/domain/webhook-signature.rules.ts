import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Telegram sends the secret given to setWebhook in `X-Telegram-Bot-Api-Secret-Token`. Both sides
 * are hashed first so the comparison takes the same time whatever the length of a guess.
 */
export function telegramSecretMatches(expected: string, provided: string | undefined): boolean {
  if (provided === undefined || expected.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(provided));
}

/** Viber's `X-Viber-Content-Signature`: hex HMAC-SHA256 of the raw body keyed by the auth token. */
export function viberSignatureOf(authToken: string, rawBody: Buffer): string {
  return createHmac('sha256', authToken).update(rawBody).digest('hex');
}

export function viberSignatureMatches(
  authToken: string,
  rawBody: Buffer,
  provided: string | undefined,
): boolean {
  if (provided === undefined || authToken.length === 0) return false;
  const expected = Buffer.from(viberSignatureOf(authToken, rawBody), 'hex');
  const given = /^[0-9a-fA-F]{64}$/.test(provided) ? Buffer.from(provided, 'hex') : null;
  // A malformed header is compared against itself so that it costs the same time as a wrong one.
  return given !== null ? timingSafeEqual(expected, given) : !timingSafeEqual(expected, expected);
}
