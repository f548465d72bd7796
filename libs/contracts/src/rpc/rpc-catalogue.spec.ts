import { z } from 'zod';
import { RPC_SAMPLES } from '../__fixtures__/rpc-samples.fixture';
import { LinesRpc, RPC_SCHEMAS, RPC_SUBJECTS, isRpcSubject } from './index';

/** The catalogue of the brief, verbatim. */
const CATALOGUE: Record<string, string[]> = {
  lines: ['create', 'update', 'delete', 'get', 'search', 'count'],
  channels: [
    'create',
    'update',
    'delete',
    'get',
    'search',
    'count',
    'disconnect',
    'reconnect',
    'markError',
  ],
  clients: ['findOrCreate', 'get', 'search', 'count', 'save', 'block', 'unblock'],
  sessions: [
    'create',
    'get',
    'search',
    'count',
    'update',
    'assignToOperator',
    'assignToOperatorGroup',
    'assignToBot',
    'close',
    'markAsSpam',
    'unmarkAsSpam',
    'setPriority',
    'sendMessage',
    'sendSystemMessage',
    'getAllMessages',
    'getLastMessage',
    'getAssignmentReasons',
  ],
  messages: ['search', 'count'],
  operators: ['upsert', 'setStatus', 'get', 'search'],
  metrics: ['search', 'count', 'report', 'rebuild', 'rebuildStatus'],
};

describe('RPC catalogue', () => {
  it.each(Object.entries(CATALOGUE))(
    'lines.%s has exactly the catalogue verbs',
    (collection, verbs) => {
      const group = LinesRpc[collection as keyof typeof LinesRpc] as Record<string, string>;
      expect(Object.keys(group).sort()).toEqual([...verbs].sort());
      for (const verb of verbs) expect(group[verb]).toBe(`lines.${collection}.${verb}`);
    },
  );

  it('every subject follows lines.<collection>.<verb> and is unique', () => {
    for (const subject of RPC_SUBJECTS) expect(subject).toMatch(/^lines\.[a-z]+\.[a-zA-Z]+$/);
    expect(new Set(RPC_SUBJECTS).size).toBe(RPC_SUBJECTS.length);
    const total = Object.values(CATALOGUE).reduce((sum, verbs) => sum + verbs.length, 0);
    expect(RPC_SUBJECTS).toHaveLength(total);
  });

  it('every subject has a request and a reply schema', () => {
    const constants = Object.values(LinesRpc).flatMap((group) => Object.values(group) as string[]);
    expect([...RPC_SUBJECTS].sort()).toEqual(constants.sort());
    for (const subject of RPC_SUBJECTS) {
      expect(RPC_SCHEMAS[subject].request).toBeInstanceOf(z.ZodType);
      expect(RPC_SCHEMAS[subject].reply).toBeInstanceOf(z.ZodType);
    }
    expect(isRpcSubject('lines.sessions.close')).toBe(true);
    expect(isRpcSubject('lines.sessions.explode')).toBe(false);
  });

  it.each(RPC_SUBJECTS)('%s accepts a realistic request and reply', (subject) => {
    const { request, reply } = RPC_SCHEMAS[subject];
    const sample = RPC_SAMPLES[subject];
    const parsedRequest = request.safeParse(sample.request);
    expect(parsedRequest.error?.issues ?? []).toEqual([]);
    const parsedReply = reply.safeParse(sample.reply);
    expect(parsedReply.error?.issues ?? []).toEqual([]);
  });

  it.each(RPC_SUBJECTS)('%s refuses a request that is not an object', (subject) => {
    for (const bad of [null, 'x', 42, []])
      expect(RPC_SCHEMAS[subject].request.safeParse(bad).success).toBe(false);
  });
});
