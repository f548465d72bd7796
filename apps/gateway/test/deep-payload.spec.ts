import { ErrorCode } from '@openlines/contracts';
import { ErrorJson, GatewayUnderTest, jsonOf, startGateway } from './gateway-harness';

/** JSON text nested `levels` deep around `inner` (JSON.stringify itself overflows on such trees). */
const nestedText = (open: string, close: string, inner: string, levels: number) =>
  `${open.repeat(levels)}${inner}${close.repeat(levels)}`;
const leaf = '{"field":"__deletedAt","op":"eq","value":null}';

describe('gateway: payloads nested thousands deep', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway({ rpcTimeoutMs: 400 });
  });
  afterAll(() => gw?.close());

  it.each([
    ['/v1/rpc/sessions/search', 'search'],
    ['/v1/sessions/search', 'search'],
    ['/v1/rpc/sessions/count', 'count'],
  ])('answers a 5,000-deep filter on %s with 400 naming filter', async (path) => {
    const filter = nestedText('{"and":[', ']}', leaf, 5_000);
    const response = await gw.call(path, { method: 'POST', body: `{"filter":${filter}}` });
    expect(response.status).toBe(400);
    const body = await jsonOf<ErrorJson>(response);
    expect(body.code).toBe(ErrorCode.ValidationFailed);
    expect(body.details?.issues).toEqual([
      { field: 'filter', message: 'nested deeper than 32 levels' },
    ]);
  });

  it('answers a 5,000-deep free-form value with 400 naming its field, not 503', async () => {
    const settings = nestedText('{"a":', '}', '1', 5_000);
    const body = `{"id":"ch-1","data":{"_settings":${settings}}}`;
    const response = await gw.call('/v1/rpc/channels/update', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect((await jsonOf<ErrorJson>(response)).details?.issues).toEqual([
      { field: 'data', message: 'nested too deeply to serialise' },
    ]);
  });
});
