import { LineMessageData, MESSAGE_TEXT_MAX_LENGTH } from '@openlines/contracts';

/** Room in a page's budget for `{"items":[…],"hasMore":true,"nextFrom":…}` around the items. */
const PAGE_ENVELOPE_BYTES = 64;

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/**
 * Collects one page of messages within a byte budget (below the NATS max payload, so that the
 * reply can always be sent): messages are added oldest first until the next one would pass the
 * budget. A page holds at least one message, so that paging always advances; a message too large
 * on its own (stored before inbound content was bounded) is sent shrunk, see `fitted`.
 */
export class MessagePageBuilder {
  readonly items: LineMessageData[] = [];
  private bytes = PAGE_ENVELOPE_BYTES;

  constructor(private readonly budgetBytes: number) {}

  /** False when the message does not fit: the page is full. */
  add(message: LineMessageData): boolean {
    const item = this.items.length === 0 ? fitted(message, this.budgetBytes) : message;
    const bytes = jsonBytes(item) + 1;
    if (this.items.length > 0 && this.bytes + bytes > this.budgetBytes) return false;
    this.items.push(item);
    this.bytes += bytes;
    return true;
  }
}

/**
 * The message as a reply may carry it: unchanged when it fits the budget; otherwise its payload
 * is replaced by its size and its body cut to MESSAGE_TEXT_MAX_LENGTH, and `payload.truncated`
 * says so. Only the reply is shrunk; the stored message stays whole.
 */
export function fitted(message: LineMessageData, budgetBytes: number): LineMessageData {
  if (jsonBytes(message) + PAGE_ENVELOPE_BYTES <= budgetBytes) return message;
  const truncated: string[] = [];
  if (message.payload !== undefined) truncated.push('payload');
  if (message.body.length > MESSAGE_TEXT_MAX_LENGTH) truncated.push('body');
  if (truncated.length === 0) return message;
  const payloadBytes = message.payload === undefined ? {} : { payloadBytes: jsonBytes(message.payload) };
  return {
    ...message,
    body: message.body.slice(0, MESSAGE_TEXT_MAX_LENGTH),
    payload: { truncated, ...payloadBytes },
  };
}
