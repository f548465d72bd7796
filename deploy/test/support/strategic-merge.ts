// The subset of Kubernetes strategic-merge-patch semantics that this repository's overlays use:
// mappings merge key by key, `null` deletes a key, lists of containers/env/volumes/ports/... merge
// item by item on their patch merge key (as the Kubernetes API declares it), every other list is
// replaced whole. Patch directives ($patch, $setElementOrder, ...) are refused, not ignored.
import { JsonValue, cloneJson, isJsonObject } from './json';

const MERGE_KEYS: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  imagePullSecrets: ['name'],
  // containerPort for a container's ports, port for a Service's.
  ports: ['containerPort', 'port'],
};

export function strategicMerge(
  target: JsonValue | undefined,
  patch: JsonValue,
  field?: string,
): JsonValue {
  if (isJsonObject(patch)) {
    const directive = Object.keys(patch).find((key) => key.startsWith('$'));
    if (directive) throw new Error(`strategic merge directive ${directive} is not supported`);
    if (!isJsonObject(target)) return withoutNulls(patch);
    const merged = { ...target };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else merged[key] = strategicMerge(merged[key], value, key);
    }
    return merged;
  }
  if (Array.isArray(patch)) return mergeList(target, patch, field);
  return patch;
}

function mergeList(target: JsonValue | undefined, patch: JsonValue[], field?: string): JsonValue {
  const candidates = field ? MERGE_KEYS[field] : undefined;
  const key = candidates?.find((name) => patch.every((item) => isJsonObject(item) && name in item));
  if (!key || !Array.isArray(target)) return cloneJson(patch);
  const merged = [...target];
  for (const item of patch) {
    if (!isJsonObject(item)) continue;
    const index = merged.findIndex(
      (existing) => isJsonObject(existing) && existing[key] === item[key],
    );
    if (index >= 0) merged[index] = strategicMerge(merged[index], item);
    else merged.push(withoutNulls(item));
  }
  return merged;
}

function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== null)
      .map(([key, entry]) => [key, withoutNulls(entry)]),
  );
}
