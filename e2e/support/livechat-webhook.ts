import { createHash } from 'node:crypto';

export interface VisitorMessage {
  /** The widget's random token in the visitor's browser (16-128 of A-Z a-z 0-9 _ -). */
  visitorToken: string;
  text: string;
  /** Per message, so that a resend after a network error is the same message. */
  messageId: string;
}

/** Posts a message as the live chat widget does (no Origin: not from a browser). */
export function postLivechatMessage(
  channelsUrl: string,
  publicKey: string,
  message: VisitorMessage,
): Promise<Response> {
  return fetch(`${channelsUrl}/webhooks/livechat/${encodeURIComponent(publicKey)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
}

/**
 * The visitor's account (and session `_externalChatId`), as the channels service derives it
 * from the token (apps/channels livechat-message.rules: the token itself never leaves it).
 */
export function visitorAccountOf(visitorToken: string): string {
  return `visitor-${createHash('sha256').update(visitorToken, 'utf8').digest('hex').slice(0, 32)}`;
}
