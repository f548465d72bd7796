// RFC 6902 JSON patches (kustomize `patches` whose file is a list of operations): add, replace
// and remove, which is what the overlays use; move/copy/test are refused rather than ignored.
import { z } from 'zod';
import { JsonObject, JsonValue, cloneJson, isJsonObject } from './json';

const OperationSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: z.string(), value: z.unknown() }).strict(),
  z.object({ op: z.literal('replace'), path: z.string(), value: z.unknown() }).strict(),
  z.object({ op: z.literal('remove'), path: z.string() }).strict(),
]);
export const JsonPatchSchema = z.array(OperationSchema);
export type JsonPatch = z.infer<typeof JsonPatchSchema>;

export function applyJsonPatch(document: JsonObject, patch: JsonPatch): JsonObject {
  const result = cloneJson(document);
  for (const operation of patch) {
    const tokens = operation.path
      .split('/')
      .slice(1)
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop();
    if (last === undefined) throw new Error(`cannot ${operation.op} the whole document`);
    const parent = tokens.reduce<JsonValue>(
      (node, token) => child(node, token, operation.path),
      result,
    );
    const value = 'value' in operation ? cloneJson(operation.value as JsonValue) : null;
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      const bound = operation.op === 'add' ? parent.length : parent.length - 1;
      if (!Number.isInteger(index) || index < 0 || index > bound) {
        throw new Error(`${operation.path}: index ${last} is out of range`);
      }
      if (operation.op === 'add') parent.splice(index, 0, value);
      else if (operation.op === 'replace') parent[index] = value;
      else parent.splice(index, 1);
    } else if (isJsonObject(parent)) {
      if (operation.op !== 'add' && !(last in parent))
        throw new Error(`${operation.path} does not exist`);
      if (operation.op === 'remove') delete parent[last];
      else parent[last] = value;
    } else {
      throw new Error(`${operation.path}: parent is not a mapping or a list`);
    }
  }
  return result;
}

function child(node: JsonValue, token: string, fullPath: string): JsonValue {
  const next = Array.isArray(node)
    ? node[Number(token)]
    : isJsonObject(node)
      ? node[token]
      : undefined;
  if (next === undefined) throw new Error(`${fullPath}: ${token} does not exist`);
  return next;
}
