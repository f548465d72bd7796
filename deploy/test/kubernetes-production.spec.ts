// What the production overlay changes, and how secrets are handled: placeholders in the base,
// replaced whole in production from git-ignored files whose keys match the base Secrets.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import { JsonObject } from './support/json';
import { renderKustomization } from './support/kustomize-renderer';
import {
  PRODUCTION_DIR,
  dataKeys,
  findResource,
  productionSecretExamples,
  renderBase,
  renderProduction,
  secretValue,
} from './support/rendered-manifests';
import { DEPLOY_DIR, loadServicesFile } from './support/services-contract';

const contract = loadServicesFile();
const base = renderBase();
const production = renderProduction();
const SECRETS = { 'openlines-secrets': 'secrets.env', 'openlines-mongodb': 'mongodb.env' };

function workload(resources: JsonObject[], kind: string, name: string): IDeployment {
  return findResource(resources, kind, name) as unknown as IDeployment;
}

/** CPU in millicores and memory in MiB, enough to compare this repository's quantities. */
function quantity(value: string | number | undefined): number {
  const text = String(value ?? '0');
  const units: Record<string, number> = { m: 0.001, Mi: 1, Gi: 1024, '': 1 };
  const match = /^([\d.]+)(m|Mi|Gi)?$/.exec(text);
  if (!match) throw new Error(`unexpected quantity ${text}`);
  return Number(match[1]) * units[match[2] ?? ''];
}

function requests(resources: IResourceRequirements | undefined): [number, number] {
  return [quantity(resources?.requests?.cpu), quantity(resources?.requests?.memory)];
}

const workloads = [
  ...contract.services.map((service) => ['Deployment', service.name] as const),
  ['StatefulSet', 'nats'] as const,
  ['StatefulSet', 'mongodb'] as const,
];

describe.each(workloads)('production %s %s', (kind, name) => {
  it('runs more replicas with larger resource requests than the base', () => {
    const [before, after] = [workload(base, kind, name), workload(production, kind, name)];
    expect(after.spec?.replicas).toBeGreaterThanOrEqual(3);
    expect(after.spec?.replicas).toBeGreaterThan(before.spec?.replicas ?? 1);
    const [cpuBefore, memoryBefore] = requests(before.spec?.template.spec?.containers[0].resources);
    const [cpuAfter, memoryAfter] = requests(after.spec?.template.spec?.containers[0].resources);
    expect(cpuAfter).toBeGreaterThan(cpuBefore);
    expect(memoryAfter).toBeGreaterThan(memoryBefore);
  });
});

describe('the production overlay', () => {
  it('deploys every service image from one registry at one pinned release', () => {
    const images = contract.services.map(
      (service) =>
        workload(production, 'Deployment', service.name).spec?.template.spec?.containers[0].image,
    );
    const tags = new Set(images.map((image) => image?.split(':').pop()));
    expect(tags.size).toBe(1);
    expect([...tags][0]).toMatch(/^\d+\.\d+\.\d+$/);
    images.forEach((image, index) =>
      expect(image).toMatch(new RegExp(`^[a-z0-9.-]+/${contract.services[index].image}:`)),
    );
  });

  it('serves the ingress over TLS for its host', () => {
    const ingress = findResource(production, 'Ingress', 'openlines') as unknown as IIngress;
    const hosts = ingress.spec?.rules?.map((rule) => rule.host) ?? [];
    expect(ingress.spec?.tls?.flatMap((tls) => tls.hosts)).toEqual(hosts);
    expect(ingress.spec?.ingressClassName).toBeTruthy();
  });

  it.each(Object.entries(SECRETS))(
    'replaces Secret %s from %s with exactly the keys of the base',
    (name, file) => {
      const example = productionSecretExamples()[path.join(PRODUCTION_DIR, file)];
      const exampleKeys = example
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => line.split('=')[0]);
      expect(exampleKeys.sort()).toEqual(dataKeys(findResource(base, 'Secret', name)).sort());
      expect(dataKeys(findResource(production, 'Secret', name)).sort()).toEqual(exampleKeys.sort());
    },
  );

  it('keeps the real secret files out of git and cannot be built without them', () => {
    const ignored = readFileSync(path.join(PRODUCTION_DIR, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(Object.values(SECRETS)));
    // A copy without any *.env file, so that a local real secrets.env does not change the result.
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'openlines-overlay-')), 'deploy');
    try {
      cpSync(DEPLOY_DIR, copy, { recursive: true, filter: (source) => !source.endsWith('.env') });
      expect(() => renderKustomization(path.join(copy, 'overlays', 'production'))).toThrow(
        /secrets\.env|mongodb\.env/,
      );
    } finally {
      rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  });
});

describe('the base Secrets', () => {
  it('hold only placeholders marked REPLACE for every password, URL and key', () => {
    const sensitive = [
      ['openlines-secrets', 'NATS_PASSWORD'],
      ['openlines-secrets', 'API_KEYS'],
      ...contract.services
        .filter((s) => s.database !== null)
        .map((s) => ['openlines-secrets', `MONGO_URL_${s.name.toUpperCase()}`]),
      ['openlines-mongodb', 'MONGO_ROOT_PASSWORD'],
      ['openlines-mongodb', 'MONGO_APP_PASSWORD'],
      ['openlines-mongodb', 'MONGO_REPLICA_SET_KEY'],
    ];
    for (const [name, key] of sensitive) {
      expect({ key, value: secretValue(base, name, key) }).toEqual({
        key,
        value: expect.stringContaining('REPLACE'),
      });
    }
  });
});
