import type { IncomingMessage, ServerResponse } from 'node:http';

/** Webhook bodies larger than this are refused (413); messengers send a few kilobytes. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

export interface RawBodyRequest extends IncomingMessage {
  rawBody?: Buffer;
  body?: unknown;
}

/**
 * Keeps the exact bytes of a webhook body (Viber signs the raw body) and parses JSON from them.
 * It runs before Nest's body parser, which then finds the stream consumed and leaves `body` as
 * set here. Bootstrap mounts it on /webhooks (see channels.http.ts).
 */
export function captureRawBody(
  req: RawBodyRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > WEBHOOK_BODY_LIMIT_BYTES && !refused) {
      refused = true;
      reply(res, 413, 'VALIDATION_FAILED', `body larger than ${WEBHOOK_BODY_LIMIT_BYTES} bytes`);
      req.resume();
    } else if (!refused) chunks.push(chunk);
  });
  req.on('error', (error) => (refused ? undefined : next(error)));
  req.on('end', () => {
    if (refused) return;
    req.rawBody = Buffer.concat(chunks);
    const isJson = /\bjson\b/i.test(req.headers['content-type'] ?? '');
    if (!isJson || req.rawBody.length === 0) return next();
    try {
      req.body = JSON.parse(req.rawBody.toString('utf8'));
      next();
    } catch {
      reply(res, 400, 'VALIDATION_FAILED', 'body is not valid JSON');
    }
  });
}

function reply(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ code, message }));
}
