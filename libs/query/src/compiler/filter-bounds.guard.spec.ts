import { ErrorCode, OpenLinesError, ValidationIssue } from '@openlines/contracts';
import { defineEntityFields } from '../fields/entity-fields.definition';
import { MAX_FILTER_DEPTH, MAX_FILTER_NODES } from '../query.limits';
import { assertFilterBounds } from './filter-bounds.guard';
import { compileFilter } from './filter.compiler';

const FIELDS = defineEntityFields({ _count: { type: 'number' } });
const leaf = (field: string, op: string, value: unknown) => ({ field, op, value });

function issuesOf(filter: unknown): ValidationIssue[] {
  try {
    compileFilter(FIELDS, filter);
  } catch (error) {
    if (error instanceof OpenLinesError && error.code === ErrorCode.ValidationFailed) {
      return (error.details as { issues: ValidationIssue[] }).issues;
    }
    throw error;
  }
  throw new Error('expected VALIDATION_FAILED');
}

describe('filter shape and bounds', () => {
  it('refuses malformed nodes and reports every problem at once, with its path', () => {
    const issues = issuesOf({
      and: [
        leaf('_nope', 'eq', 1),
        'text',
        { or: [] },
        { field: '_count', op: 'eq' },
        { ...leaf('_count', 'eq', 1), x: 1 },
        {},
      ],
    });
    expect(issues.map((issue) => issue.field)).toEqual([
      'filter.and.0.field',
      'filter.and.1',
      'filter.and.2.or',
      'filter.and.3.value',
      'filter.and.4',
      'filter.and.5',
    ]);
    expect(issuesOf({ and: leaf('_count', 'eq', 1) })[0].field).toBe('filter.and');
    expect(issuesOf(/regex/)[0].field).toBe('filter');
  });
  it(`refuses a filter deeper than ${MAX_FILTER_DEPTH} levels, even 10,000 deep, without recursing`, () => {
    let deep: unknown = leaf('_count', 'eq', 1);
    for (let i = 0; i < 10_000; i += 1) deep = i % 2 === 0 ? { not: deep } : { and: [deep] };
    expect(issuesOf(deep)[0].message).toBe(`nested deeper than ${MAX_FILTER_DEPTH} levels`);
    let edge: unknown = leaf('_count', 'eq', 1);
    for (let i = 1; i < MAX_FILTER_DEPTH; i += 1) edge = { not: edge };
    expect(() => compileFilter(FIELDS, edge)).not.toThrow();
    expect(() => compileFilter(FIELDS, { not: edge })).toThrow(OpenLinesError);
  });

  it(`refuses more than ${MAX_FILTER_NODES} conditions`, () => {
    const wide = { or: Array.from({ length: MAX_FILTER_NODES }, () => leaf('_count', 'eq', 1)) };
    expect(issuesOf(wide)[0].message).toBe(`more than ${MAX_FILTER_NODES} conditions`);
    const fits = {
      or: Array.from({ length: MAX_FILTER_NODES - 1 }, () => leaf('_count', 'eq', 1)),
    };
    expect(() => compileFilter(FIELDS, fits)).not.toThrow();
  });

  it('measures a million-wide list without walking it', () => {
    const huge = { and: new Array(1_000_000).fill(leaf('_count', 'eq', 1)) };
    expect(() => assertFilterBounds(huge)).toThrow(`more than ${MAX_FILTER_NODES} conditions`);
  });
});
