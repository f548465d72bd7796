import { MessageOutboundPayload } from '@openlines/contracts';
import { ChannelRecord } from '../../channels/domain/channel.rules';
import { DeliveryOutcome } from '../domain/delivery-outcome.rules';

/** One messenger's way of handing over a reply. Never throws: every failure is an outcome. */
export interface OutboundSender {
  send(channel: ChannelRecord, message: MessageOutboundPayload): Promise<DeliveryOutcome>;
}

/**
 * The reply as plain text: messengers differ in how they take files, so files travel as links
 * under the text (one line each), which every messenger shows.
 */
export function replyText(message: MessageOutboundPayload): string {
  const links = (message.files ?? []).map((file) => `${file.name}: ${file.url}`);
  return [message.text, ...links].filter((part) => part.length > 0).join('\n');
}

/** POSTs JSON with a deadline; the caller maps the status and body to an outcome. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): the outcome rules treat it as an unexpected reply.
  }
  return { status: response.status, body: parsed };
}
