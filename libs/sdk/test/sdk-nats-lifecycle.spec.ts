import { Writable } from 'node:stream';
import { createLogger } from '@openlines/observability';
import { createLinesClient, ErrorCode } from '../src';
import { until } from './until';

/** A logger whose messages the spec reads: connectNats logs when the connection closes. */
function capturedLogger(): { messages: string[]; logger: ReturnType<typeof createLogger> } {
  const messages: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        messages.push(JSON.parse(line).msg);
      done();
    },
  });
  return { messages, logger: createLogger('sdk-spec', { level: 'info', destination }) };
}

describe('SDK over NATS: connection lifecycle', () => {
  const servers = () => process.env.NATS_URL!;

  it('close() drains the connection it opened', async () => {
    const { messages, logger } = capturedLogger();
    const lines = createLinesClient({
      servers: servers(),
      subjectPrefix: 'sdk_lifecycle_none',
      logger,
    });
    await expect(lines.lines.search().count()).rejects.toMatchObject({
      code: ErrorCode.Unavailable,
    });
    expect(messages).not.toContain('NATS connection closed');
    await lines.close();
    await until(() => messages.includes('NATS connection closed'));
  });

  it('a client closed before its connection opened closes it once it opens', async () => {
    const { messages, logger } = capturedLogger();
    const lines = createLinesClient({ servers: servers(), logger });
    await lines.close();
    await until(() => messages.includes('NATS connection closed'));
    expect(messages).toContain('connected to NATS');
  });

  it('refuses an actor that names no operator before connecting', () => {
    expect(() => createLinesClient({ servers: servers(), actor: { type: 'operator' } })).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed }),
    );
  });
});
