// Validates manifests against the Kubernetes API schemas shipped by `kubernetes-models` (the
// OpenAPI definitions compiled to ajv validators: types, required fields, formats, enums).
// Those schemas allow unknown fields, as the API server's non-strict mode does, so the specs
// check the fields that matter (ports, probes, env) explicitly as well.
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { JsonObject, resourceId, stringAt } from './json';

interface Validatable {
  validate(): void;
}

// Every apiVersion/kind this repository deploys; anything else is reported, not skipped.
const MODELS: Record<string, new (data: never) => Validatable> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
};

/** Returns the schema errors of one manifest (empty when it is valid). */
export function kubernetesSchemaErrors(resource: JsonObject): string[] {
  const apiVersion = stringAt(resource, 'apiVersion');
  const kind = stringAt(resource, 'kind');
  const Model = MODELS[`${apiVersion}/${kind}`];
  if (!Model) return [`${resourceId(resource)}: no schema known for ${apiVersion} ${kind}`];
  if (!stringAt(resource, 'metadata', 'name'))
    return [`${resourceId(resource)}: metadata.name is required`];
  try {
    new Model(resource as never).validate();
    return [];
  } catch (error) {
    return [`${apiVersion} ${resourceId(resource)}: ${(error as Error).message}`];
  }
}
