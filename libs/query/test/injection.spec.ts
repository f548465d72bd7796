import { ErrorCode, LineSessionState, OpenLinesError } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { compileCountRequest, compileFilter, compileSearchRequest, search } from '../src';
import { Doc, SESSION_FIELDS, seededStores, sessionDocs, storeExecutor } from './search.fixtures';

/**
 * Hostile requests as they could arrive over NATS: raw JSON text, not built by the SDK. Each must
 * be refused with VALIDATION_FAILED before the store is reached, leaving every document as it
 * was. Besides search and count, the service here offers a bulk "close what matches" (the most
 * dangerous use of a caller's filter), so "untouched" is checked against a path that writes.
 */
describe('injection attempts', () => {
  let sessions: DocumentStore<Doc>;

  /** What a service does with a search request that arrived as JSON text over NATS. */
  async function serveSearch(text: string) {
    const query = compileSearchRequest(SESSION_FIELDS, JSON.parse(text));
    return sessions.find(query.filter, { sort: query.sort, skip: query.skip, limit: query.limit });
  }
  async function serveCount(text: string) {
    return sessions.count(compileCountRequest(SESSION_FIELDS, JSON.parse(text)).filter);
  }
  /** The bulk write path: "close every session the caller's filter matches". */
  async function serveCloseAll(text: string) {
    const { filter } = compileCountRequest(SESSION_FIELDS, JSON.parse(text));
    return sessions.updateMany(filter, { $set: { _state: LineSessionState.Closed } });
  }

  async function refused(operations: Promise<unknown>[]): Promise<OpenLinesError> {
    const outcomes = await Promise.allSettled(operations);
    const reasons = outcomes.map((outcome) =>
      outcome.status === 'rejected' ? outcome.reason : undefined,
    );
    reasons.forEach((reason) => {
      expect(reason).toBeInstanceOf(OpenLinesError);
      expect((reason as OpenLinesError).code).toBe(ErrorCode.ValidationFailed);
    });
    return reasons[0] as OpenLinesError;
  }
  /** Sends the filter (as JSON text) to every path that takes a caller's filter. */
  const attempt = (filterText: string) => {
    const text = `{"filter":${filterText}}`;
    return refused([serveSearch(text), serveCount(text), serveCloseAll(text)]);
  };
  const attemptFilter = (filter: unknown) => attempt(JSON.stringify(filter));

  beforeEach(async () => {
    ({ sessions } = await seededStores());
  });

  afterEach(async () => {
    // Every document is exactly as seeded: nothing was written, nothing leaked through.
    expect(await sessions.find({}, { sort: { __id: 1 } })).toEqual(sessionDocs());
  });

  it('refuses {"$where": …} and other operator objects as values', async () => {
    const where = await attemptFilter({
      field: '__name',
      op: 'eq',
      value: { $where: 'sleep(5000) || true' },
    });
    expect(where.details).toEqual({
      issues: [{ field: 'filter.value', message: 'an object is not accepted as a value' }],
    });
    await attemptFilter({ field: '_state', op: 'neq', value: { $ne: null } });
    await attemptFilter({ field: '_clients', op: 'in', value: [{ $gt: '' }] });
    await attemptFilter({ field: '_lastActivityAt', op: 'gt', value: { $gt: '' } });
  });

  it('refuses a field named $gt, $where as a node, and prototype keys', async () => {
    const gt = await attemptFilter({ field: '$gt', op: 'eq', value: 1 });
    expect(gt.message).toBe('invalid search filter: filter.field: unknown field "$gt"');
    await attemptFilter({ $where: 'this._state == "Waiting"' });
    await attemptFilter({ and: [{ __name: { $regex: '.*' } }] });
    await attempt('{"field":"__proto__","op":"eq","value":1}');
    await attemptFilter({ field: 'constructor', op: 'eq', value: 1 });
    // The SDK builder lets any name through on the client; the service refuses it.
    const built = search(storeExecutor(sessions, SESSION_FIELDS).executor).where((f) =>
      f.$where.eq('1'),
    );
    await expect(built.all()).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('refuses a 10,000-deep filter cleanly (no stack overflow)', async () => {
    // Built as text: JSON.stringify itself overflows on such a tree, JSON.parse does not.
    const leaf = JSON.stringify({ field: '_state', op: 'eq', value: LineSessionState.Waiting });
    const deep = `${'{"or":['.repeat(10_000)}${leaf}${']}'.repeat(10_000)}`;
    const error = await attempt(deep);
    expect(error.message).toMatch(/nested deeper than 32 levels/);
  });

  it('refuses regex bombs in like: pattern objects, RegExp values, overlong text, a regex operator', async () => {
    await attemptFilter({ field: '__name', op: 'like', value: { $regex: '(a+)+$' } });
    await attemptFilter({
      field: '__name',
      op: 'like',
      value: { $regex: '(a+)+$', $options: 'i' },
    });
    await attemptFilter({ field: '__name', op: 'like', value: '(a+)+'.repeat(50) });
    await attemptFilter({ field: '__name', op: 'regex', value: '(a+)+$' });
    // A RegExp handed to the compiler in process (JSON would turn it into {}) is refused too.
    expect(() =>
      compileFilter(SESSION_FIELDS, { field: '__name', op: 'like', value: /(a+)+$/ }),
    ).toThrow(OpenLinesError);
  });

  it('refuses a quantified-group like text such as (a+)+$ and matches other regex characters literally', async () => {
    await attemptFilter({ field: '__name', op: 'like', value: '(a+)+$' });
    await attemptFilter({ field: '__name', op: 'like', value: '(x|xx)*y' });
    await sessions.insertOne({ __id: 'bomb', __name: `${'a'.repeat(50_000)}!` });
    await sessions.insertOne({ __id: 'literal', __name: 'loves C++ (beta)$ here' });
    const { executor, compiled } = storeExecutor(sessions, SESSION_FIELDS);
    const found = await search(executor)
      .where((f) => f.__name.like('c++ (BETA)$'))
      .all();
    expect(compiled[0].filter).toEqual({
      __name: { $regex: 'c\\+\\+ \\(BETA\\)\\$', $options: 'i' },
    });
    expect(found.map((doc) => doc.__id)).toEqual(['literal']);
    await sessions.deleteMany({ __id: { $in: ['bomb', 'literal'] } });
  });

  it('refuses oversized pages and unknown sort fields', async () => {
    await refused([serveSearch('{"size":1000000}')]);
    await refused([serveSearch('{"sort":[{"field":"$natural","ascending":true}]}')]);
    await refused([serveSearch('{"sort":[{"field":"__name","ascending":true,"$where":"x"}]}')]);
    await refused([
      serveSearch('{"filter":{"field":"__name","op":"eq","value":"x"},"$where":"x"}'),
    ]);
  });
});
