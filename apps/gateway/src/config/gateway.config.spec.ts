import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { gatewayConfigFromEnv } from './gateway.config';

describe('gatewayConfigFromEnv', () => {
  it('applies the defaults', () => {
    expect(gatewayConfigFromEnv({})).toEqual({
      httpPort: 8080,
      apiKeys: [],
      bodyLimitBytes: 262_144,
      rpcTimeoutMs: 10_000,
      sseKeepAliveMs: 15_000,
      sseClientBufferBytes: 1_048_576,
    });
  });

  it('reads every variable', () => {
    const config = gatewayConfigFromEnv({
      HTTP_PORT: '0',
      API_KEYS: 'k1, k2',
      GATEWAY_BODY_LIMIT_BYTES: '2048',
      GATEWAY_RPC_TIMEOUT_MS: '500',
      GATEWAY_SSE_KEEPALIVE_SECONDS: '2',
      GATEWAY_SSE_CLIENT_BUFFER_BYTES: '65536',
    });
    expect(config).toEqual({
      httpPort: 0,
      apiKeys: ['k1', 'k2'],
      bodyLimitBytes: 2048,
      rpcTimeoutMs: 500,
      sseKeepAliveMs: 2000,
      sseClientBufferBytes: 65_536,
    });
  });

  it('fails fast naming each bad variable', () => {
    let caught: unknown;
    try {
      gatewayConfigFromEnv({ HTTP_PORT: 'eighty', GATEWAY_RPC_TIMEOUT_MS: '5' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OpenLinesError);
    expect((caught as OpenLinesError).code).toBe(ErrorCode.ValidationFailed);
    expect((caught as OpenLinesError).message).toMatch(/HTTP_PORT.*GATEWAY_RPC_TIMEOUT_MS/);
  });
});
