import { ErrorCode, LineSessionState, OpenLinesError, ValidationIssue } from '@openlines/contracts';
import { defineEntityFields } from '../fields/entity-fields.definition';
import { MAX_LIKE_LENGTH, MAX_LIST_VALUES } from '../query.limits';
import { compileFilter } from './filter.compiler';

const FIELDS = defineEntityFields({
  _state: { type: 'enum', values: Object.values(LineSessionState) },
  _line: { type: 'ref' },
  _clients: { type: 'refArray' },
  _tags: { type: 'stringArray' },
  _count: { type: 'number' },
  _spam: { type: 'boolean' },
  _lastActivityAt: { type: 'date' },
  _extraData: { type: 'object' },
  '_extraData.phone': { type: 'string' },
});

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

const leaf = (field: string, op: string, value: unknown) => ({ field, op, value });

describe('compileFilter', () => {
  it('compiles every operator to its MongoDB form', () => {
    const cases: [unknown, unknown][] = [
      [leaf('__name', 'eq', 'Ann'), { __name: 'Ann' }],
      [leaf('__deletedAt', 'eq', null), { __deletedAt: null }],
      [leaf('_state', 'neq', 'Closed'), { _state: { $ne: 'Closed' } }],
      [leaf('__deletedAt', 'neq', null), { __deletedAt: { $ne: null } }],
      [leaf('_state', 'in', ['Waiting', null]), { _state: { $in: ['Waiting', null] } }],
      [leaf('_line', 'nin', ['l1']), { _line: { $nin: ['l1'] } }],
      [leaf('_clients', 'all', ['c1', 'c2']), { _clients: { $all: ['c1', 'c2'] } }],
      [leaf('_tags', 'has', 'vip'), { _tags: 'vip' }],
      [leaf('_line', 'link', 'l1'), { _line: 'l1' }],
      [leaf('_clients', 'link', 'c1'), { _clients: 'c1' }],
      [leaf('__name', 'like', 'a.b+(c)'), { __name: { $regex: 'a\\.b\\+\\(c\\)', $options: 'i' } }],
      [leaf('_count', 'gt', 1), { _count: { $gt: 1 } }],
      [leaf('_count', 'gte', 1), { _count: { $gte: 1 } }],
      [leaf('_count', 'lt', 1), { _count: { $lt: 1 } }],
      [leaf('_count', 'lte', 1.5), { _count: { $lte: 1.5 } }],
      [leaf('_spam', 'eq', false), { _spam: false }],
      [leaf('_extraData', 'eq', null), { _extraData: null }],
      [leaf('_extraData.phone', 'eq', '+1'), { '_extraData.phone': '+1' }],
    ];
    for (const [filter, expected] of cases) expect(compileFilter(FIELDS, filter)).toEqual(expected);
  });

  it('compiles and, or and not (as $nor), and no filter to {}', () => {
    const filter = {
      and: [
        leaf('__deletedAt', 'eq', null),
        { or: [leaf('_count', 'gt', 1), { not: leaf('_spam', 'eq', true) }] },
      ],
    };
    expect(compileFilter(FIELDS, filter)).toEqual({
      $and: [{ __deletedAt: null }, { $or: [{ _count: { $gt: 1 } }, { $nor: [{ _spam: true }] }] }],
    });
    expect(compileFilter(FIELDS, undefined)).toEqual({});
    expect(compileFilter(FIELDS, null)).toEqual({});
  });

  it('normalises date values to toISOString() form and refuses non-dates', () => {
    expect(
      compileFilter(FIELDS, leaf('_lastActivityAt', 'gte', '2024-05-01T12:00:00+02:00')),
    ).toEqual({
      _lastActivityAt: { $gte: '2024-05-01T10:00:00.000Z' },
    });
    expect(compileFilter(FIELDS, leaf('__createdAt', 'lt', '2024-05-01'))).toEqual({
      __createdAt: { $lt: '2024-05-01T00:00:00.000Z' },
    });
    for (const bad of ['2024-02-30', '2024-05-01T10:00', 'yesterday', 1714557600000]) {
      expect(issuesOf(leaf('_lastActivityAt', 'gt', bad))[0].field).toBe('filter.value');
    }
  });

  it('names an unknown field, an unknown operator and an operator the field does not allow', () => {
    expect(issuesOf(leaf('_nope', 'eq', 1))).toEqual([
      { field: 'filter.field', message: 'unknown field "_nope"' },
    ]);
    expect(issuesOf(leaf('_count', 'regex', 1))).toEqual([
      { field: 'filter.op', message: 'unknown operator "regex"' },
    ]);
    expect(issuesOf(leaf('_state', 'like', 'Wait'))[0]).toEqual({
      field: 'filter.op',
      message: 'operator "like" is not allowed on field "_state" (enum)',
    });
    expect(issuesOf(leaf('toString', 'eq', 'x'))[0].message).toBe('unknown field "toString"');
  });

  it('names wrong value types and bad enum values', () => {
    expect(issuesOf(leaf('_count', 'eq', '1'))[0]).toEqual({
      field: 'filter.value',
      message: 'expected a number, got "1"',
    });
    expect(issuesOf(leaf('_state', 'eq', 'Open'))[0].message).toMatch(
      /^expected one of Waiting, AssignedToBot, .* got "Open"$/,
    );
    expect(issuesOf(leaf('_state', 'in', ['Waiting', 'Open']))[0].field).toBe('filter.value.1');
    expect(issuesOf(leaf('_spam', 'eq', 'true'))[0].message).toBe('expected a boolean, got "true"');
    expect(issuesOf(leaf('_line', 'eq', ''))[0].field).toBe('filter.value');
    expect(issuesOf(leaf('_count', 'gt', null))[0].field).toBe('filter.value');
    expect(issuesOf(leaf('_count', 'eq', Number.NaN))[0].field).toBe('filter.value');
    expect(issuesOf(leaf('_extraData', 'eq', 'x'))[0].message).toBe(
      'only null can be compared with an object field',
    );
  });

  it('refuses objects as values, whatever they hold', () => {
    for (const value of [
      { $where: 'sleep(1000)' },
      { $gt: '' },
      { $regex: '.*' },
      [{ $ne: null }],
    ]) {
      const issues = issuesOf(leaf('__name', Array.isArray(value) ? 'in' : 'eq', value));
      expect(issues[0].message).toMatch(/is not accepted as a value/);
    }
    expect(issuesOf(leaf('_extraData', 'eq', { phone: '+1' }))[0].message).toBe(
      'an object is not accepted as a value',
    );
  });

  it('refuses lists that are empty for all, too long, or not lists', () => {
    expect(issuesOf(leaf('_clients', 'all', []))[0].field).toBe('filter.value');
    expect(issuesOf(leaf('_line', 'in', 'l1'))[0].field).toBe('filter.value');
    const long = Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => `id${i}`);
    expect(issuesOf(leaf('_line', 'in', long))[0].message).toBe(
      `expected a list of 0 to ${MAX_LIST_VALUES} values`,
    );
    expect(compileFilter(FIELDS, leaf('_line', 'in', []))).toEqual({ _line: { $in: [] } });
  });

  it('caps the like text and takes it literally', () => {
    expect(issuesOf(leaf('__name', 'like', 'a'.repeat(MAX_LIKE_LENGTH + 1)))[0].field).toBe(
      'filter.value',
    );
    expect(issuesOf(leaf('__name', 'like', ''))[0].field).toBe('filter.value');
    expect(issuesOf(leaf('__name', 'like', '(a+)+$'))[0].message).toMatch(/not a regular expression/);
    expect(compileFilter(FIELDS, leaf('__name', 'like', 'C++ (beta)$'))).toEqual({
      __name: { $regex: 'C\\+\\+ \\(beta\\)\\$', $options: 'i' },
    });
  });
});
