// Plain JSON values as parsed from YAML manifests, with the few guards the renderer and the
// specs need to walk them without `any`.
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asJsonObject(value: unknown, what: string): JsonObject {
  if (!isJsonObject(value)) throw new Error(`${what} must be a mapping`);
  return value;
}

export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** The value at a path of keys and indexes, or undefined when any step is missing. */
export function getIn(
  value: JsonValue | undefined,
  ...steps: Array<string | number>
): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const step of steps) {
    if (typeof step === 'number' && Array.isArray(current)) current = current[step];
    else if (typeof step === 'string' && isJsonObject(current)) current = current[step];
    else return undefined;
  }
  return current;
}

export function stringAt(
  value: JsonValue | undefined,
  ...steps: Array<string | number>
): string | undefined {
  const found = getIn(value, ...steps);
  return typeof found === 'string' ? found : undefined;
}

/** kind/namespace/name: how kustomize tells resources apart (and how the specs find them). */
export function resourceId(resource: JsonObject): string {
  const namespace = stringAt(resource, 'metadata', 'namespace') ?? '';
  return `${stringAt(resource, 'kind')}/${namespace}/${stringAt(resource, 'metadata', 'name')}`;
}
