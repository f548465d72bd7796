import { z } from 'zod';
import { ErrorCode, OpenLinesError, validate } from '@openlines/contracts';
import { validationErrorFromZod } from './zod-error';

describe('validationErrorFromZod', () => {
  it('gives the same error as contracts validate() for the same payload', () => {
    const schema = z.object({ a: z.object({ b: z.number() }), c: z.string() }).strict();
    const payload = { a: { b: 'x' }, extra: true };
    const parsed = schema.safeParse(payload);
    if (parsed.success) throw new Error('expected a failure');
    let expected: OpenLinesError | undefined;
    try {
      validate(schema, payload, 'thing');
    } catch (error) {
      expected = error as OpenLinesError;
    }
    const actual = validationErrorFromZod(parsed.error, 'thing');
    expect(actual.code).toBe(ErrorCode.ValidationFailed);
    expect(actual.toBody()).toEqual(expected?.toBody());
  });
});
