// Each service in deploy/services.json is deployed as its contract says, in the base and in
// production: Deployment (image, port, probes, env and where each value comes from, security,
// resources), Service, PodDisruptionBudget, HorizontalPodAutoscaler and Ingress paths.
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import { JsonObject } from './support/json';
import { parseMongoUrl } from './support/mongo-url';
import { envSources, sourceExists } from './support/pod-env';
import {
  findResource,
  renderBase,
  renderProduction,
  secretValue,
} from './support/rendered-manifests';
import { envNamesOf, loadServicesFile } from './support/services-contract';

const contract = loadServicesFile();
const renderings: Array<[string, JsonObject[]]> = [
  ['base', renderBase()],
  ['production', renderProduction()],
];
const cases = renderings.flatMap(([rendering, resources]) =>
  contract.services.map((service) => [rendering, service.name, resources, service] as const),
);

function resolvePort(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

describe.each(cases)('%s: %s', (rendering, name, resources, service) => {
  const deployment = findResource(resources, 'Deployment', name) as unknown as IDeployment;
  const podSpec = deployment.spec?.template.spec;
  const container = podSpec?.containers.find((candidate) => candidate.name === name) as IContainer;
  const podLabels = deployment.spec?.template.metadata?.labels ?? {};

  it('has a Deployment, a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler', () => {
    for (const kind of [
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
    ]) {
      expect(findResource(resources, kind, name)).toBeDefined();
    }
    expect(container).toBeDefined();
    expect(deployment.spec?.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
    expect(podLabels).toMatchObject(
      deployment.spec?.selector.matchLabels ?? { missing: 'selector' },
    );
  });

  it("runs the service's image with a pinned tag", () => {
    const image = container.image ?? '';
    const expectedPrefix =
      rendering === 'production' ? `registry.example.com/${service.image}:` : `${service.image}:`;
    expect(image.startsWith(expectedPrefix)).toBe(true);
    expect(image.slice(expectedPrefix.length)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('listens on the HTTP port of the contract, with liveness on /healthz and readiness on /readyz', () => {
    expect(container.ports).toEqual([{ name: 'http', containerPort: service.port }]);
    const { livenessProbe, readinessProbe, startupProbe } = container;
    expect(livenessProbe?.httpGet?.path).toBe(contract.probes.liveness);
    expect(readinessProbe?.httpGet?.path).toBe(contract.probes.readiness);
    expect(resolvePort(container, livenessProbe?.httpGet?.port)).toBe(service.port);
    expect(resolvePort(container, readinessProbe?.httpGet?.port)).toBe(service.port);
    if (startupProbe) {
      expect(startupProbe.httpGet?.path).toBe(contract.probes.liveness);
      expect(resolvePort(container, startupProbe.httpGet?.port)).toBe(service.port);
    }
  });

  it('gets every required env var, no unknown one, and secrets only from Secrets', () => {
    const sources = envSources(container, resources);
    const names = [...sources.keys()].sort();
    expect(names).toEqual(expect.arrayContaining(service.env.required));
    expect(names.filter((envName) => !envNamesOf(service).includes(envName))).toEqual([]);
    for (const [envName, source] of sources) {
      if (service.env.secret.includes(envName))
        expect({ envName, from: source.from }).toEqual({ envName, from: 'secret' });
      expect({ envName, exists: sourceExists(source, resources) }).toEqual({
        envName,
        exists: true,
      });
    }
    expect(sources.get('HTTP_PORT')).toEqual({ from: 'value', value: String(service.port) });
  });

  if (service.database === null) {
    it('gets no MONGO_URL and has no MongoDB URL in the Secret: it stores nothing', () => {
      expect([...envSources(container, resources).keys()]).not.toContain('MONGO_URL');
      const key = `MONGO_URL_${name.toUpperCase()}`;
      expect(secretValue(resources, 'openlines-secrets', key)).toBeUndefined();
    });
  } else {
    const database = service.database;
    it("points MONGO_URL at the service's own database in the replica set", () => {
      const source = envSources(container, resources).get('MONGO_URL');
      if (source?.from !== 'secret') throw new Error('MONGO_URL must come from a Secret');
      const url = parseMongoUrl(secretValue(resources, source.name, source.key) ?? '');
      expect(url.database).toBe(database);
      expect(url.options.get('replicaSet')).toBe('rs0');
      expect(url.hosts.length).toBe(rendering === 'production' ? 3 : 1);
      url.hosts.forEach((host, index) => expect(host).toBe(`mongodb-${index}.mongodb:27017`));
    });
  }

  it('runs as non-root without privilege escalation, with resource requests and limits', () => {
    expect(podSpec?.securityContext?.runAsNonRoot).toBe(true);
    expect(podSpec?.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    for (const bound of ['requests', 'limits'] as const) {
      expect(Object.keys(container.resources?.[bound] ?? {}).sort()).toEqual(['cpu', 'memory']);
    }
  });

  it('is reachable through a Service on its port', () => {
    const kubeService = findResource(resources, 'Service', name) as unknown as IService;
    expect(podLabels).toMatchObject(kubeService.spec?.selector ?? { missing: 'selector' });
    expect(kubeService.spec?.ports).toEqual([
      { name: 'http', port: service.port, targetPort: 'http' },
    ]);
  });

  it('keeps pods through voluntary disruptions and scales on CPU', () => {
    const pdb = findResource(
      resources,
      'PodDisruptionBudget',
      name,
    ) as unknown as IPodDisruptionBudget;
    expect(podLabels).toMatchObject(pdb.spec?.selector?.matchLabels ?? { missing: 'selector' });
    expect(pdb.spec?.maxUnavailable ?? pdb.spec?.minAvailable).toBeDefined();
    const hpa = findResource(
      resources,
      'HorizontalPodAutoscaler',
      name,
    ) as unknown as IHorizontalPodAutoscaler;
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    const replicas = deployment.spec?.replicas ?? 1;
    expect(hpa.spec?.minReplicas ?? 1).toBeLessThanOrEqual(replicas);
    expect(hpa.spec?.maxReplicas).toBeGreaterThanOrEqual(replicas);
    expect(hpa.spec?.metrics?.map((metric) => metric.resource?.name)).toContain('cpu');
  });

  it('receives exactly its ingress paths from outside', () => {
    const ingress = findResource(resources, 'Ingress', 'openlines') as unknown as IIngress;
    const paths = (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
    const mine = paths.filter((entry) => entry.backend.service?.name === name);
    expect(mine.map((entry) => entry.path).sort()).toEqual([...service.ingressPaths].sort());
    for (const entry of mine) {
      expect(entry.pathType).toBe('Prefix');
      expect(entry.backend.service?.port).toEqual({ name: 'http' });
    }
  });
});
