// A small, honest stand-in for `kustomize build` (no kustomize binary on CI machines): it
// implements exactly the kustomization features this repository uses — resources (files and
// directories), namespace, images, replicas, patches (strategic merge or JSON 6902, with
// kind/name/labelSelector targets) and secretGenerator with behavior: replace — and throws on
// any other field or option instead of silently rendering something else. Where kubectl is
// installed, kustomize-renderer.spec.ts checks that both render the same objects.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JsonObject, asJsonObject, resourceId, stringAt } from './json';
import {
  applyImages,
  applyReplicas,
  KustomizeImage,
  KustomizeReplica,
} from './kustomize-transformers';
import { applyPatch, replaceSecret } from './kustomize-patches';
import { listOf, parseYamlDocuments } from './yaml-documents';

const SUPPORTED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'replicas',
  'patches',
  'secretGenerator',
]);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
]);

export interface RenderOptions {
  /** Contents to use instead of files on disk, by absolute path (e.g. an overlay's secrets.env). */
  fileOverrides?: Record<string, string>;
}

export function renderKustomization(dir: string, options: RenderOptions = {}): JsonObject[] {
  const readText = (file: string): string =>
    options.fileOverrides?.[file] ?? readFileSync(file, 'utf8');
  const kustomizationFile = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
    .map((name) => path.join(dir, name))
    .find((file) => existsSync(file));
  if (!kustomizationFile) throw new Error(`${dir} has no kustomization.yaml`);
  const kustomization = asJsonObject(
    parseYamlDocuments(readText(kustomizationFile))[0],
    kustomizationFile,
  );
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length > 0)
    throw new Error(`${kustomizationFile}: unsupported ${unsupported.join(', ')}`);

  let resources: JsonObject[] = [];
  for (const entry of listOf(kustomization.resources, 'resources')) {
    const target = path.resolve(dir, String(entry));
    const loaded =
      existsSync(target) && statSync(target).isDirectory()
        ? renderKustomization(target, options)
        : parseYamlDocuments(readText(target)).map((doc) => asJsonObject(doc, target));
    for (const resource of loaded) {
      if (resources.some((known) => resourceId(known) === resourceId(resource))) {
        throw new Error(`${resourceId(resource)} is defined twice`);
      }
      resources.push(resource);
    }
  }
  for (const generator of listOf(kustomization.secretGenerator, 'secretGenerator')) {
    resources = replaceSecret(resources, asJsonObject(generator, 'secretGenerator'), dir, readText);
  }
  for (const entry of listOf(kustomization.patches, 'patches')) {
    resources = applyPatch(resources, asJsonObject(entry, 'patches[]'), dir, readText);
  }
  const namespace = kustomization.namespace;
  if (typeof namespace === 'string') {
    for (const resource of resources) {
      const kind = stringAt(resource, 'kind') ?? '';
      if (!CLUSTER_SCOPED.has(kind))
        asJsonObject(resource.metadata, 'metadata').namespace = namespace;
    }
  }
  applyImages(resources, listOf(kustomization.images, 'images') as KustomizeImage[]);
  applyReplicas(resources, listOf(kustomization.replicas, 'replicas') as KustomizeReplica[]);
  return resources;
}
