// Random pod specs and valid edits of a stored pod spec, for the patch differential suites.
//
// An edit must give an object the API server accepts (validation) and to which its defaulting adds
// nothing: new containers, ports and env vars come with every field the server would default
// already filled in (terminationMessagePath, imagePullPolicy, protocol, fieldRef.apiVersion, …),
// and no edit removes a defaulted field. Values are canonical (quantities as the server prints
// them), and no edit sets an `omitempty` field to its zero value (false, 0, ""), which the server
// would drop.
import type { Random } from './seededRandom.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain JSON as the server sends it
export type Obj = Record<string, any>;

export const CONTAINER_NAMES = ['app', 'sidecar', 'proxy', 'log'];
const IMAGES = ['nginx:1.27', 'nginx:1.28', 'envoy:1.30', 'busybox:1.36'];
const ENV_NAMES = ['A', 'B', 'LOG_LEVEL', 'PORT', 'MODE'];
const ENV_VALUES = ['1', 'debug', 'on', '<x&y>', 'a b'];
const PORTS = [80, 443, 8080, 9090];
const TEMPLATE_LABELS = ['tier', 'track', 'example.com/team'];
const LABEL_VALUES = ['web', 'front', 'v2', 'canary'];
const EXTRA_VOLUMES = ['cache', 'config', 'scratch'];

/** An env var as the server stores it. */
export function newEnvVar(random: Random, name: string): Obj {
  if (random.chance(0.7)) return { name, value: random.pick(ENV_VALUES) };
  return { name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: random.pick(['metadata.name', 'status.podIP']) } } };
}

/** A container port as the server stores it (named, so that a pod may have several). */
export function newPort(containerName: string, containerPort: number): Obj {
  return { name: `${containerName}-${containerPort}`, containerPort, protocol: 'TCP' };
}

