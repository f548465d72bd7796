import { ErrorCode } from '@openlines/contracts';
import { defaultHttpStatusOf as httpStatusOf } from './http-error-reply';

describe('defaultHttpStatusOf', () => {
  it.each([
    [ErrorCode.ValidationFailed, 400],
    [ErrorCode.Unauthorized, 401],
    [ErrorCode.Forbidden, 403],
    [ErrorCode.NotFound, 404],
    [ErrorCode.Conflict, 409],
    [ErrorCode.InvalidTransition, 409],
    [ErrorCode.Timeout, 504],
    [ErrorCode.Unavailable, 503],
    [ErrorCode.Internal, 500],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusOf({ code, message: 'x' })).toBe(status);
  });

  it('maps every code of the contracts (a new code must be given a status)', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(httpStatusOf({ code, message: 'x' })).toBeGreaterThanOrEqual(400);
    }
  });
});
