import { ServerResponse } from 'node:http';
import {
  createLinesClient,
  ErrorCode,
  LinesClient,
  LinesError,
  SessionChangedPayload,
} from '../src';
import { sessionChanged } from './events';
import { session } from './samples';
import { json, Route, stubGateway, StubGateway } from './stub-gateway';
import { until } from './until';

describe('SDK over HTTP: the gateway protocol', () => {
  let stub: StubGateway;
  let lines: LinesClient;
  let route: Route;

  beforeAll(async () => {
    stub = await stubGateway((req, res, body) => route(req, res, body));
    lines = createLinesClient({
      baseUrl: `${stub.url}/`,
      apiKey: 'k-1',
      timeoutMs: 1000,
      actor: { type: 'operator', id: 'op-1' },
    });
  });
  afterAll(async () => {
    await lines?.close();
    stub.server.closeAllConnections();
    await new Promise((resolve) => stub.server.close(resolve));
  });

  it('posts each RPC to /v1/rpc/<collection>/<verb> with the key and the request as JSON', async () => {
    route = (_req, res) => json(res, 200, session('s-1', { _userId: 'u-2' }));
    const item = await lines.sessions.get('s-1');
    await item.assignToOperator({ id: 'u-2' });
    expect(stub.requests.slice(-2)).toEqual([
      { url: '/v1/rpc/sessions/get', auth: 'Bearer k-1', body: JSON.stringify({ id: 's-1' }) },
      {
        url: '/v1/rpc/sessions/assignToOperator',
        auth: 'Bearer k-1',
        body: JSON.stringify({
          sessionId: 's-1',
          actor: { type: 'operator', id: 'op-1' },
          operatorId: 'u-2',
        }),
      },
    ]);
    expect(item.data._userId).toBe('u-2');
  });

  it('rebuilds the error of an error body, and derives one from the status otherwise', async () => {
    route = (_req, res) =>
      json(res, 409, { code: 'INVALID_TRANSITION', message: 'closed already', details: { a: 1 } });
    const error = await lines.sessions.get('s-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinesError);
    expect(error).toMatchObject({
      code: ErrorCode.InvalidTransition,
      message: 'closed already',
      details: { a: 1 },
    });
    route = (_req, res) => res.writeHead(502).end('<html>bad gateway</html>');
    await expect(lines.lines.search().all()).rejects.toMatchObject({ code: ErrorCode.Unavailable });
    route = (_req, res) => res.writeHead(504).end();
    await expect(lines.lines.search().count()).rejects.toMatchObject({ code: ErrorCode.Timeout });
  });

  it('times out a gateway that does not answer, and reports an unreachable one as UNAVAILABLE', async () => {
    route = () => undefined;
    await expect(lines.sessions.get('s-1')).rejects.toMatchObject({ code: ErrorCode.Timeout });
    const nowhere = createLinesClient({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k' });
    await expect(nowhere.lines.search().first()).rejects.toMatchObject({
      code: ErrorCode.Unavailable,
    });
  });

  it('reads the SSE stream: frames split anywhere, filtered, until unsubscribed', async () => {
    let stream: ServerResponse | undefined;
    let closed = false;
    route = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': connected\n\n');
      stream = res;
      req.on('close', () => (closed = true));
    };
    const got: SessionChangedPayload[] = [];
    const stop = lines.onSessionChanged((event) => void got.push(event), { lineId: 'l-1' });
    await stop.ready;
    expect(stub.requests.at(-1)?.url).toBe('/v1/events?types=SessionChanged&lineId=l-1');
    const wanted = sessionChanged('l-1', 's-1');
    const text =
      `event: SessionChanged\nid: x\ndata: ${JSON.stringify(sessionChanged('l-2', 's-9'))}\n\n` +
      `event: SessionChanged\nid: ${wanted.eventId}\ndata: ${JSON.stringify(wanted)}\n\n`;
    for (let i = 0; i < text.length; i += 7) stream!.write(text.slice(i, i + 7));
    await until(() => got.length === 1);
    expect(got).toEqual([wanted]);
    stop();
    await until(() => closed);
  });

  it('reconnects a dropped stream, and gives up on a refusal with the code', async () => {
    let connections = 0;
    route = (_req, res) => {
      connections += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        `event: SessionChanged\ndata: ${JSON.stringify(sessionChanged('l-1', `s-${connections}`))}\n\n`,
      );
    };
    const got: string[] = [];
    const stop = lines.onSessionChanged((event) => void got.push(event.sessionId), {
      onError: () => undefined,
    });
    await until(() => got.length >= 2);
    stop();
    expect(got.slice(0, 2)).toEqual(['s-1', 's-2']);

    connections = 0;
    route = (_req, res) => {
      connections += 1;
      json(res, 401, { code: 'UNAUTHORIZED', message: 'Unauthorized' });
    };
    const errors: unknown[] = [];
    const refused = lines.onMessage(() => undefined, { onError: (error) => errors.push(error) });
    await expect(refused.ready).rejects.toMatchObject({ code: ErrorCode.Unauthorized });
    expect(errors).toHaveLength(1);
    expect(connections).toBe(1);
  });
});
