// kustomize's `images` and `replicas` transformers, for the renderer in kustomize-renderer.ts.
import { JsonObject, JsonValue, getIn, isJsonObject, stringAt } from './json';

export interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}
export interface KustomizeReplica {
  name: string;
  count: number;
}

const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** Splits `registry/name:tag@digest` into its name and the rest. */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const [withoutDigest, digest] = image.split('@');
  const lastColon = withoutDigest.lastIndexOf(':');
  const hasTag = lastColon > withoutDigest.lastIndexOf('/');
  return {
    name: hasTag ? withoutDigest.slice(0, lastColon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(lastColon + 1) : undefined,
    digest,
  };
}

export function podSpecsOf(resource: JsonObject): JsonObject[] {
  const candidates = [
    getIn(resource, 'spec', 'template', 'spec'),
    getIn(resource, 'spec', 'jobTemplate', 'spec', 'template', 'spec'),
  ];
  return candidates.filter(isJsonObject);
}

export function containersOf(podSpec: JsonObject): JsonObject[] {
  const lists: Array<JsonValue | undefined> = [podSpec.initContainers, podSpec.containers];
  return lists.flatMap((list) => (Array.isArray(list) ? list.filter(isJsonObject) : []));
}

export function applyImages(resources: JsonObject[], images: KustomizeImage[]): void {
  for (const rule of images) {
    let used = false;
    for (const container of resources.flatMap(podSpecsOf).flatMap(containersOf)) {
      const current = typeof container.image === 'string' ? splitImage(container.image) : undefined;
      if (!current || current.name !== rule.name) continue;
      used = true;
      const name = rule.newName ?? current.name;
      const tag = rule.newTag ?? current.tag;
      const digest = rule.digest ?? (rule.newTag ? undefined : current.digest);
      container.image = `${name}${tag && !rule.digest ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
    }
    if (!used) throw new Error(`images: no container uses ${rule.name}`);
  }
}

export function applyReplicas(resources: JsonObject[], replicas: KustomizeReplica[]): void {
  for (const rule of replicas) {
    const targets = resources.filter(
      (resource) =>
        SCALABLE_KINDS.has(stringAt(resource, 'kind') ?? '') &&
        stringAt(resource, 'metadata', 'name') === rule.name,
    );
    if (targets.length === 0) throw new Error(`replicas: no workload named ${rule.name}`);
    for (const target of targets) {
      if (isJsonObject(target.spec)) target.spec.replicas = rule.count;
    }
  }
}
