import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Namespace, ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { parseAllDocuments } from 'yaml';

export const k8sDir = resolve(__dirname, '../../k8s');

/** Every kustomization under deploy/k8s that `kubectl apply -k` may be given. */
export const kustomizations = ['base', 'overlays/production', 'overlays/single-cluster'];

export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

const runFile = promisify(execFile);

/** The objects `kubectl kustomize <dir>` renders, in its order. */
export async function renderKustomization(relativeDir: string): Promise<RenderedObject[]> {
  const { stdout } = await runFile('kubectl', ['kustomize', join(k8sDir, relativeDir)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return parseAllDocuments(stdout)
    .map((document) => {
      if (document.errors.length > 0) throw document.errors[0];
      return document.toJS() as RenderedObject | null;
    })
    .filter((object): object is RenderedObject => object !== null);
}

/** The Kubernetes 1.27 models (JSON schemas) of the kinds the manifests may hold. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/** Validates a core object against its schema (throws naming the field); false for other kinds. */
export function validateAgainstSchema(object: RenderedObject): boolean {
  const Model = models[`${object.apiVersion}/${object.kind}`];
  if (!Model) return false;
  new Model(object as never).validate();
  return true;
}
