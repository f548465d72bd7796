import { ErrorCode, OpenLinesError, ValidationIssue } from '@openlines/contracts';
import { defineEntityFields } from '../fields/entity-fields.definition';
import { compileFilter } from './filter.compiler';

const FIELDS = defineEntityFields({
  _line: { type: 'ref' },
  _clients: { type: 'refArray' },
  _externalId: { type: 'string' },
});

function refusal(filter: unknown): OpenLinesError {
  try {
    compileFilter(FIELDS, filter);
  } catch (error) {
    if (error instanceof OpenLinesError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(filter)}`);
}

const leaf = (field: string, op: string, value: unknown) => ({ field, op, value });

describe('id operands of ref fields follow the id rule of the contracts', () => {
  it.each<[string, unknown, string, string]>([
    ['__id eq', leaf('__id', 'eq', '__proto__'), 'filter.value', 'Must not be "__proto__"'],
    ['_line neq', leaf('_line', 'neq', ' '), 'filter.value', 'Must not be blank'],
    [
      '_line in',
      leaf('_line', 'in', ['l-1', 'l\u202e2']),
      'filter.value.1',
      'bidirectional control characters (U+202E)',
    ],
    [
      '_clients all',
      leaf('_clients', 'all', ['c\u200b1']),
      'filter.value.0',
      'zero-width characters (U+200B)',
    ],
    [
      '_clients link',
      { and: [leaf('_clients', 'link', 'c\u00001')] },
      'filter.and.0.value',
      'control characters (U+0000)',
    ],
    ['__createdBy eq', leaf('__createdBy', 'eq', 'constructor'), 'filter.value', 'reserved name'],
  ])('%s refuses a bad id, naming the operand', (_, filter, field, message) => {
    const error = refusal(filter);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    const issues = (error.details as { issues: ValidationIssue[] }).issues;
    expect(issues).toEqual([{ field, message: expect.stringContaining(message) }]);
    expect(error.message).toContain(field);
  });

  it('still compiles typical ids, and a string field is not an id', () => {
    expect(compileFilter(FIELDS, leaf('_line', 'eq', 'livechat:visitor-1'))).toEqual({
      _line: 'livechat:visitor-1',
    });
    expect(compileFilter(FIELDS, leaf('_clients', 'in', ['42', null]))).toEqual({
      _clients: { $in: ['42', null] },
    });
    expect(compileFilter(FIELDS, leaf('_externalId', 'eq', 'constructor'))).toEqual({
      _externalId: 'constructor',
    });
  });
});
