import { ErrorCode, LinesRpc, OpenLinesError, ValidationIssue } from '@openlines/contracts';
import { SessionsHarness, system } from './support/sessions-harness';

const S = LinesRpc.sessions;
const issuesOf = (error: OpenLinesError) => (error.details?.issues ?? []) as ValidationIssue[];

describe('ids that no item can have are refused over RPC, naming the field', () => {
  let h: SessionsHarness;

  beforeAll(async () => {
    h = await SessionsHarness.start();
  });
  afterAll(() => h?.close());

  it('lines.sessions.get with __proto__ → VALIDATION_FAILED naming id', async () => {
    const error = await h.failure(S.get, { id: '__proto__' });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe(
      'invalid lines.sessions.get request: id: Must not be "__proto__" (a reserved name)',
    );
    expect(issuesOf(error)).toEqual([
      { field: 'id', message: 'Must not be "__proto__" (a reserved name)' },
    ]);
  });

  it('a bidi control in a command id and a zero-width character in the actor id', async () => {
    const error = await h.failure(S.assignToOperator, {
      sessionId: 's\u202e1',
      operatorId: 'op-1',
      actor: { type: 'operator', id: 'op\u200b1' },
    });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(issuesOf(error).map((issue) => issue.field)).toEqual(['sessionId', 'actor.id']);
  });

  it('a filter comparing an id field with constructor → VALIDATION_FAILED naming the operand', async () => {
    const filter = { field: '__id', op: 'eq', value: 'constructor' };
    const error = await h.failure(S.search, { filter });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(issuesOf(error)).toEqual([
      { field: 'filter.value', message: expect.stringContaining('reserved name') },
    ]);
  });

  it('typical ids still reach the use case (NOT_FOUND, not VALIDATION_FAILED)', async () => {
    for (const id of [
      'livechat:visitor-1',
      '-1001234567890',
      '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
    ])
      expect((await h.failure(S.get, { id })).code).toBe(ErrorCode.NotFound);
    expect((await h.failure(S.close, { sessionId: 'toString', actor: system })).code).toBe(
      ErrorCode.NotFound,
    );
  });
});
