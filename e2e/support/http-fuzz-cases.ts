import { createHmac } from 'node:crypto';
import {
  bodyOf,
  headersOf,
  livechatMessage,
  telegramUpdate,
  viberCallback,
} from './http-fuzz-bodies';
import { SeededRandom } from './seeded-random';

/** What the cases aim at: the gateway's routes (from its OpenAPI document) and real channels. */
export interface HttpFuzzTargets {
  apiKey: string;
  gatewayRoutes: { method: string; path: string }[];
  telegram: { channelId: string; secretToken: string };
  viber: { channelId: string; authToken: string };
  livechat: { publicKey: string; origin: string };
}

export interface HttpFuzzCase {
  index: number;
  service: 'gateway' | 'channels';
  method: string;
  /** Raw request target: may hold malformed %-escapes on purpose. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  kind: string;
}

const BAD_SEGMENTS = ['%E0%A4%A', '%zz', '%', '%00', '%C0%AF', '%2F..%2F', '%25%', '%F0%9F%98%80'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const BAD_QUERIES = [
  'a=%E0%A4%A',
  '%zz=1',
  'visitorToken=%',
  'after=%FF',
  'after=-1',
  'types=%2C%2C',
];
function segment(random: SeededRandom, real: string): string {
  const roll = random.next();
  if (roll < 0.5) return encodeURIComponent(real);
  if (roll < 0.8) return random.pick(BAD_SEGMENTS);
  if (roll < 0.9) return 'a'.repeat(random.int(200, 3000));
  return encodeURIComponent(random.text(random.int(1, 20)));
}

function withQuery(random: SeededRandom, path: string): string {
  if (random.chance(0.6)) return path;
  const pairs = Array.from({ length: random.int(1, 4) }, () => random.pick(BAD_QUERIES));
  return `${path}?${pairs.join('&')}`;
}

/** One seeded case; the same seed gives the same sequence of cases. */
export function httpFuzzCase(
  random: SeededRandom,
  index: number,
  t: HttpFuzzTargets,
): HttpFuzzCase {
  const target = random.int(0, 9);
  let service: HttpFuzzCase['service'] = 'channels';
  let method = 'POST';
  let path: string;
  let template: Record<string, unknown>;
  if (target < 5) {
    service = 'gateway';
    const route = random.pick(t.gatewayRoutes);
    method = route.method;
    path = route.path.replace('{id}', () => segment(random, random.text(8, 'abc123-')));
    template = { __name: 'fuzz', id: 'x', filter: {}, size: 10 };
  } else if (target < 7) {
    path = `/webhooks/telegram/${segment(random, t.telegram.channelId)}`;
    template = telegramUpdate(random);
  } else if (target < 8) {
    path = `/webhooks/viber/${segment(random, t.viber.channelId)}`;
    template = viberCallback(random);
  } else {
    method = random.pick(['POST', 'GET', 'OPTIONS']);
    path = `/webhooks/livechat/${segment(random, t.livechat.publicKey)}/messages`;
    template = livechatMessage(random);
  }
  if (random.chance(0.1)) method = random.pick(METHODS);
  const [kind, raw] = bodyOf(random, template);
  const [headers, body] = headersOf(random, raw);
  if (service === 'gateway' && !random.chance(0.1)) headers.authorization = `Bearer ${t.apiKey}`;
  else if (service === 'gateway')
    headers.authorization = random.pick(['', 'Bearer', `Basic ${t.apiKey}`]);
  if (path.startsWith('/webhooks/telegram') && random.chance(0.7))
    headers['x-telegram-bot-api-secret-token'] = t.telegram.secretToken;
  if (path.startsWith('/webhooks/viber') && random.chance(0.7))
    headers['x-viber-content-signature'] = createHmac('sha256', t.viber.authToken)
      .update(raw)
      .digest('hex');
  if (path.startsWith('/webhooks/livechat') && random.chance(0.6))
    headers.origin = random.pick([t.livechat.origin, 'https://evil.example', 'null']);
  return { index, service, method, path: withQuery(random, path), headers, body, kind };
}
