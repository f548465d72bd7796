import { ErrorCode, isErrorBody } from '@openlines/contracts';
import { ErrorJson, GatewayUnderTest, jsonOf, startGateway } from './gateway-harness';

/** Every error the gateway answers, from any layer, is an ErrorBody with a fitting status. */
describe('gateway: HTTP errors in the ErrorBody shape', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());

  async function errorOf(response: Response) {
    const body = await jsonOf<ErrorJson>(response);
    expect(isErrorBody(body)).toBe(true);
    expect(Object.keys(body).every((key) => ['code', 'message', 'details'].includes(key))).toBe(
      true,
    );
    return { status: response.status, code: body.code, body };
  }

  it('answers a route outside the API (Nest’s own 404) with NOT_FOUND', async () => {
    expect(await errorOf(await gw.call('/no/such/page'))).toMatchObject({
      status: 404,
      code: ErrorCode.NotFound,
    });
  });

  it.each([
    ['GET', '/v1/sessions/%E0%A4%A'],
    ['POST', '/v1/rpc/sessions/%E0%A4%A'],
    ['PATCH', '/v1/lines/%zz'],
  ])('answers a malformed %%-escape in the path of %s %s with 400', async (method, path) => {
    const init = method === 'GET' ? { method } : { method, body: '{}' };
    expect(await errorOf(await gw.call(path, init))).toMatchObject({
      status: 400,
      code: ErrorCode.ValidationFailed,
    });
  });

  it('tells the caller when to retry a 503', async () => {
    // No service answers lines.lines.search on this spec's subjects.
    const response = await gw.call('/v1/lines/search', { method: 'POST', body: '{}' });
    expect(await errorOf(response)).toMatchObject({ status: 503, code: ErrorCode.Unavailable });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers body-parser failures outside the API (probe paths) in the same shape', async () => {
    const notJson = await gw.call('/healthz', { method: 'POST', body: '{"a":' });
    expect(await errorOf(notJson)).toMatchObject({ status: 400, code: ErrorCode.ValidationFailed });
    const encoding = await gw.call('/readyz', {
      method: 'POST',
      body: '{}',
      headers: { 'content-encoding': 'x-unknown' },
    });
    expect(await errorOf(encoding)).toMatchObject({
      status: 415,
      code: ErrorCode.ValidationFailed,
    });
  });
});
