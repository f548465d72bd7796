import { HttpException } from '@nestjs/common';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { asWebhookResponse } from './webhook-http.errors';

/** Records what the webhook wrapper logs. */
function recordingLogger() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) =>
    void lines.push({ level, fields, message });
  return { lines, logger: { error: at('error'), warn: at('warn') } as never };
}

async function failureOf(
  work: () => Promise<unknown>,
  webhook: 'telegram' | 'livechat' = 'telegram',
) {
  const { lines, logger } = recordingLogger();
  const error: HttpException = await asWebhookResponse(logger, { webhook, channelId: 'ch-1' }, work)
    .then(() => Promise.reject(new Error('expected the webhook to fail')))
    .catch((e: HttpException) => e);
  return { status: error.getStatus(), body: error.getResponse(), lines };
}

describe('asWebhookResponse', () => {
  it('answers an unexpected error 500 in the ErrorBody shape and logs it with the channel', async () => {
    const crash = new RangeError('Invalid time value');
    const { status, body, lines } = await failureOf(() => Promise.reject(crash));
    expect([status, body]).toEqual([500, { code: ErrorCode.Internal, message: 'Internal error' }]);
    expect(lines).toEqual([
      {
        level: 'error',
        fields: { webhook: 'telegram', channelId: 'ch-1', code: ErrorCode.Internal, err: crash },
        message: 'telegram webhook failed',
      },
    ]);
  });

  it('logs an unavailable store (503) as an error too', async () => {
    const down = new OpenLinesError(ErrorCode.Unavailable, 'store unreachable');
    const { status, lines } = await failureOf(() => Promise.reject(down));
    expect([status, lines.map((line) => line.level)]).toEqual([503, ['error']]);
  });

  it('warns of a refused messenger body, and keeps the widget’s 400s and other 4xx quiet', async () => {
    const invalid = OpenLinesError.validation('invalid Telegram update: message.date: bad', []);
    const refused = await failureOf(() => Promise.reject(invalid));
    expect([refused.status, refused.body]).toEqual([400, invalid.toBody()]);
    expect(refused.lines).toEqual([expect.objectContaining({ level: 'warn' })]);
    expect((await failureOf(() => Promise.reject(invalid), 'livechat')).lines).toEqual([]);
    const missing = OpenLinesError.notFound('channel', 'ch-1');
    expect(await failureOf(() => Promise.reject(missing))).toMatchObject({
      status: 404,
      lines: [],
    });
  });
});
