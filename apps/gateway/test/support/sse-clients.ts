import { connect } from 'node:net';

/** The last `event:` frame in a stretch of SSE text, with its JSON data. */
export interface SseFrame {
  event?: string;
  data: Record<string, unknown>;
}

/**
 * An SSE client on a raw socket that reads nothing until `resume()`: the kernel's buffers fill,
 * then the gateway's `write()` says the socket does not drain. It notes the id of every event it
 * reads and keeps the last few kilobytes (where a final frame is).
 */
export function rawSseClient(url: string, path: string, apiKey: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.pause();
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${apiKey}\r\n` +
      'Accept: text/event-stream\r\nConnection: close\r\n\r\n',
  );
  const ids: string[] = [];
  let partial = '';
  let tail = '';
  let ended = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    // A chunk may end inside a line: its last, incomplete line waits for the next chunk.
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('id: ')) ids.push(line.slice(4).trim());
    tail = (tail + chunk).slice(-8192);
  });
  socket.on('close', () => (ended = true));
  return {
    ids,
    resume: () => socket.resume(),
    ended: () => ended,
    lastFrame: () => lastFrame(tail),
    close: () => socket.destroy(),
  };
}

/** A client that reads all the time (fetch), noting the id of every event it gets. */
export function readingSseClient(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ids = new Set<string>();
  let rest = '';
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const lines = (rest + decoder.decode(value, { stream: true })).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('id: ')) ids.add(line.slice(4));
    }
  })();
  return { hasId: (id: string) => ids.has(id), cancel: () => reader.cancel() };
}

function lastFrame(text: string): SseFrame {
  const blocks = text.split('\n\n').filter((block) => block.includes('event: '));
  const lines = (blocks[blocks.length - 1] ?? '').split('\n');
  const field = (name: string) =>
    lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
  return { event: field('event'), data: JSON.parse(field('data') ?? '{}') };
}
