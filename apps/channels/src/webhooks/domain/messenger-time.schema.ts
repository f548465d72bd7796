import { z } from 'zod';

/** No messenger we take sent anything before this; an earlier time is a broken or forged body. */
export const EARLIEST_MESSENGER_TIME = new Date('2000-01-01T00:00:00.000Z');
/** Clocks drift, but not by a day. */
export const MESSENGER_CLOCK_SKEW_MS = 24 * 3_600_000;

/**
 * A messenger's timestamp (an integer number of `unitMs`) that is a sane instant: from 2000-01-01
 * to a day from now. Outside it `new Date(…).toISOString()` may throw (beyond ±8.64e15 ms), and
 * the body answers 400 naming the field instead of a 500 that the messenger retries forever.
 */
export function messengerTimeSchema(unitMs: 1 | 1000) {
  return z
    .number()
    .int()
    .refine(
      (value) => {
        const ms = value * unitMs;
        return (
          ms >= EARLIEST_MESSENGER_TIME.getTime() && ms <= Date.now() + MESSENGER_CLOCK_SKEW_MS
        );
      },
      { message: 'Must be a time between 2000-01-01 and a day from now' },
    );
}

/** Telegram's `date`: Unix time in seconds. */
export const UnixSecondsSchema = messengerTimeSchema(1000);
/** Viber's `timestamp`: Unix time in milliseconds. */
export const UnixMillisSchema = messengerTimeSchema(1);
