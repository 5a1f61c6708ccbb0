import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { IDeployment, IStatefulSet } from 'kubernetes-models/apps/v1';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IConfigMap, IContainer, IPodSpec, IService } from 'kubernetes-models/v1';
import { parse as parseYaml } from 'yaml';
import { apiConfigKeys, loadApiConfig } from '../../api/src/core/config/api.config';
import { loadPlatformConfig, platformConfigKeys } from '../../platform/src/platform.config';
import {
  k8sDir,
  kustomizations,
  renderKustomization,
  RenderedObject,
  validateAgainstSchema,
} from './support/kustomize';

/** The secret files every part of the deployment shares (docs/operations.md, deploy/secrets.example). */
const documentedSecrets = [
  'postgres-password',
  'platform-vehicles-api-key',
  'google-maps-api-key',
  'documents-s3-access-key-id',
  'documents-s3-secret-access-key',
  'smtp-url',
  'auth-signing-key',
  'auth-cookie-key',
  'postgres-ca.crt',
  'metrics-token',
  'traefik-dashboard-users',
];
/** Secrets every api replica must have: the shared platform key and the embedded issuer's keys. */
const requiredSecrets: Record<string, string[]> = {
  api: ['auth-cookie-key', 'auth-signing-key', 'platform-vehicles-api-key', 'postgres-password'],
  platform: ['platform-vehicles-api-key', 'postgres-password'],
};
/** The Ingress's certificate: a kubernetes.io/tls secret, made by hand or by cert-manager. */
const tlsSecret = 'motovaultpro-tls';

/** The compose stack's Traefik routes: path prefix → service, and whether the prefix is stripped. */
const composeRoutes = {
  '/': { service: 'web', stripped: false },
  '/api': { service: 'api', stripped: false },
  '/auth': { service: 'api', stripped: false },
  '/platform': { service: 'platform', stripped: true },
};

/** What process-level variables the services read besides their config keys. */
const loaderVariables = ['CONFIG_PATH', 'SECRETS_DIR'];

/** Fields kustomize v2.0.3 (Debian's kubectl 1.20) understands; v5 still accepts all of them. */
const kustomizeV2Fields = [
  'apiVersion',
  'kind',
  'namespace',
  'namePrefix',
  'nameSuffix',
  'commonLabels',
  'commonAnnotations',
  'bases',
  'resources',
  'configMapGenerator',
  'secretGenerator',
  'generatorOptions',
  'patchesStrategicMerge',
  'patchesJson6902',
  'images',
  'vars',
  'crds',
];

const services = ['api', 'platform', 'web'];

interface Route {
  ingress: IIngress;
  path: string;
  pathType: string;
  service: string;
  port: string | number | undefined;
  middlewares: string[];
}

function ofKind<T>(objects: RenderedObject[], kind: string): T[] {
  return objects.filter((object) => object.kind === kind) as unknown as T[];
}

function named<T extends { metadata?: { name?: string } }>(objects: T[], name: string): T {
  const found = objects.find((object) => object.metadata?.name === name);
  if (!found) throw new Error(`no ${name} in the rendered manifests`);
  return found;
}

function podSpecOf(workload: IDeployment | IStatefulSet): IPodSpec {
  const spec = workload.spec?.template.spec;
  if (!spec) throw new Error(`${workload.metadata?.name} has no pod spec`);
  return spec;
}

function onlyContainer(workload: IDeployment | IStatefulSet): IContainer {
  const containers = podSpecOf(workload).containers;
  expect(containers).toHaveLength(1);
  return containers[0];
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

/** The YAML config a Deployment's container reads: CONFIG_PATH, resolved through its ConfigMap mount. */
function configFileOf(objects: RenderedObject[], deployment: IDeployment): { path: string; text: string } {
  const container = onlyContainer(deployment);
  const path = container.env?.find((variable) => variable.name === 'CONFIG_PATH')?.value;
  if (!path) throw new Error(`${deployment.metadata?.name} sets no CONFIG_PATH`);
  const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === dirname(path));
  const volume = podSpecOf(deployment).volumes?.find((candidate) => candidate.name === mount?.name);
  const configMap = named(ofKind<IConfigMap>(objects, 'ConfigMap'), volume?.configMap?.name ?? '(none)');
  const text = configMap.data?.[basename(path)];
  if (text === undefined) throw new Error(`${configMap.metadata?.name} has no ${basename(path)}`);
  return { path, text };
}

