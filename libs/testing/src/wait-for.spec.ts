import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('resolves as soon as the predicate holds, sync or async', async () => {
    let calls = 0;
    await waitFor(() => ++calls === 3, { intervalMs: 1 });
    expect(calls).toBe(3);
    await waitFor(async () => true);
  });

  it('fails at the deadline, naming what it waited for', async () => {
    const started = Date.now();
    await expect(
      waitFor(() => false, { timeoutMs: 50, what: 'the session to close' }),
    ).rejects.toThrow('waitFor: the session to close not met within 50 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });
});

describe('uniqueName', () => {
  it('gives distinct names, valid as durable, stream and subject token', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('metrics')));
    expect(names.size).toBe(1000);
    for (const name of names) expect(name).toMatch(/^metrics_[a-z0-9]+$/);
    expect(() => uniqueName('a.b')).toThrow(/must be letters/);
  });
});
