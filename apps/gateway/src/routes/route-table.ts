import { RPC_SCHEMAS, RPC_SUBJECTS, RpcSubject } from '@openlines/contracts';
import { requestKeys } from './request-shape';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * A friendly REST route of one RPC subject. The rule: the JSON body is the RPC request of the
 * contracts, and the `{id}` path segment fills its id field (`id`, `sessionId` or `operatorId`).
 */
export interface GatewayRoute {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/v1/sessions/{id}/assignToOperator`. */
  path: string;
  subject: RpcSubject;
  idField?: string;
  /** 201 for create, else 200. */
  status: number;
}

/** The request fields a path id may fill: `id`, or the collection's own id field. */
const OWN_ID_FIELD: Readonly<Record<string, string>> = {
  sessions: 'sessionId',
  operators: 'operatorId',
};

function routeOf(subject: RpcSubject): GatewayRoute {
  const [, collection, verb] = subject.split('.');
  const base = `/v1/${collection}`;
  const keys = requestKeys(RPC_SCHEMAS[subject].request);
  const idField = ['id', OWN_ID_FIELD[collection]].find(
    (field) => field !== undefined && keys.includes(field),
  );
  const byId = (method: HttpMethod, suffix = ''): GatewayRoute => ({
    method,
    path: `${base}/{id}${suffix}`,
    subject,
    idField,
    status: 200,
  });
  if (verb === 'create') return { method: 'POST', path: base, subject, status: 201 };
  if (verb === 'search' || verb === 'count' || idField === undefined) {
    return { method: 'POST', path: `${base}/${verb}`, subject, status: 200 };
  }
  if (verb === 'get') return byId('GET');
  if (verb === 'delete') return byId('DELETE');
  if (verb === 'update' || verb === 'save') return byId('PATCH');
  return byId('POST', `/${verb}`);
}

/** Every subject of the contracts' catalogue gets one friendly route. */
export function buildRoutes(subjects: readonly RpcSubject[] = RPC_SUBJECTS): GatewayRoute[] {
  return subjects.map(routeOf);
}

export interface RouteMatch {
  route: GatewayRoute;
  id?: string;
}

/** The route of a request, or undefined; `{id}` matches one non-empty path segment. */
export function matchRoute(
  routes: readonly GatewayRoute[],
  method: string,
  pathname: string,
): RouteMatch | undefined {
  const segments = pathname.replace(/\/+$/, '').split('/');
  for (const route of routes) {
    if (route.method !== method.toUpperCase()) continue;
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    let id: string | undefined;
    const matches = template.every((part, index) => {
      if (part !== '{id}') return part === segments[index];
      if (segments[index] === '') return false;
      id = safeDecode(segments[index]);
      return id !== undefined;
    });
    if (matches) return id === undefined ? { route } : { route, id };
  }
  return undefined;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
