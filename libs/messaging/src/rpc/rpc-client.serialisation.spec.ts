import type { NatsConnection } from 'nats';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { connectSpecNats, uniqueName } from '../../test/support/spec-nats';
import { RpcClient } from './rpc.client';

/** `{ not: { not: … } }` `levels` deep: JSON.stringify overflows the stack on 5,000. */
function deep(levels: number): unknown {
  let node: unknown = { field: '_count', op: 'eq', value: 1 };
  for (let i = 0; i < levels; i += 1) node = { not: node };
  return node;
}

describe('RpcClient: a request it cannot serialise', () => {
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectSpecNats();
  });
  afterAll(() => nc?.drain());

  async function failure(payload: unknown): Promise<OpenLinesError> {
    // Nobody answers this subject: a request that were sent would fail UNAVAILABLE.
    const subject = `spec.${uniqueName('unsent')}.search`;
    const error = await new RpcClient(nc).request(subject, payload).catch((e: unknown) => e);
    if (!(error instanceof OpenLinesError)) throw new Error(`expected an OpenLinesError: ${error}`);
    return error;
  }

  it('refuses a filter nested 5,000 deep with VALIDATION_FAILED naming filter, not UNAVAILABLE', async () => {
    const error = await failure({ size: 1, filter: deep(5_000) });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toMatch(/filter: nested too deeply to serialise/);
    expect(error.details).toEqual({
      issues: [{ field: 'filter', message: 'nested too deeply to serialise' }],
    });
  });

  it('names the field of a value JSON cannot hold (a BigInt, a cycle)', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect((await failure({ id: 'a', count: 1n })).details).toEqual({
      issues: [{ field: 'count', message: expect.stringMatching(/cannot be serialised/) }],
    });
    expect((await failure({ data: cyclic })).code).toBe(ErrorCode.ValidationFailed);
    expect((await failure(1n)).details).toMatchObject({ issues: [{ field: '(root)' }] });
  });
});
