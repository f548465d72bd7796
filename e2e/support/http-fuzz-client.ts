import { request } from 'node:http';
import { HttpFuzzCase } from './http-fuzz-cases';

export interface FuzzReply {
  status: number;
  contentType: string;
  /** The first 4 MB of the body (an error body may echo a field name the size of the request). */
  body: string;
}

const KEEP_BYTES = 4 * 1024 * 1024;

/**
 * Sends one case as it is (node:http, not fetch, so that malformed paths and odd headers go out
 * untouched) on a connection of its own. Resolves with the response, or with why none came. An
 * SSE stream (a valid GET /v1/events) is cut after its headers. The server may answer a large body
 * (413) before reading all of it; a write error after the response is then no failure.
 */
export function sendCase(baseUrl: string, fuzz: HttpFuzzCase, timeoutMs: number) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<FuzzReply | { error: string }>((resolve) => {
    let replied = false;
    const req = request(
      {
        host: hostname,
        port: Number(port),
        method: fuzz.method,
        path: fuzz.path,
        headers: { ...fuzz.headers, 'content-length': String(fuzz.body?.length ?? 0) },
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        replied = true;
        const contentType = String(res.headers['content-type'] ?? '');
        const status = res.statusCode ?? 0;
        if (contentType.includes('text/event-stream')) {
          res.destroy();
          return resolve({ status, contentType, body: '' });
        }
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < KEEP_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () =>
          resolve({ status, contentType, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', (error) => resolve({ error: `response broke: ${error.message}` }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', (error) => {
      if (!replied) resolve({ error: error.message });
    });
    req.end(fuzz.body);
  });
}
