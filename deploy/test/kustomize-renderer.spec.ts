// The test renderer against the real thing: wherever kubectl (with its built-in kustomize) is
// installed, both must render the same objects from the base and the production overlay. The
// remaining cases pin the renderer's own behaviour, including its refusal of unknown features.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsonObject, isJsonObject, resourceId } from './support/json';
import { renderKustomization } from './support/kustomize-renderer';
import { parseYamlDocuments } from './support/yaml-documents';
import {
  productionSecretExamples,
  renderBase,
  renderProduction,
} from './support/rendered-manifests';
import { DEPLOY_DIR } from './support/services-contract';

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 20000 });
    return true;
  } catch {
    return false;
  }
}

/** By id, with Secret data unwrapped: kustomize folds long base64 lines, which decoders skip. */
function byId(resources: JsonObject[]): Record<string, JsonObject> {
  return Object.fromEntries(
    resources.map((resource) => {
      const data =
        resource.kind === 'Secret' && isJsonObject(resource.data) ? resource.data : undefined;
      const unwrapped = data
        ? {
            ...resource,
            data: Object.fromEntries(
              Object.entries(data).map(([k, v]) => [k, String(v).replace(/\s/g, '')]),
            ),
          }
        : resource;
      return [resourceId(resource), unwrapped];
    }),
  );
}

const workDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-kustomize-'));
  workDirs.push(dir);
  return dir;
}
afterAll(() => workDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const withKubectl = kubectlAvailable() ? it : it.skip;

describe('the kustomize renderer', () => {
  withKubectl('renders the base exactly as kubectl kustomize does', () => {
    const output = execFileSync('kubectl', ['kustomize', path.join(DEPLOY_DIR, 'base')], {
      encoding: 'utf8',
    });
    expect(byId(renderBase())).toEqual(byId(parseYamlDocuments(output) as JsonObject[]));
  });

  withKubectl('renders the production overlay exactly as kubectl kustomize does', () => {
    const copy = path.join(tempDir(), 'deploy');
    cpSync(DEPLOY_DIR, copy, { recursive: true });
    for (const [file, content] of Object.entries(productionSecretExamples())) {
      writeFileSync(path.join(copy, path.relative(DEPLOY_DIR, file)), content);
    }
    const output = execFileSync(
      'kubectl',
      ['kustomize', path.join(copy, 'overlays', 'production')],
      {
        encoding: 'utf8',
      },
    );
    expect(byId(renderProduction())).toEqual(byId(parseYamlDocuments(output) as JsonObject[]));
  });

  it('refuses a kustomization field it does not implement', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: []\nnamePrefix: x-\n');
    expect(() => renderKustomization(dir)).toThrow(/unsupported namePrefix/);
  });

  it('fails when a secretGenerator file is missing, as kustomize does', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'base'));
    writeFileSync(path.join(dir, 'base', 'kustomization.yaml'), 'resources: [secret.yaml]\n');
    writeFileSync(
      path.join(dir, 'base', 'secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\nstringData: { A: x }\n',
    );
    writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'resources: [base]\nsecretGenerator:\n  - { name: s, behavior: replace, envs: [s.env] }\n',
    );
    expect(() => renderKustomization(dir)).toThrow(/ENOENT/);
    writeFileSync(path.join(dir, 's.env'), '# comment\nA=y=z\n');
    const [secret] = renderKustomization(dir);
    expect(secret).toMatchObject({
      kind: 'Secret',
      type: 'Opaque',
      data: { A: Buffer.from('y=z').toString('base64') },
    });
    expect(secret.stringData).toBeUndefined();
  });

  it('merges containers and env by name, replaces other lists, and applies JSON patches by label', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'deployment.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web, labels: { tier: front } }',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - { name: web, image: web:1, args: [a, b], env: [{ name: A, value: "1" }, { name: B, value: "2" }] }',
        '        - { name: side, image: side:1 }',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'patch.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n' +
        '      containers:\n        - { name: web, args: [c], env: [{ name: B, value: "3" }, { name: C, value: "4" }] }\n',
    );
    writeFileSync(path.join(dir, 'json.yaml'), '- { op: add, path: /spec/replicas, value: 2 }\n');
    writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'resources: [deployment.yaml]\npatches:\n  - path: patch.yaml\n' +
        '  - { path: json.yaml, target: { kind: Deployment, labelSelector: tier=front } }\n' +
        'images:\n  - { name: side, newName: registry/side, newTag: "2" }\n',
    );
    const [deployment] = renderKustomization(dir);
    expect(deployment).toMatchObject({
      spec: {
        replicas: 2,
        template: {
          spec: {
            containers: [
              {
                name: 'web',
                image: 'web:1',
                args: ['c'],
                env: [
                  { name: 'A', value: '1' },
                  { name: 'B', value: '3' },
                  { name: 'C', value: '4' },
                ],
              },
              { name: 'side', image: 'registry/side:2' },
            ],
          },
        },
      },
    });
  });
});
