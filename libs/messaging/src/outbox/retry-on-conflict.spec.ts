import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { isConflict, retryOnConflict } from './versioned-write';

describe('retryOnConflict', () => {
  it('retries conflicts until the attempt succeeds', async () => {
    let calls = 0;
    const result = await retryOnConflict(
      async () => {
        calls += 1;
        if (calls < 3) throw OpenLinesError.conflict('moved');
        return 'ok';
      },
      10,
      isConflict,
    );
    expect([result, calls]).toEqual(['ok', 3]);
  });

  it('gives up after the last attempt and never retries other errors', async () => {
    let calls = 0;
    await expect(
      retryOnConflict(
        async () => {
          calls += 1;
          throw OpenLinesError.conflict('moved');
        },
        4,
        isConflict,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(calls).toBe(4);
    calls = 0;
    await expect(
      retryOnConflict(
        async () => {
          calls += 1;
          throw OpenLinesError.forbidden('no');
        },
        10,
        isConflict,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(calls).toBe(1);
  });

  it('by default retries only a lost compare-and-set, not a taken unique key', async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls += 1;
        throw OpenLinesError.conflict('duplicate key');
      }),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls += 1;
        throw OpenLinesError.conflict('moved', { expectedVersion: 1, currentVersion: 2 });
      }),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(calls).toBe(5);
  });
});
