import { JetStreamClient } from 'nats';
import { z } from 'zod';
import { ErrorCode, LINES_DEAD_LETTER_PREFIX, OpenLinesError } from '@openlines/contracts';
import { encodeJson } from '../events/json.codec';
import { correlationHeaders, toNatsHeaders } from '../events/message-headers';

/** What lands in LINES_DEAD_LETTERS on `lines.deadletter.<durable>` when an event is given up. */
export const DeadLetterSchema = z.object({
  durable: z.string(),
  stream: z.string(),
  subject: z.string(),
  streamSeq: z.number().int(),
  /** The original payload as UTF-8 text (events are JSON). */
  data: z.string(),
  headers: z.record(z.string()),
  error: z.object({ code: z.nativeEnum(ErrorCode), message: z.string() }),
  deliveries: z.number().int(),
  deadLetteredAt: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export function deadLetterSubject(durable: string): string {
  return `${LINES_DEAD_LETTER_PREFIX}.${durable}`;
}

/**
 * The error as operators need it. Dead letters are internal, so an unexpected error keeps its
 * real message here (unlike RPC replies, which never leak internals).
 */
export function deadLetterError(error: unknown): DeadLetter['error'] {
  if (error instanceof OpenLinesError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: ErrorCode.Internal, message: error.message };
  return { code: ErrorCode.Internal, message: String(error) };
}

export async function publishDeadLetter(js: JetStreamClient, letter: DeadLetter): Promise<void> {
  // One dead letter per stream message, even if term() is lost and the message comes back.
  await js.publish(deadLetterSubject(letter.durable), encodeJson(letter), {
    msgID: `${letter.stream}:${letter.durable}:${letter.streamSeq}`,
    headers: toNatsHeaders(correlationHeaders()),
  });
}
