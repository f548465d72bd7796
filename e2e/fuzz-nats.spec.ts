import {
  ErrorCode,
  LinesRpc,
  RPC_SCHEMAS,
  RPC_SUBJECTS,
  RpcSubject,
  isErrorBody,
} from '@openlines/contracts';
import {
  NatsConnection,
  RpcClient,
  connectNats,
  natsConfigFromEnv,
  prefixedSubject,
} from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { FuzzFrame, fuzzFrame } from './support/nats-fuzz-frames';
import { SeededRandom, fuzzSeed } from './support/seeded-random';
import { RunningSystem, startSystem } from './support/system';

// Under the root jest config a project's testTimeout is ignored: set it here.
jest.setTimeout(120_000);

const SEED = fuzzSeed('FUZZ_NATS_SEED', 20_240_612);
const CASES = 1_000;
const PARALLEL = 8;
/** Far above any answer of an idle system; a request unanswered this long is a failure. */
const REPLY_TIMEOUT_MS = 5_000;

interface Case {
  index: number;
  subject: RpcSubject;
  frame: FuzzFrame;
  withReply: boolean;
}

interface Outcome {
  /** The ErrorBody code of the reply, or 'reply' for a valid response. */
  code?: string;
  /** Why the reply is not a typed answer (or never came). */
  problem?: string;
}

function classify(subject: RpcSubject, data: Uint8Array): Outcome {
  const body = new TextDecoder().decode(data);
  let reply: unknown;
  try {
    reply = JSON.parse(body);
  } catch {
    return { problem: `non-JSON reply ${JSON.stringify(body.slice(0, 80))}` };
  }
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) {
    return { problem: `not a Nest reply packet: ${body.slice(0, 80)}` };
  }
  const { err, response } = reply as { err?: unknown; response?: unknown };
  if (err !== undefined && err !== null) {
    return isErrorBody(err)
      ? { code: err.code }
      : { problem: `untyped error ${body.slice(0, 120)}` };
  }
  const valid = RPC_SCHEMAS[subject].reply.safeParse(response);
  if (valid.success) return { code: 'reply' };
  return { problem: `reply off its schema: ${valid.error.message.slice(0, 200)}` };
}

/**
 * Raw NATS frames to every RPC subject of every service, seeded and bounded: empty, random bytes,
 * non-JSON text, truncated JSON, JSON of wrong shapes, huge nesting, and Nest packets with random
 * data, with a reply subject and without. No service may exit, every reply must be a typed
 * ErrorBody or a reply matching the subject's schema, and every service must be ready afterwards.
 * Replay a failure with FUZZ_NATS_SEED=<seed> (the seed is in the failure message).
 */
describe(`NATS fuzz: ${CASES} raw frames to every RPC subject (seed ${SEED})`, () => {
  let system: RunningSystem;
  let nc: NatsConnection;

  beforeAll(async () => {
    system = await startSystem();
    const logger = createLogger('fuzz-nats', { level: 'silent' });
    nc = await connectNats(natsConfigFromEnv(process.env), logger, 'fuzz-nats');
  }, 180_000);
  afterAll(async () => {
    await nc?.drain();
    await system?.stop();
  }, 60_000);

  function cases(): Case[] {
    const random = new SeededRandom(SEED);
    return Array.from({ length: CASES }, (_, index) => {
      const subject = RPC_SUBJECTS[index % RPC_SUBJECTS.length];
      const target = prefixedSubject(subject, system.subjectPrefix);
      return { index, subject, frame: fuzzFrame(random, target), withReply: random.chance(0.8) };
    });
  }

  async function run(fuzz: Case): Promise<Outcome> {
    const target = prefixedSubject(fuzz.subject, system.subjectPrefix);
    if (!fuzz.withReply) {
      nc.publish(target, fuzz.frame.data);
      return {};
    }
    try {
      const reply = await nc.request(target, fuzz.frame.data, { timeout: REPLY_TIMEOUT_MS });
      return classify(fuzz.subject, reply.data);
    } catch (error) {
      return { problem: `no reply: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  it('keeps every service up and answers every frame with a typed reply', async () => {
    const all = cases();
    const problems: string[] = [];
    const codes = new Map<string, number>();
    for (let start = 0; start < all.length; start += PARALLEL) {
      const batch = all.slice(start, start + PARALLEL);
      const outcomes = await Promise.all(batch.map((fuzz) => run(fuzz)));
      outcomes.forEach(({ code, problem }, i) => {
        const { index, subject, frame, withReply } = batch[i];
        if (code) codes.set(code, (codes.get(code) ?? 0) + 1);
        if (problem)
          problems.push(`#${index} ${subject} ${frame.kind} (reply ${withReply}): ${problem}`);
      });
    }
    await nc.flush();
    console.log(`seed ${SEED}: ${CASES} frames; replies by code`, Object.fromEntries(codes));

    for (const service of Object.values(system.services)) await service.ready(15_000);
    expect(problems).toEqual([]);
    expect(codes.get(ErrorCode.ValidationFailed)).toBeGreaterThan(CASES / 2);
    // Still answering real requests, not only probes.
    const rpc = new RpcClient(nc, { subjectPrefix: system.subjectPrefix });
    await expect(rpc.request(LinesRpc.lines.count, {})).resolves.toMatchObject({
      count: expect.any(Number),
    });
  });
});
