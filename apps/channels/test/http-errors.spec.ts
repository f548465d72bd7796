import { ErrorCode, isErrorBody, LineChannelType } from '@openlines/contracts';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { linesApi } from './support/lines-api';

/** Whatever goes wrong in an HTTP request to the channels service answers an ErrorBody. */
describe('channels: HTTP errors in the ErrorBody shape', () => {
  let channels: ChannelsUnderTest;
  const publicKey = `pk-errors-${Date.now()}`;

  beforeAll(async () => {
    channels = await startChannels();
    const api = linesApi(channels.rpc);
    const lineId = (await api.lines.create({ __name: 'Errors line' })).__id;
    await api.channels.create({
      __name: 'Site',
      _line: lineId,
      _type: LineChannelType.livechat,
      _settings: { publicKey, allowedOrigins: ['https://shop.example'] },
    });
  });
  afterAll(() => channels?.close());

  async function errorOf(response: Response) {
    const body = (await response.json()) as Record<string, unknown>;
    expect(isErrorBody(body)).toBe(true);
    expect(Object.keys(body).every((key) => ['code', 'message', 'details'].includes(key))).toBe(
      true,
    );
    return { status: response.status, code: body.code };
  }
  const send = (path: string, init: RequestInit = {}) => fetch(`${channels.httpUrl}${path}`, init);

  it.each([
    ['with an Origin (CORS middleware)', { origin: 'https://x' }],
    ['without an Origin (router)', {}],
  ])('answers a malformed %%-escape in the live chat key %s with 400', async (_, headers) => {
    const response = await send('/webhooks/livechat/%E0%A4%A/messages', { headers });
    expect(await errorOf(response)).toEqual({ status: 400, code: ErrorCode.ValidationFailed });
  });

  it('answers a malformed %-escape in a webhook channel id with 400', async () => {
    const response = await send('/webhooks/telegram/%E0%A4%A', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await errorOf(response)).toEqual({ status: 400, code: ErrorCode.ValidationFailed });
  });

  it('answers an unknown route with 404 and a refused preflight with 403', async () => {
    expect(await errorOf(await send('/webhooks/livechat/%E0%A4%A'))).toEqual({
      status: 404,
      code: ErrorCode.NotFound,
    });
    const preflight = await send(`/webhooks/livechat/${publicKey}/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(await errorOf(preflight)).toEqual({ status: 403, code: ErrorCode.Forbidden });
  });

  it('answers body-parser failures outside the webhooks (413, 415, 400) in the same shape', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      send('/readyz', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    expect(await errorOf(await post(JSON.stringify({ a: 'x'.repeat(200_000) })))).toEqual({
      status: 413,
      code: ErrorCode.ValidationFailed,
    });
    expect(await errorOf(await post('{}', { 'content-encoding': 'x-unknown' }))).toEqual({
      status: 415,
      code: ErrorCode.ValidationFailed,
    });
    expect(await errorOf(await post('{"a":'))).toEqual({
      status: 400,
      code: ErrorCode.ValidationFailed,
    });
  });
});
