import { ErrorCode, LinesRpc } from '@openlines/contracts';
import { HttpTransport } from './http.transport';

describe('HttpTransport: a request JSON cannot carry', () => {
  it('is refused before any fetch with VALIDATION_FAILED naming the field, not UNAVAILABLE', async () => {
    // Port 9 (discard) is closed here: a request that were sent would fail UNAVAILABLE.
    const transport = new HttpTransport({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' });
    let settings: Record<string, unknown> = {};
    for (let i = 0; i < 5_000; i += 1) settings = { nested: settings };
    const request = { id: 'ch-1', data: { _settings: settings } };
    await expect(transport.request(LinesRpc.channels.update, request)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: { issues: [{ field: 'data', message: 'nested too deeply to serialise' }] },
    });
  });
});
