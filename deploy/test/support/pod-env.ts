// Where each environment variable of a container comes from, resolved against the rendered
// ConfigMaps and Secrets, so that the specs can say "MONGO_URL comes from a Secret" precisely.
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { JsonObject } from './json';
import { dataKeys, findResource } from './rendered-manifests';

export type EnvSource =
  | { from: 'value'; value: string }
  | { from: 'configMap'; name: string; key: string }
  | { from: 'secret'; name: string; key: string }
  | { from: 'field'; path: string };

export function envSources(container: IContainer, resources: JsonObject[]): Map<string, EnvSource> {
  const sources = new Map<string, EnvSource>();
  for (const envFrom of container.envFrom ?? []) {
    const ref = envFrom.configMapRef ?? envFrom.secretRef;
    if (!ref?.name)
      throw new Error(`${container.name}: envFrom without a ConfigMap or Secret name`);
    const kind = envFrom.configMapRef ? 'ConfigMap' : 'Secret';
    for (const key of dataKeys(findResource(resources, kind, ref.name))) {
      sources.set(`${envFrom.prefix ?? ''}${key}`, {
        from: kind === 'ConfigMap' ? 'configMap' : 'secret',
        name: ref.name,
        key,
      });
    }
  }
  // Explicit env entries win over envFrom, as in Kubernetes.
  for (const entry of container.env ?? []) {
    const secretRef = entry.valueFrom?.secretKeyRef;
    const configRef = entry.valueFrom?.configMapKeyRef;
    const fieldRef = entry.valueFrom?.fieldRef;
    if (secretRef?.name)
      sources.set(entry.name, { from: 'secret', name: secretRef.name, key: secretRef.key });
    else if (configRef?.name)
      sources.set(entry.name, { from: 'configMap', name: configRef.name, key: configRef.key });
    else if (fieldRef) sources.set(entry.name, { from: 'field', path: fieldRef.fieldPath });
    else sources.set(entry.name, { from: 'value', value: entry.value ?? '' });
  }
  return sources;
}

/** The keys a referenced ConfigMap or Secret really has: a dangling reference fails the pod. */
export function sourceExists(source: EnvSource, resources: JsonObject[]): boolean {
  if (source.from !== 'configMap' && source.from !== 'secret') return true;
  const kind = source.from === 'configMap' ? 'ConfigMap' : 'Secret';
  try {
    return dataKeys(findResource(resources, kind, source.name)).includes(source.key);
  } catch {
    return false;
  }
}

/** The container with this name in a workload's pod template. */
export function containerNamed(
  workload: IDeployment | IStatefulSet | IJob,
  name: string,
): IContainer {
  const container = workload.spec?.template.spec?.containers.find(
    (candidate) => candidate.name === name,
  );
  if (!container) throw new Error(`no container ${name}`);
  return container;
}
