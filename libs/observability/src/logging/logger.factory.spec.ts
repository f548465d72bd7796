import { Writable } from 'node:stream';
import { createLogger } from './logger.factory';
import { newCorrelationId, runWithCorrelation, runWithoutCorrelation } from './correlation.context';
import { PinoNestLogger } from './pino-nest.logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON with the service name, a word level and ISO time', () => {
    const { lines, destination } = capture();
    createLogger('sessions', { destination, level: 'info' }).info({ sessionId: 's1' }, 'opened');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      service: 'sessions',
      level: 'info',
      msg: 'opened',
      sessionId: 's1',
    });
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it('redacts secrets at the root and nested, keeping other fields', () => {
    const { lines, destination } = capture();
    const logger = createLogger('channels', { destination, level: 'info' });
    logger.info(
      {
        password: 'p0',
        channel: { _settings: { botToken: '123:ABC', webhookSecret: 'w1', apiUrl: 'http://x' } },
        request: { headers: { authorization: 'Bearer t', 'x-api-key': 'k1', accept: 'json' } },
        deep: { a: { b: { c: { token: 't4' } } } },
      },
      'connected',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['p0', '123:ABC', 'w1', 'Bearer t', 'k1', 't4'])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      password: '[REDACTED]',
      channel: {
        _settings: { botToken: '[REDACTED]', webhookSecret: '[REDACTED]', apiUrl: 'http://x' },
      },
      request: {
        headers: { authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', accept: 'json' },
      },
    });
  });

  it('adds the current correlation id to every line inside runWithCorrelation only', async () => {
    const { lines, destination } = capture();
    const logger = createLogger('metrics', { destination, level: 'debug' });
    const id = newCorrelationId();
    await runWithCorrelation(id, async () => {
      logger.debug('before await');
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ module: 'x' }).info('after await');
      await runWithoutCorrelation(async () => logger.info('background work'));
    });
    logger.info('outside');
    expect(lines.map((line) => line.correlationId)).toEqual([id, id, undefined, undefined]);
  });

  it('honours the level and refuses an unknown one', () => {
    const { lines, destination } = capture();
    const logger = createLogger('clients', { destination, level: 'warn' });
    logger.info('dropped');
    logger.warn('kept');
    expect(lines.map((line) => line.msg)).toEqual(['kept']);
    expect(() => createLogger('clients', { level: 'loud' })).toThrow(/Invalid LOG_LEVEL "loud"/);
  });
});

describe('PinoNestLogger', () => {
  it('maps Nest log calls to pino levels with their context', () => {
    const { lines, destination } = capture();
    const nest = new PinoNestLogger(createLogger('gateway', { destination, level: 'debug' }));
    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn('careful', 'RoutesResolver');
    nest.error('failed', 'Error: failed\n    at x', 'ExceptionsHandler');
    nest.error(new Error('boom'));
    expect(lines[0]).toMatchObject({
      level: 'info',
      context: 'NestApplication',
      msg: 'Nest application successfully started',
    });
    expect(lines[1]).toMatchObject({ level: 'warn', context: 'RoutesResolver', msg: 'careful' });
    expect(lines[2]).toMatchObject({
      level: 'error',
      context: 'ExceptionsHandler',
      stack: 'Error: failed\n    at x',
    });
    expect(lines[3]).toMatchObject({ level: 'error', msg: 'boom', err: { message: 'boom' } });
  });
});