function configKeysOf(text: string): string[] {
  return Object.keys((parseYaml(text) as Record<string, unknown> | null) ?? {}).map((key) => key.toUpperCase());
}

/** Loads a service's config as the pod would: this YAML as CONFIG_PATH, no secret files, no other variables. */
function loadAsPodWould<Config>(text: string, load: (env: NodeJS.ProcessEnv) => Config): Config {
  const scratch = mkdtempSync(join(tmpdir(), 'mvp-k8s-config-'));
  try {
    const configPath = join(scratch, 'config.yml');
    writeFileSync(configPath, text);
    const secretsDir = join(scratch, 'secrets');
    return load({ CONFIG_PATH: configPath, SECRETS_DIR: secretsDir });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function routesOf(objects: RenderedObject[]): Route[] {
  return ofKind<IIngress>(objects, 'Ingress').flatMap((ingress) => {
    const middlewares = (ingress.metadata?.annotations?.['traefik.ingress.kubernetes.io/router.middlewares'] ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    return (ingress.spec?.rules ?? []).flatMap((rule) =>
      (rule.http?.paths ?? []).map((path) => ({
        ingress,
        path: path.path ?? '',
        pathType: path.pathType,
        service: path.backend.service?.name ?? '',
        port: path.backend.service?.port?.name ?? path.backend.service?.port?.number,
        middlewares,
      })),
    );
  });
}

/** Every Secret name a pod reads: projected and plain secret volumes, env and envFrom. */
function secretReferences(spec: IPodSpec): { name: string; optional: boolean }[] {
  const fromVolumes = (spec.volumes ?? []).flatMap((volume) => [
    ...(volume.secret ? [{ name: volume.secret.secretName ?? '', optional: volume.secret.optional ?? false }] : []),
    ...(volume.projected?.sources ?? [])
      .filter((source) => source.secret)
      .map((source) => ({ name: source.secret?.name ?? '', optional: source.secret?.optional ?? false })),
  ]);
  const fromEnv = [...spec.containers, ...(spec.initContainers ?? [])].flatMap((container) => [
    ...(container.env ?? [])
      .filter((variable) => variable.valueFrom?.secretKeyRef)
      .map((variable) => ({
        name: variable.valueFrom?.secretKeyRef?.name ?? '',
        optional: variable.valueFrom?.secretKeyRef?.optional ?? false,
      })),
    ...(container.envFrom ?? [])
      .filter((source) => source.secretRef)
      .map((source) => ({ name: source.secretRef?.name ?? '', optional: source.secretRef?.optional ?? false })),
  ]);
  return [...fromVolumes, ...fromEnv];
}

function workloadsOf(objects: RenderedObject[]): (IDeployment | IStatefulSet)[] {
  return [...ofKind<IDeployment>(objects, 'Deployment'), ...ofKind<IStatefulSet>(objects, 'StatefulSet')];
}

describe.each(kustomizations)('deploy/k8s/%s', (kustomization) => {
  let objects: RenderedObject[];
  let deployments: IDeployment[];

  beforeAll(async () => {
    objects = await renderKustomization(kustomization);
    deployments = ofKind<IDeployment>(objects, 'Deployment');
  });

  it('renders objects that match the Kubernetes schemas, all in the motovaultpro namespace', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      if (!validateAgainstSchema(object)) {
        // Traefik's Middleware is the one custom resource: its shape is checked by hand.
        expect(`${object.apiVersion}/${object.kind}`).toBe('traefik.io/v1alpha1/Middleware');
        expect(object.spec).toEqual(expect.any(Object));
      }
      if (object.kind === 'Namespace') expect(object.metadata.name).toBe('motovaultpro');
      else expect(object.metadata.namespace).toBe('motovaultpro');
    }
    expect(ofKind<RenderedObject>(objects, 'Namespace')).toHaveLength(1);
  });

  it('runs web, api and platform with their images, /health probes and requests and limits', () => {
    expect(deployments.map((deployment) => deployment.metadata?.name).sort()).toEqual(services);
    for (const deployment of deployments) {
      const name = deployment.metadata?.name ?? '';
      const container = onlyContainer(deployment);
      expect(container.image).toMatch(new RegExp(`^motovaultpro/${name}:[\\w.-]+$`));
      const portNames = (container.ports ?? []).map((port) => port.name);
      for (const probe of [container.readinessProbe, container.livenessProbe]) {
        expect(probe?.httpGet?.path).toBe('/health');
        expect(portNames).toContain(probe?.httpGet?.port);
      }
      if (container.startupProbe) expect(container.startupProbe.httpGet?.path).toBe('/health');
      for (const amounts of [container.resources?.requests, container.resources?.limits]) {
        expect(amounts).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
      }
    }
  });

  it('runs every container as a non-root user on a read-only root file system without privileges', () => {
    for (const workload of workloadsOf(objects)) {
      const spec = podSpecOf(workload);
      expect(spec.securityContext).toEqual(
        expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }),
      );
      expect(spec.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(spec.automountServiceAccountToken).toBe(false);
      for (const container of spec.containers) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        const writable = (container.volumeMounts ?? []).filter((mount) => !mount.readOnly).map((mount) => mount.name);
        for (const name of writable) {
          const volume = spec.volumes?.find((candidate) => candidate.name === name);
          const claim = (workload as IStatefulSet).spec?.volumeClaimTemplates?.find(
            (template) => template.metadata?.name === name,
          );
          expect(Boolean(volume?.emptyDir) || Boolean(claim)).toBe(true);
        }
      }
    }
    // The images' user: node (1000) in the api and platform images.
    for (const name of ['api', 'platform']) {
      const spec = podSpecOf(named(deployments, name));
      expect(spec.securityContext?.runAsUser).toBe(1000);
      const tmp = onlyContainer(named(deployments, name)).volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      expect(spec.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
    }
  });

  it('keeps two or more replicas of each service, each covered by a disruption budget', () => {
    const budgets = ofKind<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
    for (const deployment of deployments) {
      expect(deployment.spec?.replicas).toBeGreaterThanOrEqual(2);
      const labels = deployment.spec?.template.metadata?.labels;
      const covering = budgets.filter((budget) => selects(budget.spec?.selector?.matchLabels, labels));
      expect(covering.map((budget) => budget.metadata?.name)).toEqual([deployment.metadata?.name]);
      expect(covering[0].spec?.minAvailable).toBeLessThan(deployment.spec?.replicas ?? 0);
    }
  });

  it('autoscales the api Deployment on CPU from two replicas up', () => {
    const autoscalers = ofKind<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
    expect(autoscalers).toHaveLength(1);
    const [autoscaler] = autoscalers;
    expect(autoscaler.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' });
    expect(autoscaler.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    expect(autoscaler.spec?.minReplicas).toBeLessThanOrEqual(named(deployments, 'api').spec?.replicas ?? 0);
    expect(autoscaler.spec?.maxReplicas).toBeGreaterThan(autoscaler.spec?.minReplicas ?? 0);
    // Utilization is measured against requests, so the api must request CPU.
    expect(onlyContainer(named(deployments, 'api')).resources?.requests?.cpu).toBeDefined();
  });

  it('routes paths as the compose stack does, over TLS for the host of PUBLIC_URL', () => {
    const routes = routesOf(objects);
    const table = Object.fromEntries(
      routes.map((route) => {
        const stripped = route.middlewares.some((reference) => {
          const middleware = objects.find(
            (object) =>
              object.kind === 'Middleware' && `motovaultpro-${object.metadata.name}@kubernetescrd` === reference,
          ) as { spec?: { stripPrefix?: { prefixes?: string[] } } } | undefined;
          return middleware?.spec?.stripPrefix?.prefixes?.includes(route.path) ?? false;
        });
        return [route.path, { service: route.service, stripped }];
      }),
    );
    expect(table).toEqual(composeRoutes);
    expect(routes).toHaveLength(Object.keys(composeRoutes).length);

    const publicHost = new URL(
      loadAsPodWould(configFileOf(objects, named(deployments, 'api')).text, loadApiConfig).PUBLIC_URL,
    ).host;
    const servicesByName = ofKind<IService>(objects, 'Service');
    for (const route of routes) {
      expect(route.pathType).toBe('Prefix');
      expect(route.ingress.spec?.ingressClassName).toBe('traefik');
      expect(route.ingress.spec?.tls).toEqual([{ hosts: [publicHost], secretName: tlsSecret }]);
      expect(route.ingress.spec?.rules?.map((rule) => rule.host)).toEqual([publicHost]);
      for (const reference of route.middlewares) {
        const found = objects.some(
          (object) =>
            object.kind === 'Middleware' && `motovaultpro-${object.metadata.name}@kubernetescrd` === reference,
        );
        expect({ reference, found }).toEqual({ reference, found: true });
      }
      const servicePorts = named(servicesByName, route.service).spec?.ports ?? [];
      expect(servicePorts.some((port) => port.name === route.port || port.port === route.port)).toBe(true);
    }
  });

  it('mounts a config whose every key the service reads and which it accepts, and sets no other variables', () => {
    const schemas: Record<string, string[]> = {
      api: Object.keys(apiConfigKeys),
      platform: Object.keys(platformConfigKeys),
    };
    for (const [name, schemaKeys] of Object.entries(schemas)) {
      const deployment = named(deployments, name);
      const { text } = configFileOf(objects, deployment);
      const unknown = configKeysOf(text).filter((key) => !schemaKeys.includes(key));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
      const variables = (onlyContainer(deployment).env ?? []).map((variable) => variable.name);
      const unread = variables.filter(
        (variable) => !schemaKeys.includes(variable) && !loaderVariables.includes(variable),
      );
      expect({ service: name, unread }).toEqual({ service: name, unread: [] });
    }
    expect(() => loadAsPodWould(configFileOf(objects, named(deployments, 'api')).text, loadApiConfig)).not.toThrow();
    expect(() =>
      loadAsPodWould(configFileOf(objects, named(deployments, 'platform')).text, loadPlatformConfig),
    ).not.toThrow();
    expect(onlyContainer(named(deployments, 'web')).env ?? []).toEqual([]);
  });

  it('listens and connects on the ports and hosts the config gives', () => {
    const api = loadAsPodWould(configFileOf(objects, named(deployments, 'api')).text, loadApiConfig);
    const platform = loadAsPodWould(configFileOf(objects, named(deployments, 'platform')).text, loadPlatformConfig);
    const containerPort = (name: string, portName: string) =>
      onlyContainer(named(deployments, name)).ports?.find((port) => port.name === portName)?.containerPort;
    expect(containerPort('api', 'http')).toBe(api.PORT);
    expect(api.PORT).toBe(3001);
    expect(api.HOST).toBe('0.0.0.0');
    expect(containerPort('platform', 'http')).toBe(platform.PLATFORM_HTTP_PORT);
    expect(containerPort('platform', 'tcp')).toBe(platform.PLATFORM_TCP_PORT);
    expect([platform.PLATFORM_HTTP_PORT, platform.PLATFORM_TCP_PORT]).toEqual([8000, 8001]);
    expect(platform.PLATFORM_HOST).toBe('0.0.0.0');
    expect(containerPort('web', 'http')).toBe(8080);

    // The api reaches the platform through its Service, on the port the platform listens on.
    const platformService = named(ofKind<IService>(objects, 'Service'), api.PLATFORM_HOST);
    expect(
      selects(platformService.spec?.selector, named(deployments, 'platform').spec?.template.metadata?.labels),
    ).toBe(true);
    const tcp = platformService.spec?.ports?.find((port) => port.port === api.PLATFORM_TCP_PORT);
    expect(tcp?.targetPort).toBe('tcp');

    // Every Service port lands on a named container port of the workload it selects.
    for (const service of ofKind<IService>(objects, 'Service')) {
      const workload = workloadsOf(objects).find((candidate) =>
        selects(service.spec?.selector, candidate.spec?.template.metadata?.labels),
      );
      const names = (workload ? onlyContainer(workload).ports : [])?.map((port) => port.name);
      for (const port of service.spec?.ports ?? []) expect(names).toContain(port.targetPort);
    }
  });

  it('works jobs on every api replica (pg-boss runs each once) and keeps documents in a shared bucket', () => {
    const api = loadAsPodWould(configFileOf(objects, named(deployments, 'api')).text, loadApiConfig);
    expect(api.JOBS_ENABLED).toBe(true);
    expect(api.DOCUMENTS_S3_BUCKET).toBeTruthy();
    expect(api.SERVE_WEB).toBe(false);
    expect(api.DATA_DIR).toBe('/app/data');
    const dataMount = onlyContainer(named(deployments, 'api')).volumeMounts?.find(
      (mount) => mount.mountPath === api.DATA_DIR,
    );
    expect(dataMount?.readOnly).toBeFalsy();
    // With no database configured each replica would start its own embedded PostgreSQL.
    expect(api.DATABASE_HOST ?? api.DATABASE_URL).toBeTruthy();
    const platform = loadAsPodWould(configFileOf(objects, named(deployments, 'platform')).text, loadPlatformConfig);
    expect([platform.DATABASE_HOST, platform.DATABASE_NAME]).toEqual([api.DATABASE_HOST, api.DATABASE_NAME]);
    expect(platform.REDIS_URL).toBe(api.REDIS_URL);
  });

  it('reads only documented secrets, as files in /run/secrets, and commits none', () => {
    expect(ofKind<RenderedObject>(objects, 'Secret')).toEqual([]);
    for (const workload of workloadsOf(objects)) {
      const references = secretReferences(podSpecOf(workload));
      for (const { name } of references) expect(documentedSecrets).toContain(name);
    }
    for (const name of ['api', 'platform']) {
      const deployment = named(deployments, name);
      const container = onlyContainer(deployment);
      const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === '/run/secrets');
      expect(mount?.readOnly).toBe(true);
      const volume = podSpecOf(deployment).volumes?.find((candidate) => candidate.name === mount?.name);
      // Whole Secrets projected: each Secret's key is the file name (see README.md's commands).
      for (const source of volume?.projected?.sources ?? []) expect(source.secret?.items).toBeUndefined();
      // Readable by the pod's group (fsGroup), by nobody else.
      expect(volume?.projected?.defaultMode).toBe(0o440);
      expect(container.env?.some((variable) => variable.name === 'SECRETS_DIR')).toBe(false);
      const required = secretReferences(podSpecOf(deployment))
        .filter((reference) => !reference.optional)
        .map((reference) => reference.name);
      expect({ service: name, required: required.sort() }).toEqual({ service: name, required: requiredSecrets[name] });
    }
  });
});

describe('deploy/k8s/overlays/single-cluster', () => {
  it('runs the PostgreSQL and Redis the config names, with persistent volumes', async () => {
    const objects = await renderKustomization('overlays/single-cluster');
    const api = loadAsPodWould(
      configFileOf(objects, named(ofKind<IDeployment>(objects, 'Deployment'), 'api')).text,
      loadApiConfig,
    );
    const serviceNames = ofKind<IService>(objects, 'Service').map((service) => service.metadata?.name);
    expect(serviceNames).toContain(api.DATABASE_HOST);
    expect(serviceNames).toContain(new URL(api.REDIS_URL ?? '').hostname);
    const statefulSets = ofKind<IStatefulSet>(objects, 'StatefulSet');
    expect(statefulSets.map((set) => onlyContainer(set).image).sort()).toEqual([
      'postgres:17-alpine',
      'redis:7-alpine',
    ]);
    for (const set of statefulSets) {
      expect(set.spec?.volumeClaimTemplates?.map((template) => template.metadata?.name)).toEqual(['data']);
    }
    const postgres = onlyContainer(named(statefulSets, 'postgres'));
    expect(postgres.env?.find((variable) => variable.name === 'POSTGRES_PASSWORD_FILE')?.value).toBe(
      '/run/secrets/postgres-password',
    );
    expect(postgres.env?.find((variable) => variable.name === 'POSTGRES_DB')?.value).toBe(api.DATABASE_NAME);
  });
});

describe('deploy/k8s/overlays/production', () => {
  it('pins the images to a release, never latest', async () => {
    const deployments = ofKind<IDeployment>(await renderKustomization('overlays/production'), 'Deployment');
    for (const deployment of deployments) {
      expect(onlyContainer(deployment).image).toMatch(/^motovaultpro\/[a-z]+:\d+\.\d+\.\d+$/);
    }
  });
});

describe('deploy/k8s sources', () => {
  const files = readdirSync(k8sDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.ya?ml$/.test(file));

  it('hold no Secret and use only kustomize v2.0.3 fields', () => {
    for (const file of files) {
      const text = readFileSync(join(k8sDir, file), 'utf8');
      expect({ file, secret: /^kind:\s*Secret\s*$/m.test(text) }).toEqual({ file, secret: false });
      if (basename(file) === 'kustomization.yaml') {
        const fields = Object.keys(parseYaml(text) as Record<string, unknown>);
        const newer = fields.filter((field) => !kustomizeV2Fields.includes(field));
        expect({ file, newer }).toEqual({ file, newer: [] });
      }
    }
  });

  it('README.md tells how to create every secret the manifests read, and the TLS one', async () => {
    const readme = readFileSync(join(k8sDir, 'README.md'), 'utf8');
    const referenced = new Set<string>();
    for (const kustomization of kustomizations) {
      for (const workload of workloadsOf(await renderKustomization(kustomization))) {
        for (const { name } of secretReferences(podSpecOf(workload))) referenced.add(name);
      }
    }
    for (const name of referenced) {
      expect(readme).toContain(`kubectl -n motovaultpro create secret generic ${name} --from-file=${name}=`);
    }
    expect(readme).toContain(`kubectl -n motovaultpro create secret tls ${tlsSecret}`);
  });
});
