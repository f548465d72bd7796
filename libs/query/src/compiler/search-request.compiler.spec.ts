import { ErrorCode, MAX_PAGE_SIZE, OpenLinesError } from '@openlines/contracts';
import { defineEntityFields } from '../fields/entity-fields.definition';
import { compileCountRequest, compileSearchRequest } from './search-request.compiler';

const FIELDS = defineEntityFields({ _tags: { type: 'stringArray' }, _count: { type: 'number' } });

function failure(action: () => unknown): OpenLinesError {
  try {
    action();
  } catch (error) {
    if (error instanceof OpenLinesError) return error;
    throw error;
  }
  throw new Error('expected an OpenLinesError');
}

describe('compileSearchRequest', () => {
  it('fills the defaults and keeps pages stable with __id as the last sort key', () => {
    expect(compileSearchRequest(FIELDS, {})).toEqual({
      filter: {},
      sort: { __id: 1 },
      skip: 0,
      limit: 10,
    });
    expect(compileSearchRequest(FIELDS, undefined)).toEqual({
      filter: {},
      sort: { __id: 1 },
      skip: 0,
      limit: 10,
    });
  });

  it('compiles filter, sort, from and size', () => {
    const compiled = compileSearchRequest(FIELDS, {
      filter: { field: '_count', op: 'gt', value: 2 },
      from: 20,
      size: MAX_PAGE_SIZE,
      sort: [
        { field: '_count', ascending: false },
        { field: '__id', ascending: false },
      ],
    });
    expect(compiled).toEqual({
      filter: { _count: { $gt: 2 } },
      sort: { _count: -1, __id: -1 },
      skip: 20,
      limit: MAX_PAGE_SIZE,
    });
  });

  it('refuses a page over MAX_PAGE_SIZE, unknown keys and bad sort fields with VALIDATION_FAILED', () => {
    const tooBig = failure(() => compileSearchRequest(FIELDS, { size: MAX_PAGE_SIZE + 1 }));
    expect(tooBig.code).toBe(ErrorCode.ValidationFailed);
    expect(tooBig.message).toMatch(/size/);
    expect(failure(() => compileSearchRequest(FIELDS, { where: {} })).code).toBe(
      ErrorCode.ValidationFailed,
    );
    const unsortable = failure(() =>
      compileSearchRequest(FIELDS, { sort: [{ field: '_tags', ascending: true }] }),
    );
    expect(unsortable.details).toEqual({
      issues: [{ field: 'sort.0.field', message: 'field "_tags" is not sortable' }],
    });
    const unknown = failure(() =>
      compileSearchRequest(FIELDS, { sort: [{ field: '$natural', ascending: true }] }),
    );
    expect(unknown.details).toEqual({
      issues: [{ field: 'sort.0.field', message: 'unknown field "$natural"' }],
    });
  });

  it('compiles a count request from its filter alone', () => {
    expect(
      compileCountRequest(FIELDS, { filter: { field: '_tags', op: 'has', value: 'vip' } }),
    ).toEqual({
      filter: { _tags: 'vip' },
    });
    expect(failure(() => compileCountRequest(FIELDS, { filter: {}, size: 1 })).code).toBe(
      ErrorCode.ValidationFailed,
    );
  });
});
