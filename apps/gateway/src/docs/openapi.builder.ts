import { ErrorCode, RPC_SCHEMAS } from '@openlines/contracts';
import { GatewayRoute } from '../routes/route-table';
import { withoutKey } from '../routes/request-shape';
import { JsonSchema, toJsonSchema } from './zod-json-schema';
import { eventsPath, healthPaths } from './openapi-extra-paths';

export type OpenApiDocument = JsonSchema & {
  openapi: string;
  paths: Record<string, Record<string, JsonSchema>>;
};

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
});

/** The error statuses every RPC route may answer (see defaultHttpStatusOf in libs/messaging http-error-reply.ts). */
export const ERROR_RESPONSES = {
  400: errorResponse(
    'VALIDATION_FAILED: the body or a field is invalid (details.issues names each)',
  ),
  401: errorResponse('UNAUTHORIZED: missing or wrong API key'),
  403: errorResponse('FORBIDDEN'),
  404: errorResponse('NOT_FOUND'),
  409: errorResponse('CONFLICT or INVALID_TRANSITION (the body code tells which)'),
  413: errorResponse('VALIDATION_FAILED: the body is larger than the limit'),
  500: errorResponse('INTERNAL'),
  503: errorResponse('UNAVAILABLE: the service is not reachable'),
  504: errorResponse('TIMEOUT: the service did not answer in time'),
};

function operation(route: GatewayRoute, generic: boolean): JsonSchema {
  const { request, reply } = RPC_SCHEMAS[route.subject];
  const [, collection, verb] = route.subject.split('.');
  const idField = generic ? undefined : route.idField;
  const out: JsonSchema = {
    operationId: generic ? `rpc.${collection}.${verb}` : `${collection}.${verb}`,
    tags: [generic ? 'rpc' : collection],
    summary: `${route.subject}${idField ? ` (the path id is the request's \`${idField}\`)` : ''}`,
    responses: {
      [generic ? 200 : route.status]: {
        description: 'The reply of the service',
        content: { 'application/json': { schema: toJsonSchema(reply) } },
      },
      ...ERROR_RESPONSES,
    },
  };
  if (idField)
    out.parameters = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
  const method = generic ? 'POST' : route.method;
  if (method !== 'GET' && method !== 'DELETE') {
    const body = toJsonSchema(request);
    const schema = idField ? withoutKey(body, idField) : body;
    out.requestBody = { required: true, content: { 'application/json': { schema } } };
  }
  return out;
}

/**
 * The OpenAPI 3.1 document of the gateway, generated from the contracts' zod schemas (the same
 * ones that validate requests), so it cannot drift from what the gateway accepts.
 */
export function buildOpenApi(routes: readonly GatewayRoute[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const add = (path: string, method: string, op: JsonSchema) => {
    paths[path] = { ...paths[path], [method.toLowerCase()]: op };
  };
  for (const route of routes) {
    add(route.path, route.method, operation(route, false));
    add(`/v1/rpc/${route.subject.split('.').slice(1).join('/')}`, 'POST', operation(route, true));
  }
  Object.assign(paths, eventsPath(ERROR_RESPONSES), healthPaths());
  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenLines gateway',
      version,
      description:
        'HTTP access to the OpenLines live-chat services. Each RPC subject `lines.<collection>.<verb>` ' +
        'is `POST /v1/rpc/<collection>/<verb>` with the RPC request as body, and has a friendly ' +
        'route where a `{id}` path segment fills the request id field. Errors are `{ code, message, details }`.',
    },
    security: [{ bearerKey: [] }, { headerKey: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Authorization: Bearer <API key>',
        },
        headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: {
        ErrorBody: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: Object.values(ErrorCode) },
            message: { type: 'string' },
            details: { type: 'object' },
          },
        },
      },
    },
  };
}
