// Every Kubernetes object this repository deploys validates against the Kubernetes API schema,
// in the base and in the production overlay as rendered, and no manifest file is left unused.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JsonObject, resourceId, stringAt } from './support/json';
import { parseYamlDocuments } from './support/yaml-documents';
import { kubernetesSchemaErrors } from './support/kubernetes-validation';
import {
  BASE_DIR,
  PRODUCTION_DIR,
  findResource,
  renderBase,
  renderProduction,
} from './support/rendered-manifests';
import { DEPLOY_DIR } from './support/services-contract';

const renderings: Array<[string, JsonObject[]]> = [
  ['base', renderBase()],
  ['production', renderProduction()],
];

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return entry.endsWith('.yaml') ? [full] : [];
  });
}

/** Files named by the kustomizations under deploy/ (resources and patch paths). */
function referencedFiles(): Set<string> {
  const referenced = new Set<string>();
  for (const file of yamlFilesUnder(DEPLOY_DIR).filter(
    (f) => path.basename(f) === 'kustomization.yaml',
  )) {
    const [kustomization] = parseYamlDocuments(readFileSync(file, 'utf8')) as Array<
      Record<string, unknown>
    >;
    const resources = (kustomization.resources as string[] | undefined) ?? [];
    const patches = ((kustomization.patches as Array<{ path?: string }> | undefined) ?? []).map(
      (p) => p.path,
    );
    for (const entry of [...resources, ...patches]) {
      if (entry) referenced.add(path.resolve(path.dirname(file), entry));
    }
  }
  return referenced;
}

describe.each(renderings)('the %s rendering', (_name, resources) => {
  it('holds the objects a deployment needs', () => {
    expect(resources.length).toBeGreaterThan(30);
    expect(findResource(resources, 'Namespace', 'openlines')).toBeDefined();
  });

  it('validates against the Kubernetes API schema, object by object', () => {
    const errors = resources.flatMap(kubernetesSchemaErrors);
    expect(errors).toEqual([]);
  });

  it('puts every namespaced object into the openlines namespace', () => {
    const outside = resources
      .filter((resource) => resource.kind !== 'Namespace')
      .filter((resource) => stringAt(resource, 'metadata', 'namespace') !== 'openlines')
      .map(resourceId);
    expect(outside).toEqual([]);
  });

  it('labels every object as part of openlines', () => {
    const unlabelled = resources
      .filter(
        (resource) =>
          stringAt(resource, 'metadata', 'labels', 'app.kubernetes.io/part-of') !== 'openlines',
      )
      .map(resourceId);
    expect(unlabelled).toEqual([]);
  });
});

describe('manifest files', () => {
  it('are all used by a kustomization (no forgotten file)', () => {
    const referenced = referencedFiles();
    const unused = yamlFilesUnder(DEPLOY_DIR)
      .filter((file) => path.basename(file) !== 'kustomization.yaml')
      .filter((file) => file.startsWith(BASE_DIR) || file.startsWith(PRODUCTION_DIR))
      .filter((file) => !referenced.has(file) && !referenced.has(path.dirname(file)));
    expect(unused).toEqual([]);
  });

  it('the schema check rejects a broken manifest (it is not a rubber stamp)', () => {
    const deployment = structuredClone(findResource(renderBase(), 'Deployment', 'sessions'));
    const broken = JSON.parse(
      JSON.stringify(deployment).replace('"containerPort":3003', '"containerPort":"3003"'),
    );
    expect(kubernetesSchemaErrors(broken).join()).toMatch(/containerPort must be integer/);
    const missingSelector = {
      ...deployment,
      spec: { ...(deployment.spec as JsonObject), selector: null },
    };
    expect(kubernetesSchemaErrors(missingSelector as JsonObject)).not.toEqual([]);
  });
});
