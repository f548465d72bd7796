import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorBody, ErrorCode, LineChannelType } from '@openlines/contracts';
import { ChannelRecord } from '../channels/domain/channel.rules';
import { isOriginAllowed } from './domain/livechat-origin.rules';

export interface LivechatChannelsPort {
  findByLivechatKey(publicKey: string): Promise<ChannelRecord | null>;
}

const KEY_IN_PATH = /^\/([^/?]+)\/messages(?:\?|$)/;

/**
 * CORS for the widget, mounted on /webhooks/livechat: browsers on the channel's allowed origins
 * get the headers (and their preflight a 204); any other origin gets 403 and reaches nothing.
 * Requests without an Origin (not from a browser) pass untouched.
 */
export function livechatCors(channels: LivechatChannelsPort) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const origin = req.headers.origin;
    const rawKey = KEY_IN_PATH.exec(req.url ?? '')?.[1];
    if (origin === undefined || rawKey === undefined) return next();
    const key = decodedKey(rawKey);
    if (key === undefined) {
      return replyError(res, 400, {
        code: ErrorCode.ValidationFailed,
        message: 'invalid live chat key: malformed %-escape',
        details: { issues: [{ field: 'publicKey', message: 'malformed %-escape' }] },
      });
    }
    channels.findByLivechatKey(key).then((channel) => {
      if (channel === null || channel._type !== LineChannelType.livechat) return next();
      const { allowedOrigins } = channel._settings as { allowedOrigins?: string[] };
      const allowed = isOriginAllowed(allowedOrigins, origin);
      if (allowed) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        res.setHeader('Access-Control-Allow-Headers', 'content-type');
        res.setHeader('Access-Control-Max-Age', '600');
      }
      if (allowed && req.method === 'OPTIONS') {
        res.statusCode = 204;
        return res.end();
      }
      if (allowed) return next();
      replyError(res, 403, {
        code: ErrorCode.Forbidden,
        message: `origin ${origin} may not use this live chat`,
      });
    }, next);
  };
}

/** The key as the router would decode it; undefined for a malformed %-escape (a URIError). */
function decodedKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function replyError(res: ServerResponse, status: number, body: ErrorBody): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
