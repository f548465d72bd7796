import { isErrorBody, LineChannelType } from '@openlines/contracts';
import { HttpFuzzCase, HttpFuzzTargets, httpFuzzCase } from './support/http-fuzz-cases';
import { FuzzReply, sendCase } from './support/http-fuzz-client';
import { SeededRandom, fuzzSeed } from './support/seeded-random';
import { RunningSystem, startSystem } from './support/system';

// Under the root jest config a project's testTimeout is ignored: set it here.
jest.setTimeout(120_000);

const SEED = fuzzSeed('FUZZ_HTTP_SEED', 20_241_201);
const CASES = 1_000;
const PARALLEL = 8;
/** Far above any answer of an idle system (a 1 MB body included); longer is a failure. */
const REPLY_TIMEOUT_MS = 15_000;
const ERROR_BODY_KEYS = new Set(['code', 'message', 'details']);

/** What is wrong with a reply, if anything: a 5xx, or an error that is not a pure ErrorBody. */
function problemOf(reply: FuzzReply): string | undefined {
  if (reply.status >= 500) return `status ${reply.status}: ${reply.body.slice(0, 200)}`;
  if (reply.status < 400) return undefined;
  if (!reply.contentType.includes('application/json')) {
    return `status ${reply.status} as ${reply.contentType || 'no content type'}: ${reply.body.slice(0, 120)}`;
  }
  let body: unknown;
  try {
    body = JSON.parse(reply.body);
  } catch {
    return `status ${reply.status} with non-JSON body ${JSON.stringify(reply.body.slice(0, 120))}`;
  }
  const extra = isErrorBody(body) && Object.keys(body).filter((key) => !ERROR_BODY_KEYS.has(key));
  if (extra === false || extra.length > 0) {
    return `status ${reply.status}, not an ErrorBody: ${reply.body.slice(0, 200)}`;
  }
  return undefined;
}

/**
 * Seeded, bounded HTTP fuzzing of every gateway route (as its OpenAPI document lists them) and of
 * the channels webhooks (Telegram, Viber, live chat), on the whole system: near misses of the
 * expected bodies, random JSON, huge strings, deep nesting, bytes that are not JSON, wrong content
 * types and encodings, malformed %-escapes in paths and query strings, odd headers. No service
 * may exit, no answer may be a 5xx, every 4xx must be an ErrorBody, and every service must be
 * ready afterwards. Replay a failure with FUZZ_HTTP_SEED=<seed> (the seed is in the title).
 */
describe(`HTTP fuzz: ${CASES} requests to every gateway route and webhook (seed ${SEED})`, () => {
  let system: RunningSystem;
  let targets: HttpFuzzTargets;

  const api = async (path: string, body: unknown) => {
    const response = await fetch(`${system.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { __id: string };
  };

  beforeAll(async () => {
    system = await startSystem();
    const doc = (await (await fetch(`${system.gatewayUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gatewayRoutes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    const line = await api('/v1/lines', { __name: 'fuzz line' });
    const channel = (type: LineChannelType, settings: Record<string, unknown>) =>
      api('/v1/channels', {
        __name: `fuzz ${type}`,
        _line: line.__id,
        _type: type,
        _settings: settings,
      });
    const secretToken = 'fuzz-telegram-secret-0001';
    const authToken = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';
    const origin = 'https://shop.example';
    const publicKey = 'pk-fuzz-site-0001';
    targets = {
      apiKey: system.apiKey,
      gatewayRoutes,
      telegram: {
        channelId: (await channel(LineChannelType.telegramBot, { botToken: '1:fuzz', secretToken }))
          .__id,
        secretToken,
      },
      viber: {
        channelId: (await channel(LineChannelType.viberbot, { authToken })).__id,
        authToken,
      },
      livechat: { publicKey, origin },
    };
    await channel(LineChannelType.livechat, { publicKey, allowedOrigins: [origin] });
  }, 180_000);
  afterAll(() => system?.stop(), 60_000);

  it('keeps every service up, never answers 5xx, and answers every error as an ErrorBody', async () => {
    const random = new SeededRandom(SEED);
    const cases: HttpFuzzCase[] = Array.from({ length: CASES }, (_, i) =>
      httpFuzzCase(random, i, targets),
    );
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let start = 0; start < cases.length; start += PARALLEL) {
      const batch = cases.slice(start, start + PARALLEL);
      const replies = await Promise.all(
        batch.map((fuzz) =>
          sendCase(
            fuzz.service === 'gateway' ? system.gatewayUrl : system.channelsUrl,
            fuzz,
            REPLY_TIMEOUT_MS,
          ),
        ),
      );
      replies.forEach((reply, i) => {
        const { index, service, method, path, kind } = batch[i];
        const problem = 'error' in reply ? `no response: ${reply.error}` : problemOf(reply);
        if (!('error' in reply)) statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (problem)
          problems.push(
            `#${index} ${service} ${method} ${path.slice(0, 100)} (${kind}): ${problem}`,
          );
      });
    }
    console.log(`seed ${SEED}: ${CASES} requests; answers by status`, Object.fromEntries(statuses));

    for (const service of Object.values(system.services)) await service.ready(15_000);
    expect(problems).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(CASES / 4);
    // Still doing real work, not only answering probes.
    const count = await fetch(`${system.gatewayUrl}/v1/lines/count`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.apiKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(count.status).toBe(200);
  });
});
