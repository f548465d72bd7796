import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { refId, tryRefId } from './ref-id';

describe('refId', () => {
  it.each([
    ['a plain id', 'u-1'],
    ['an item with id', { id: 'u-1', data: { __id: 'other' } }],
    ['data with __id', { __id: 'u-1' }],
    ['an object whose data has __id', { data: { __id: 'u-1' } }],
  ])('accepts %s', (_label, value) => {
    expect(refId(value, 'operator')).toBe('u-1');
  });

  it.each([
    ['an empty string', ''],
    ['null', null],
    ['a number', 42],
    ['an object without id', { name: 'x' }],
    ['an object whose data has no __id', { data: {} }],
  ])('refuses %s with VALIDATION_FAILED naming the argument', (_label, value) => {
    expect(tryRefId(value)).toBeUndefined();
    let caught: unknown;
    try {
      refId(value, 'operator');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OpenLinesError);
    expect((caught as OpenLinesError).code).toBe(ErrorCode.ValidationFailed);
    expect((caught as OpenLinesError).message).toContain('operator');
  });
});
