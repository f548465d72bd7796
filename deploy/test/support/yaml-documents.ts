// YAML documents as plain values, for the kustomize renderer and the specs.
import { parseAllDocuments } from 'yaml';

export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0)
        throw new Error(document.errors.map((e) => e.message).join('; '));
      return document.toJS({ maxAliasCount: 100 }) as unknown;
    })
    .filter((value) => value !== null && value !== undefined);
}

export function listOf(value: unknown, field: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${field} must be a list`);
  return value;
}
