import { MAX_FILTER_DEPTH } from './filter-depth';
import { CountRequestSchema, SearchRequestSchema } from './search';

const leaf = { field: '_count', op: 'eq', value: 1 };

/** A filter `levels` deep, built without recursion (alternating not / and / or). */
function nested(levels: number): unknown {
  let node: unknown = leaf;
  for (let i = 1; i < levels; i += 1) {
    node = [{ not: node }, { and: [node] }, { or: [leaf, node] }][i % 3];
  }
  return node;
}

describe('the wire schema of a search filter', () => {
  it.each([
    ['search', SearchRequestSchema],
    ['count', CountRequestSchema],
  ])(`%s refuses a filter nested 100,000 deep, naming filter, without recursing`, (_, schema) => {
    const result = schema.safeParse({ filter: nested(100_000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['filter'],
        message: `nested deeper than ${MAX_FILTER_DEPTH} levels`,
      }),
    ]);
  });

  it(`accepts a filter exactly ${MAX_FILTER_DEPTH} levels deep; its fields are libs/query's to check`, () => {
    expect(SearchRequestSchema.safeParse({ filter: nested(MAX_FILTER_DEPTH) }).success).toBe(true);
    expect(SearchRequestSchema.safeParse({ filter: nested(MAX_FILTER_DEPTH + 1) }).success).toBe(
      false,
    );
    expect(SearchRequestSchema.safeParse({ filter: { and: 'not a list' } }).success).toBe(true);
  });
});
