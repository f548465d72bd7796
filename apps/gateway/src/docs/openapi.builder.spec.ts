import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { LinesRpc, RPC_SCHEMAS, RPC_SUBJECTS } from '@openlines/contracts';
import { buildRoutes } from '../routes/route-table';
import { buildOpenApi } from './openapi.builder';

type Op = {
  operationId: string;
  requestBody?: { content: { 'application/json': { schema: object } } };
  responses: Record<string, { content?: { 'application/json'?: { schema: object } } }>;
};

describe('buildOpenApi', () => {
  const doc = buildOpenApi(buildRoutes(), '1.2.3');
  const op = (path: string, method: string) => doc.paths[path][method] as unknown as Op;
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);

  it('is an OpenAPI 3.1 document with both forms of every RPC subject', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ids = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((o) => (o as { operationId?: string }).operationId),
    );
    for (const subject of RPC_SUBJECTS) {
      const [, collection, verb] = subject.split('.');
      expect(ids).toContain(`${collection}.${verb}`);
      expect(ids).toContain(`rpc.${collection}.${verb}`);
    }
    expect(new Set(ids.filter(Boolean)).size).toBe(ids.filter(Boolean).length);
  });

  it('generates valid JSON Schemas for every request and reply', () => {
    for (const methods of Object.values(doc.paths)) {
      for (const o of Object.values(methods) as unknown as Op[]) {
        const body = o.requestBody?.content['application/json'].schema;
        if (body) expect(() => ajv.compile(body)).not.toThrow();
        for (const response of Object.values(o.responses)) {
          const schema = response.content?.['application/json']?.schema;
          if (schema && !('$ref' in schema)) expect(() => ajv.compile(schema)).not.toThrow();
        }
      }
    }
  });

  it('describes a request body that accepts and refuses what the contract does', () => {
    const schema = op('/v1/rpc/sessions/assignToOperator', 'post').requestBody!.content[
      'application/json'
    ].schema;
    const check = ajv.compile(schema);
    const zod = RPC_SCHEMAS[LinesRpc.sessions.assignToOperator].request;
    const samples = [
      { sessionId: 's-1', operatorId: 'u-1' },
      { sessionId: 's-1', operatorId: 'u-1', actor: { type: 'operator', id: 'u-2' } },
      { sessionId: 's-1' },
      { sessionId: 's-1', operatorId: 'u-1', extra: true },
      { sessionId: '', operatorId: 'u-1' },
    ];
    for (const sample of samples) {
      expect({ sample, valid: check(sample) }).toEqual({
        sample,
        valid: zod.safeParse(sample).success,
      });
    }
  });

  it('leaves the path id out of the friendly route body', () => {
    const friendly = op('/v1/sessions/{id}/assignToOperator', 'post').requestBody!.content[
      'application/json'
    ].schema as { properties: object; required: string[] };
    expect(Object.keys(friendly.properties)).not.toContain('sessionId');
    expect(friendly.required).toEqual(['operatorId']);
    expect(op('/v1/sessions/{id}', 'get').requestBody).toBeUndefined();
  });

  it('documents the error statuses, the event stream and the probes', () => {
    const responses = op('/v1/sessions/{id}/close', 'post').responses;
    expect(Object.keys(responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '404', '409', '413', '500', '503', '504']),
    );
    expect(op('/v1/sessions', 'post').responses['201']).toBeDefined();
    expect(doc.paths['/v1/events'].get).toBeDefined();
    expect(doc.paths['/healthz'].get).toBeDefined();
  });
});
