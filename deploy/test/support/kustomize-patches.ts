// kustomize `patches` (strategic merge or JSON 6902, with kind/name/labelSelector targets) and
// `secretGenerator` with behavior: replace, for kustomize-renderer.ts. Anything else is refused.
import path from 'node:path';
import { applyJsonPatch, JsonPatchSchema } from './json-patch';
import { JsonObject, asJsonObject, isJsonObject, stringAt } from './json';
import { strategicMerge } from './strategic-merge';
import { listOf, parseYamlDocuments } from './yaml-documents';

export function applyPatch(
  resources: JsonObject[],
  entry: JsonObject,
  dir: string,
  readText: (file: string) => string,
): JsonObject[] {
  const unknownKeys = Object.keys(entry).filter(
    (key) => !['path', 'patch', 'target'].includes(key),
  );
  if (unknownKeys.length > 0)
    throw new Error(`patch option ${unknownKeys.join(', ')} is not supported`);
  const text =
    typeof entry.path === 'string' ? readText(path.resolve(dir, entry.path)) : String(entry.patch);
  const documents = parseYamlDocuments(text);
  const target =
    entry.target === undefined ? undefined : asJsonObject(entry.target, 'patch target');
  if (documents.length === 1 && Array.isArray(documents[0])) {
    if (!target) throw new Error('a JSON 6902 patch needs a target');
    const operations = JsonPatchSchema.parse(documents[0]);
    return resources.map((resource) =>
      matches(resource, target) ? applyJsonPatch(resource, operations) : resource,
    );
  }
  let result = resources;
  for (const document of documents) {
    const patch = asJsonObject(document, 'strategic merge patch');
    const selector = target ?? {
      kind: stringAt(patch, 'kind') ?? '',
      name: stringAt(patch, 'metadata', 'name') ?? '',
    };
    if (!result.some((resource) => matches(resource, selector))) {
      throw new Error(`patch target ${JSON.stringify(selector)} matches no resource`);
    }
    result = result.map((resource) => {
      if (!matches(resource, selector)) return resource;
      const patchForTarget = target ? { ...patch, metadata: resource.metadata } : patch;
      return asJsonObject(strategicMerge(resource, patchForTarget), 'patched resource');
    });
  }
  return result;
}

function matches(resource: JsonObject, target: JsonObject): boolean {
  const unknownKeys = Object.keys(target).filter(
    (key) => !['kind', 'name', 'labelSelector'].includes(key),
  );
  if (unknownKeys.length > 0)
    throw new Error(`patch target field ${unknownKeys.join(', ')} is not supported`);
  if (target.kind !== undefined && stringAt(resource, 'kind') !== target.kind) return false;
  if (target.name !== undefined && stringAt(resource, 'metadata', 'name') !== target.name)
    return false;
  if (typeof target.labelSelector === 'string') {
    return target.labelSelector.split(',').every((term) => {
      const [key, value] = term.split('=').map((part) => part.trim());
      return stringAt(resource, 'metadata', 'labels', key) === value;
    });
  }
  return true;
}

export function replaceSecret(
  resources: JsonObject[],
  generator: JsonObject,
  dir: string,
  readText: (file: string) => string,
): JsonObject[] {
  const unknownKeys = Object.keys(generator).filter(
    (key) => !['name', 'behavior', 'envs'].includes(key),
  );
  if (unknownKeys.length > 0)
    throw new Error(`secretGenerator field ${unknownKeys.join(', ')} is not supported`);
  // `create` would add a content-hash suffix and rewrite every reference: not implemented here.
  if (generator.behavior !== 'replace')
    throw new Error('only secretGenerator behavior: replace is supported');
  const data: JsonObject = {};
  for (const file of listOf(generator.envs, 'envs')) {
    for (const line of readText(path.resolve(dir, String(file))).split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const separator = trimmed.indexOf('=');
      if (separator <= 0) throw new Error(`${file}: "${trimmed}" is not KEY=VALUE`);
      data[trimmed.slice(0, separator)] = Buffer.from(trimmed.slice(separator + 1)).toString(
        'base64',
      );
    }
  }
  const index = resources.findIndex(
    (resource) =>
      resource.kind === 'Secret' && stringAt(resource, 'metadata', 'name') === generator.name,
  );
  if (index < 0) throw new Error(`secretGenerator ${String(generator.name)}: no Secret to replace`);
  const existing = resources[index];
  const replaced: JsonObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: existing.metadata,
    type: isJsonObject(existing) && typeof existing.type === 'string' ? existing.type : 'Opaque',
    data,
  };
  return resources.map((resource, position) => (position === index ? replaced : resource));
}
