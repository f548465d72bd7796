import { gzipSync } from 'node:zlib';
import { randomJson } from './nats-fuzz-frames';
import { SeededRandom } from './seeded-random';

// Bodies and headers of the HTTP fuzz cases: near misses of what each webhook and route expects,
// and every way a body can be wrong. Templates use a current Viber timestamp, the rest is seeded.

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=x-unknown',
  'application/vnd.api+json',
  'a/b/c',
];
const NOT_JSON = ['{', '{"a":}', "{'a':1}", 'nul', '\uFEFF{}', '1e99999', '[1,]', '"\\ud800"'];
const KEYS = ['update_id', 'message', 'event', 'message_token', 'visitorToken', 'text', '__name'];

export const telegramUpdate = (random: SeededRandom) => ({
  update_id: random.int(1, 1e9),
  message: {
    message_id: random.int(1, 1e6),
    date: random.int(0, 2e9),
    from: { id: random.int(1, 1e9), is_bot: false, first_name: 'Fuzz' },
    chat: { id: random.int(1, 1e9), type: 'private' },
    text: 'hello',
  },
});
export const viberCallback = (random: SeededRandom) => ({
  event: 'message',
  timestamp: Date.now(),
  message_token: random.int(1, 1e15),
  sender: { id: 'fuzz-sender', name: 'Fuzz' },
  message: { type: 'text', text: 'hello' },
});
export const livechatMessage = (random: SeededRandom) => ({
  visitorToken: `visitor-${random.text(16, 'abcdef0123456789')}`,
  text: 'hello',
  messageId: `m-${random.int(0, 1e9)}`,
});

/** A body: a near miss of the expected shape, random JSON, huge, deeply nested, or not JSON. */
export function bodyOf(random: SeededRandom, template: Record<string, unknown>): [string, Buffer] {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'null');
  const roll = random.next();
  if (roll < 0.3) {
    const near: Record<string, unknown> = JSON.parse(JSON.stringify(template));
    const key = random.chance(0.8) ? random.pick(Object.keys(near)) : random.pick(KEYS);
    if (random.chance(0.2)) delete near[key];
    else near[key] = randomJson(random, random.int(0, 3));
    return ['near miss', json(near)];
  }
  if (roll < 0.55) return ['random JSON', json(randomJson(random, random.int(0, 4)))];
  if (roll < 0.6)
    return ['huge string', json({ ...template, text: 'x'.repeat(random.int(2e5, 12e5)) })];
  if (roll < 0.7) {
    const levels = random.int(1_000, 50_000);
    const [open, close] = random.pick([
      ['[', ']'],
      ['{"a":', '}'],
      ['{"message":', '}'],
    ]);
    return ['deep nesting', Buffer.from(`${open.repeat(levels)}1${close.repeat(levels)}`)];
  }
  if (roll < 0.8) return ['random bytes', Buffer.from(random.bytes(random.int(1, 400)))];
  if (roll < 0.9) return ['non-JSON text', Buffer.from(random.pick(NOT_JSON))];
  if (roll < 0.95) return ['empty', Buffer.alloc(0)];
  return ['valid', json(template)];
}

/** Odd but well-formed headers, the content type and (sometimes) a content encoding. */
export function headersOf(random: SeededRandom, body: Buffer): [Record<string, string>, Buffer] {
  const headers: Record<string, string> = {
    'content-type': random.chance(0.7) ? 'application/json' : random.pick(CONTENT_TYPES),
  };
  if (random.chance(0.2)) headers['x-correlation-id'] = random.text(random.int(0, 400));
  if (random.chance(0.1)) headers.accept = random.pick(['text/html', 'application/xml', '*/*']);
  if (random.chance(0.1)) headers['x-forwarded-for'] = random.text(random.int(1, 60));
  if (random.chance(0.1)) headers.cookie = `a=${random.text(30, 'abc%;= ')}`;
  if (!random.chance(0.1)) return [headers, body];
  const encoding = random.pick(['gzip', 'gzip', 'deflate', 'br2', 'identity']);
  headers['content-encoding'] = encoding;
  return [headers, encoding === 'gzip' && random.chance(0.5) ? gzipSync(body) : body];
}
