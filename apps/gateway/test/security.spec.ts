import { ErrorCode } from '@openlines/contracts';
import { API_KEY, ErrorJson, GatewayUnderTest, jsonOf, startGateway } from './gateway-harness';

describe('gateway: authentication, limits, docs and probes', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway({ bodyLimitBytes: 4096 });
  });
  afterAll(() => gw?.close());

  const post = (headers: Record<string, string>) =>
    fetch(`${gw.url}/v1/rpc/sessions/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ id: 's-1' }),
    });

  it.each([
    ['no key', {}],
    ['a wrong bearer key', { authorization: 'Bearer nope' }],
    ['a wrong X-Api-Key', { 'x-api-key': `${API_KEY}x` }],
    ['another scheme', { authorization: `Basic ${API_KEY}` }],
  ])('answers 401 with nothing else revealed for %s', async (_label, headers) => {
    const before = gw.recorder.calls.length;
    const response = await post(headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: ErrorCode.Unauthorized,
      message: 'Unauthorized',
    });
    expect(gw.recorder.calls.length).toBe(before);
  });

  it('accepts the key as bearer token or X-Api-Key', async () => {
    expect((await post({ authorization: `Bearer ${API_KEY}` })).status).toBe(200);
    expect((await post({ 'x-api-key': API_KEY })).status).toBe(200);
  });

  it('guards the event stream too', async () => {
    const response = await fetch(`${gw.url}/v1/events`);
    expect(response.status).toBe(401);
  });

  it('refuses a body over the limit with 413 before it reaches a service', async () => {
    const before = gw.recorder.calls.length;
    const response = await gw.call('/v1/rpc/sessions/get', {
      method: 'POST',
      body: JSON.stringify({ id: 's-1', padding: 'x'.repeat(5000) }),
    });
    expect(response.status).toBe(413);
    expect((await jsonOf<ErrorJson>(response)).code).toBe(ErrorCode.ValidationFailed);
    expect(gw.recorder.calls.length).toBe(before);
  });

  it('serves the OpenAPI document and its page without a key', async () => {
    const json = await fetch(`${gw.url}/docs/openapi.json`);
    expect(json.status).toBe(200);
    const doc = await jsonOf<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      json,
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/sessions/{id}/assignToOperator'].post).toBeDefined();
    const page = await fetch(`${gw.url}/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/v1/rpc/sessions/assignToOperator');
  });

  it('answers the probes without a key', async () => {
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(
      (await jsonOf<{ checks: Record<string, { status: string }> }>(ready)).checks.nats.status,
    ).toBe('ok');
  });
});
