import { ErrorCode, LineSessionData, LinesRpc, LineSessionState } from '@openlines/contracts';
import { ErrorJson, GatewayUnderTest, jsonOf, postJson, startGateway } from './gateway-harness';

describe('gateway: RPC over HTTP', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway({ rpcTimeoutMs: 400 });
  });
  afterAll(() => gw?.close());

  it('forwards POST /v1/rpc/<collection>/<verb> to the subject and returns the reply', async () => {
    const response = await gw.call('/v1/rpc/sessions/get', postJson({ id: 's-9' }));
    expect(response.status).toBe(200);
    expect((await jsonOf<LineSessionData>(response)).__id).toBe('s-9');
    expect(gw.recorder.last(LinesRpc.sessions.get)).toEqual({ id: 's-9' });
  });

  it('carries the caller’s correlation id to the service and back', async () => {
    const response = await gw.call('/v1/sessions/s-c', {
      headers: { 'x-correlation-id': 'corr-123' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('corr-123');
    expect(gw.recorder.calls.at(-1)).toMatchObject({
      subject: LinesRpc.sessions.get,
      correlationId: 'corr-123',
    });
  });

  it('forwards a search with its filter tree untouched', async () => {
    const request = { filter: { and: [{ field: '__deletedAt', op: 'eq', value: null }] }, size: 1 };
    const response = await gw.call('/v1/sessions/search', postJson(request));
    expect(response.status).toBe(200);
    expect((await jsonOf<{ items: unknown[] }>(response)).items).toHaveLength(1);
    expect(gw.recorder.last(LinesRpc.sessions.search)).toEqual(request);
  });

  it('fills the request id from the path of a friendly route', async () => {
    const response = await gw.call(
      '/v1/sessions/s-7/assignToOperator',
      postJson({ operatorId: 'u-1', actor: { type: 'operator', id: 'sup-1' } }),
    );
    expect(response.status).toBe(200);
    const session = await jsonOf<LineSessionData>(response);
    expect(session._state).toBe(LineSessionState.AssignedToOperator);
    expect(gw.recorder.last(LinesRpc.sessions.assignToOperator)).toEqual({
      sessionId: 's-7',
      operatorId: 'u-1',
      actor: { type: 'operator', id: 'sup-1' },
    });
    const fetched = await gw.call('/v1/sessions/s-8');
    expect((await jsonOf<LineSessionData>(fetched)).__id).toBe('s-8');
  });

  it('answers create with 201', async () => {
    const response = await gw.call(
      '/v1/sessions',
      postJson({ channelId: 'ch-3', account: 'ann', actor: { type: 'operator', id: 'u-1' } }),
    );
    expect(response.status).toBe(201);
    expect((await jsonOf<LineSessionData>(response))._channel).toBe('ch-3');
  });

  it('refuses an invalid body at the edge with 400 naming the field, without forwarding it', async () => {
    const before = gw.recorder.calls.length;
    const response = await gw.call(
      '/v1/sessions/s-1/assignToOperator',
      postJson({ operatorId: '' }),
    );
    expect(response.status).toBe(400);
    const body = await jsonOf<ErrorJson>(response);
    expect(body.code).toBe(ErrorCode.ValidationFailed);
    expect(body.details?.issues?.map((issue) => issue.field)).toContain('operatorId');
    expect(gw.recorder.calls.length).toBe(before);
  });

  it.each([
    ['/v1/sessions/missing', undefined, 404, ErrorCode.NotFound],
    ['/v1/sessions/s-1/assignToOperator', { operatorId: 'outsider' }, 403, ErrorCode.Forbidden],
    ['/v1/sessions/s-1/close', {}, 409, ErrorCode.InvalidTransition],
    ['/v1/lines/search', {}, 503, ErrorCode.Unavailable],
    ['/v1/metrics/rebuild', {}, 504, ErrorCode.Timeout],
    ['/v1/rpc/sessions/noSuchVerb', {}, 404, ErrorCode.NotFound],
    ['/v1/nothing/here', {}, 404, ErrorCode.NotFound],
  ])(
    'maps the service error of %s (body %j) to HTTP %i, code %s',
    async (path, body, status, code) => {
      const response = await gw.call(path, body === undefined ? {} : postJson(body));
      expect(response.status).toBe(status);
      const error = await jsonOf<ErrorJson>(response);
      expect(error.code).toBe(code);
      expect(typeof error.message).toBe('string');
    },
  );

  it('refuses a body that is not a JSON object or not JSON at all', async () => {
    const array = await gw.call('/v1/sessions/s-1/close', postJson([1, 2]));
    expect(array.status).toBe(400);
    const broken = await gw.call('/v1/sessions/s-1/close', { method: 'POST', body: '{"a":' });
    expect(broken.status).toBe(400);
    expect((await jsonOf<ErrorJson>(broken)).code).toBe(ErrorCode.ValidationFailed);
  });
});
