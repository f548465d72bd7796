// The two deployable renderings of deploy/: the base and the production overlay. Production is
// rendered with its *.env.example files standing in for the git-ignored secrets.env/mongodb.env.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEPLOY_DIR } from './services-contract';
import { JsonObject, getIn, isJsonObject, stringAt } from './json';
import { renderKustomization } from './kustomize-renderer';

export const BASE_DIR = path.join(DEPLOY_DIR, 'base');
export const PRODUCTION_DIR = path.join(DEPLOY_DIR, 'overlays', 'production');

export function renderBase(): JsonObject[] {
  return renderKustomization(BASE_DIR);
}

export function productionSecretExamples(): Record<string, string> {
  const examples = readdirSync(PRODUCTION_DIR).filter((file) => file.endsWith('.env.example'));
  return Object.fromEntries(
    examples.map((file) => [
      path.join(PRODUCTION_DIR, file.replace(/\.example$/, '')),
      readFileSync(path.join(PRODUCTION_DIR, file), 'utf8'),
    ]),
  );
}

export function renderProduction(): JsonObject[] {
  return renderKustomization(PRODUCTION_DIR, { fileOverrides: productionSecretExamples() });
}

export function findResource(resources: JsonObject[], kind: string, name: string): JsonObject {
  const found = resources.find(
    (resource) => resource.kind === kind && stringAt(resource, 'metadata', 'name') === name,
  );
  if (!found) throw new Error(`${kind} ${name} is not in the rendered manifests`);
  return found;
}

export function hasResource(resources: JsonObject[], kind: string, name: string): boolean {
  return resources.some(
    (resource) => resource.kind === kind && stringAt(resource, 'metadata', 'name') === name,
  );
}

/** A Secret's value for a key, from stringData (as written in the base) or base64 data. */
export function secretValue(
  resources: JsonObject[],
  name: string,
  key: string,
): string | undefined {
  const secret = findResource(resources, 'Secret', name);
  const plain = stringAt(secret, 'stringData', key);
  if (plain !== undefined) return plain;
  const encoded = stringAt(secret, 'data', key);
  return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
}

export function dataKeys(resource: JsonObject): string[] {
  return ['data', 'stringData'].flatMap((field) => {
    const data = getIn(resource, field);
    return isJsonObject(data) ? Object.keys(data) : [];
  });
}
