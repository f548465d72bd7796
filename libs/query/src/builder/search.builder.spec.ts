import { CountRequest, ErrorCode, OpenLinesError, SearchRequest } from '@openlines/contracts';
import { search } from './search.builder';

interface Item {
  id: string;
}

/** Records what the search sends, as JSON (what crosses NATS), and answers with fixed items. */
function recordingExecutor(items: Item[] = [{ id: 'a' }, { id: 'b' }]) {
  const searches: SearchRequest[] = [];
  const counts: CountRequest[] = [];
  return {
    searches,
    counts,
    executor: {
      search: async (request: SearchRequest) => {
        searches.push(JSON.parse(JSON.stringify(request)));
        return items.slice(0, request.size);
      },
      count: async (request: CountRequest) => {
        counts.push(JSON.parse(JSON.stringify(request)));
        return 42;
      },
    },
  };
}

describe('search()', () => {
  it('sends the default page: from 0, size 10, no filter, no sort', async () => {
    const { executor, searches } = recordingExecutor();
    expect(await search(executor).all()).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(searches).toEqual([{ from: 0, size: 10 }]);
  });

  it('builds a plain JSON filter tree from f and g, with any field name', async () => {
    const { executor, searches } = recordingExecutor();
    await search(executor)
      .where((f, g) =>
        g.and(
          f.__deletedAt.eq(null),
          g.or(f._state.neq('Closed'), g.not(f._anything_at_all.like('x'))),
          f._priority.in(['High', 'Medium']),
        ),
      )
      .from(20)
      .size(5)
      .sort('_lastActivityAt', false)
      .sort('__name')
      .all();
    expect(searches).toEqual([
      {
        filter: {
          and: [
            { field: '__deletedAt', op: 'eq', value: null },
            {
              or: [
                { field: '_state', op: 'neq', value: 'Closed' },
                { not: { field: '_anything_at_all', op: 'like', value: 'x' } },
              ],
            },
            { field: '_priority', op: 'in', value: ['High', 'Medium'] },
          ],
        },
        from: 20,
        size: 5,
        sort: [
          { field: '_lastActivityAt', ascending: false },
          { field: '__name', ascending: true },
        ],
      },
    ]);
  });

  it('sends items and item refs as their ids and dates as ISO strings', () => {
    const { executor } = recordingExecutor();
    const request = search(executor)
      .where((f, g) =>
        g.and(
          f._channel.eq({ id: 'ch-ref' }),
          f._line.link({ data: { __id: 'line-item' } }),
          f._clients.all([{ __id: 'client-data' }, 'plain-id']),
          f._lastActivityAt.gte(new Date('2024-05-01T12:00:00+02:00')),
        ),
      )
      .toRequest();
    expect(request.filter).toEqual({
      and: [
        { field: '_channel', op: 'eq', value: 'ch-ref' },
        { field: '_line', op: 'link', value: 'line-item' },
        { field: '_clients', op: 'all', value: ['client-data', 'plain-id'] },
        { field: '_lastActivityAt', op: 'gte', value: '2024-05-01T10:00:00.000Z' },
      ],
    });
  });

  it('first() is a search of size 1 and returns undefined when nothing matches', async () => {
    const found = recordingExecutor();
    expect(await search(found.executor).from(3).first()).toEqual({ id: 'a' });
    expect(found.searches).toEqual([{ from: 3, size: 1 }]);
    expect(await search(recordingExecutor([]).executor).first()).toBeUndefined();
  });

  it('count() sends only the filter', async () => {
    const { executor, counts } = recordingExecutor();
    const n = await search(executor)
      .where((f) => f._state.eq('Waiting'))
      .from(5)
      .size(7)
      .count();
    expect(n).toBe(42);
    expect(counts).toEqual([{ filter: { field: '_state', op: 'eq', value: 'Waiting' } }]);
  });

  it('where() replaces the condition and sort() on the same field replaces its direction', () => {
    const { executor } = recordingExecutor();
    const request = search(executor)
      .where((f) => f.a.eq(1))
      .where((f) => f.b.eq(2))
      .sort('a')
      .sort('a', false)
      .toRequest();
    expect(request.filter).toEqual({ field: 'b', op: 'eq', value: 2 });
    expect(request.sort).toEqual([{ field: 'a', ascending: false }]);
  });

  it('refuses a page size over 10,000, a negative from and a sixth sort key early', () => {
    const s = search(recordingExecutor().executor);
    const codeOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return error instanceof OpenLinesError ? error.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => s.size(10_001))).toBe(ErrorCode.ValidationFailed);
    expect(codeOf(() => s.size(0))).toBe(ErrorCode.ValidationFailed);
    expect(codeOf(() => s.from(-1))).toBe(ErrorCode.ValidationFailed);
    expect(codeOf(() => s.size(10_000))).toBe('none');
    ['a', 'b', 'c', 'd', 'e'].forEach((field) => s.sort(field));
    expect(codeOf(() => s.sort('f'))).toBe(ErrorCode.ValidationFailed);
  });

  it('f is never mistaken for a promise', () => {
    const { executor } = recordingExecutor();
    search(executor).where((f) => {
      expect((f as unknown as { then?: unknown }).then).toBeUndefined();
      return f.x.eq(1);
    });
  });
});
