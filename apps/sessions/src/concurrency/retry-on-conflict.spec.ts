import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { retryOnConflict } from './retry-on-conflict';

describe('retryOnConflict', () => {
  it('retries conflicts until the attempt succeeds', async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls += 1;
      if (calls < 3) throw OpenLinesError.conflict('moved');
      return 'ok';
    });
    expect([result, calls]).toEqual(['ok', 3]);
  });

  it('gives up after the last attempt and never retries other errors', async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => {
      calls += 1;
      throw OpenLinesError.conflict('moved');
    }, 4)).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(calls).toBe(4);
    calls = 0;
    await expect(retryOnConflict(async () => {
      calls += 1;
      throw OpenLinesError.forbidden('no');
    })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(calls).toBe(1);
  });
});