/** A container with every defaulted field filled in. */
export function newContainer(random: Random, name: string): Obj {
  const container: Obj = { name, image: random.pick(IMAGES) };
  if (random.chance(0.5)) container.env = random.subset(ENV_NAMES, 0.4).map((n) => newEnvVar(random, n));
  if (random.chance(0.5)) container.ports = random.subset(PORTS, 0.4).map((p) => newPort(name, p));
  if (random.chance(0.3)) container.args = random.subset(['--verbose', '--port=8080', '-v=2'], 0.6);
  for (const key of ['env', 'ports', 'args']) if (Array.isArray(container[key]) && container[key].length === 0) delete container[key];
  return {
    ...container,
    resources: random.chance(0.4) ? { requests: { cpu: random.pick(['100m', '250m', '1']) } } : {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  };
}

/** A volume as the server stores it. */
export function newVolume(random: Random, name: string): Obj {
  return random.chance(0.5) ? { name, emptyDir: {} } : { name, configMap: { name: 'settings', defaultMode: 420 } };
}

/** A pod spec to create (the server fills in its defaults). */
export function newPodSpec(random: Random, restartPolicy = 'Always'): Obj {
  const names = random.shuffle(CONTAINER_NAMES).slice(0, 1 + random.int(3));
  const spec: Obj = { containers: names.map((n) => newContainer(random, n)), restartPolicy };
  const volumes = random.subset(EXTRA_VOLUMES, 0.4).map((n) => newVolume(random, n));
  if (volumes.length > 0) spec.volumes = volumes;
  if (random.chance(0.3)) spec.nodeSelector = { disktype: 'ssd' };
  return spec;
}

/** Pod template labels: the selector's `app: web` and maybe some others. */
export function newTemplateLabels(random: Random): Obj {
  const labels: Obj = { app: 'web' };
  for (const key of random.subset(TEMPLATE_LABELS, 0.3)) labels[key] = random.pick(LABEL_VALUES);
  return labels;
}

const insertAt = <T>(random: Random, list: T[], item: T) => list.splice(random.int(list.length + 1), 0, item);
const removeAt = <T>(random: Random, list: T[]) => list.splice(random.int(list.length), 1);

/** Sets `object[key]` to `list`, or deletes the key when the list is empty (omitempty). */
function setList(object: Obj, key: string, list: Obj[] | string[]): void {
  if (list.length === 0) delete object[key];
  else object[key] = list;
}

/** One random edit of a container, in place. */
function editContainer(random: Random, container: Obj): void {
  const env: Obj[] = container.env ?? [];
  const ports: Obj[] = container.ports ?? [];
  const edits: (() => void)[] = [
    () => (container.image = random.pick(IMAGES.filter((i) => i !== container.image))),
    () => {
      const unused = ENV_NAMES.filter((n) => !env.some((e) => e.name === n));
      if (unused.length > 0) insertAt(random, env, newEnvVar(random, random.pick(unused)));
    },
    () => env.length > 0 && removeAt(random, env),
    () => env.length > 0 && ((i) => (env[i] = newEnvVar(random, env[i]!.name)))(random.int(env.length)),
    () => env.splice(0, env.length, ...random.shuffle(env)),
    () => {
      const unused = PORTS.filter((p) => !ports.some((e) => e.containerPort === p));
      if (unused.length > 0) insertAt(random, ports, newPort(container.name, random.pick(unused)));
    },
    () => ports.length > 0 && removeAt(random, ports),
    () => ports.splice(0, ports.length, ...random.shuffle(ports)),
    () => (random.chance(0.3) ? delete container.args : (container.args = random.subset(['--verbose', '--port=8080', '-v=2', '--x'], 0.5))),
    () => {
      const cpu = random.pick(['100m', '250m', '1', '2']);
      container.resources = random.chance(0.3) ? {} : { requests: random.chance(0.5) ? { cpu } : { cpu, memory: random.pick(['64Mi', '1Gi']) } };
    },
  ];
  random.pick(edits)();
  setList(container, 'env', env);
  setList(container, 'ports', ports);
  if (Array.isArray(container.args) && container.args.length === 0) delete container.args;
}

/** Random edits (one to three) of a stored pod template `{ metadata, spec }`, in place. */
export function editPodTemplate(random: Random, template: Obj): void {
  const spec: Obj = template.spec;
  const containers: Obj[] = spec.containers;
  const volumes: Obj[] = spec.volumes ?? [];
  const edits: (() => void)[] = [
    () => editContainer(random, random.pick(containers)),
    () => editContainer(random, random.pick(containers)),
    () => {
      const unused = CONTAINER_NAMES.filter((n) => !containers.some((c) => c.name === n));
      if (unused.length > 0) insertAt(random, containers, newContainer(random, random.pick(unused)));
    },
    () => containers.length > 1 && removeAt(random, containers),
    () => containers.splice(0, containers.length, ...random.shuffle(containers)),
    () => {
      const labels: Obj = template.metadata.labels;
      const key = random.pick(TEMPLATE_LABELS);
      if (key in labels && random.chance(0.5)) delete labels[key];
      else labels[key] = random.pick(LABEL_VALUES);
    },
    () => {
      const annotations: Obj = template.metadata.annotations ?? {};
      const key = random.pick(['note', 'example.com/rev']);
      if (key in annotations && random.chance(0.5)) delete annotations[key];
      else annotations[key] = random.pick(['1', '2', 'hello world']);
      if (Object.keys(annotations).length > 0) template.metadata.annotations = annotations;
      else delete template.metadata.annotations;
    },
    () => (spec.nodeSelector && random.chance(0.5) ? delete spec.nodeSelector : (spec.nodeSelector = { disktype: random.pick(['ssd', 'hdd']), ...(random.chance(0.5) ? { zone: 'a' } : {}) })),
    () => {
      const unused = EXTRA_VOLUMES.filter((n) => !volumes.some((v) => v.name === n));
      if (unused.length > 0) insertAt(random, volumes, newVolume(random, random.pick(unused)));
    },
    () => volumes.length > 0 && removeAt(random, volumes),
    // Switching a volume's source: Go writes `$retainKeys` for it (volumes are merge,retainKeys).
    () => volumes.length > 0 && ((i) => (volumes[i] = 'emptyDir' in volumes[i]! ? { name: volumes[i]!.name, configMap: { name: 'settings', defaultMode: 420 } } : { name: volumes[i]!.name, emptyDir: {} }))(random.int(volumes.length)),
    () => (spec.tolerations ? delete spec.tolerations : (spec.tolerations = [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }])),
    () => (spec.terminationGracePeriodSeconds = random.pick([10, 30, 60])),
  ];
  const count = 1 + random.int(3);
  for (let i = 0; i < count; i++) random.pick(edits)();
  setList(spec, 'volumes', volumes);
}
