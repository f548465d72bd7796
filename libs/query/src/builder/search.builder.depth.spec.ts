import { ErrorCode, FilterNode, MAX_FILTER_DEPTH } from '@openlines/contracts';
import { search } from './search.builder';

const executor = {
  search: async () => [],
  count: async () => 0,
};

describe('search().where() with a filter tree too deep to send', () => {
  it('refuses it at once with VALIDATION_FAILED naming where (no stack overflow later)', () => {
    const built = search(executor);
    let deep: FilterNode = { field: '_count', op: 'eq', value: 1 };
    expect(() => built.where(() => deep)).not.toThrow();
    for (let i = 0; i < 5_000; i += 1) deep = i % 2 === 0 ? { not: deep } : { and: [deep] };
    let thrown: unknown;
    try {
      built.where(() => deep);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: `invalid search where: nested deeper than ${MAX_FILTER_DEPTH} levels`,
      details: {
        issues: [{ field: 'where', message: `nested deeper than ${MAX_FILTER_DEPTH} levels` }],
      },
    });
  });
});
