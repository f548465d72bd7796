import { KeyedSerializer } from './keyed-serializer';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedSerializer', () => {
  it('runs tasks of one key one after the other, in order, even when one fails', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const gate = deferred();
    const first = serializer.run('k', async () => {
      log.push('first:start');
      await gate.promise;
      log.push('first:end');
      throw new Error('boom');
    });
    const second = serializer.run('k', async () => {
      log.push('second');
      return 2;
    });
    await Promise.resolve();
    expect(log).toEqual(['first:start']);
    gate.resolve();
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe(2);
    expect(log).toEqual(['first:start', 'first:end', 'second']);
  });

  it('runs different keys in parallel and reports idle when all are done', async () => {
    const serializer = new KeyedSerializer();
    const gate = deferred();
    const log: string[] = [];
    void serializer.run('a', async () => {
      await gate.promise;
      log.push('a');
    });
    await serializer.run('b', async () => log.push('b'));
    expect(log).toEqual(['b']);
    gate.resolve();
    await serializer.idle();
    expect(log).toEqual(['b', 'a']);
  });
});
