import { LinesRpc, RPC_SUBJECTS } from '@openlines/contracts';
import { buildRoutes, matchRoute } from './route-table';

describe('route table', () => {
  const routes = buildRoutes();

  it('gives every RPC subject exactly one route, and no two routes the same method and path', () => {
    expect(routes.map((route) => route.subject).sort()).toEqual([...RPC_SUBJECTS].sort());
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['POST', '/v1/sessions/search', LinesRpc.sessions.search, undefined],
    ['POST', '/v1/lines/count', LinesRpc.lines.count, undefined],
    ['POST', '/v1/lines', LinesRpc.lines.create, undefined],
    ['GET', '/v1/channels/ch-1', LinesRpc.channels.get, 'ch-1'],
    ['PATCH', '/v1/clients/c%2F1', LinesRpc.clients.save, 'c/1'],
    ['DELETE', '/v1/lines/l-1', LinesRpc.lines.delete, 'l-1'],
    ['POST', '/v1/sessions/s-1/assignToOperator', LinesRpc.sessions.assignToOperator, 's-1'],
    ['POST', '/v1/channels/ch-1/reconnect/', LinesRpc.channels.reconnect, 'ch-1'],
    ['POST', '/v1/clients/findOrCreate', LinesRpc.clients.findOrCreate, undefined],
    ['POST', '/v1/metrics/report', LinesRpc.metrics.report, undefined],
    ['POST', '/v1/metrics/rebuildStatus', LinesRpc.metrics.rebuildStatus, undefined],
    ['POST', '/v1/operators/op-1/setStatus', LinesRpc.operators.setStatus, 'op-1'],
  ])('%s %s → %s', (method, path, subject, id) => {
    const match = matchRoute(routes, method, path);
    expect(match?.route.subject).toBe(subject);
    expect(match?.id).toBe(id);
  });

  it('fills the id field the contract names', () => {
    expect(matchRoute(routes, 'POST', '/v1/sessions/s-1/close')?.route.idField).toBe('sessionId');
    expect(matchRoute(routes, 'GET', '/v1/sessions/s-1')?.route.idField).toBe('id');
    expect(matchRoute(routes, 'POST', '/v1/operators/op-1/upsert')?.route.idField).toBe(
      'operatorId',
    );
  });

  it.each([
    ['GET', '/v1/sessions'],
    ['POST', '/v1/sessions/s-1/noSuchVerb'],
    ['PUT', '/v1/lines/l-1'],
    ['GET', '/v1/nothing/x'],
    ['GET', '/v1/lines/%E0%A4%A'],
    ['POST', '/v1/sessions//close'],
  ])('matches nothing for %s %s', (method, path) => {
    expect(matchRoute(routes, method, path)).toBeUndefined();
  });

  it('answers create with 201', () => {
    expect(matchRoute(routes, 'POST', '/v1/sessions')?.route.status).toBe(201);
    expect(matchRoute(routes, 'POST', '/v1/sessions/search')?.route.status).toBe(200);
  });
});
