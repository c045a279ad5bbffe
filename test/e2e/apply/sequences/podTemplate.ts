// Edits of a pod template (`spec.template` of the workloads and the Rollout): containers by name,
// their env (by name), ports (by containerPort and protocol), args (atomic), resources, volumes,
// tolerations (atomic), nodeSelector, template labels and annotations.
import type { Obj } from '../../helpers/patchPodTemplate.js';
import type { Random } from '../../helpers/seededRandom.js';
import { at, mapEntry, peek, prune, scalar, type Edit, type EditContext } from './edits.js';

const T = ['spec', 'template'];
const CONTAINERS = ['app', 'sidecar', 'proxy', 'log'];
const IMAGES = ['nginx:1.27', 'nginx:1.28', 'envoy:1.30', 'busybox:1.36'];
const ENV_NAMES = ['A', 'B', 'LOG_LEVEL', 'MODE'];
const ENV_VALUES = ['1', 'debug', '<x&y>', 'a b'];
const PORTS = [80, 443, 8080, 9090];
const CPU = ['100m', '250m', '1', '2'];
const VOLUMES: Record<string, Obj> = { cache: { emptyDir: {} }, config: { configMap: { name: 'settings' } }, scratch: { emptyDir: { medium: 'Memory' } } };

/** A random image, now and then one without a tag (pulled `Always`) or a rare odd value. */
export function image(random: Random): string {
  return random.chance(0.08) ? 'nginx' : random.pick(IMAGES);
}

/** The skeleton container of a workload: the `app` container, image and maybe more. */
export function appContainer(random: Random): Obj {
  const container: Obj = { name: 'app', image: image(random) };
  if (random.chance(0.3)) container.ports = [{ containerPort: 8080, protocol: 'TCP', name: 'http' }];
  if (random.chance(0.3)) container.env = [{ name: 'MODE', value: 'fast' }];
  return container;
}

const containersOf = (object: Obj): Obj[] => at(object, ...T, 'spec').containers ?? (at(object, ...T, 'spec').containers = []);
const itemPath = (container: string) => `.spec.template.spec.containers[name="${container}"]`;

/** A container of the live object by name. */
const liveContainer = (context: EditContext, name: string): Obj | undefined =>
  (peek(context.live, ...T, 'spec')?.containers as Obj[] | undefined)?.find((c) => c.name === name);

const addContainer: Edit = (object, context) => {
  const { random } = context;
  const containers = containersOf(object);
  const unused = CONTAINERS.filter((n) => !containers.some((c) => c.name === n));
  if (unused.length === 0) return undefined;
  const name = random.pick(unused);
  // Mostly the image the container has already: the same value is shared, not a conflict.
  const current = liveContainer(context, name)?.image;
  const container: Obj = { name, image: current !== undefined && random.chance(0.7) ? current : image(random) };
  if (random.chance(0.3)) container.env = [{ name: random.pick(ENV_NAMES), value: random.pick(ENV_VALUES) }];
  containers.splice(random.int(containers.length + 1), 0, container);
  return `add container ${name}`;
};

const dropContainer: Edit = (object, context) => {
  const containers = containersOf(object);
  const droppable = containers.filter((c) => !(context.keepSkeleton && c.name === 'app'));
  const chosen = droppable.length > 0 ? context.random.pick(droppable) : undefined;
  if (chosen === undefined || (context.isLive && containers.length === 1)) return undefined;
  // Another owner of the container that does not own its image would be left with an imageless container.
  if (!context.isLive && !context.mayDrop(itemPath(chosen.name), 'image')) return undefined;
  containers.splice(containers.indexOf(chosen), 1);
  prune(object, ...T, 'spec', 'containers');
  return `drop container ${chosen.name}`;
};

/** One edit of one container of the object. */
const editContainer: Edit = (object, context) => {
  const { random } = context;
  const containers = containersOf(object);
  if (containers.length === 0) return undefined;
  const c = random.pick(containers);
  const edits: (() => string | undefined)[] = [
    () => ((c.image = random.pick(IMAGES.filter((i) => i !== c.image))), `image ${c.image}`),
    () => {
      const env: Obj[] = c.env ?? (c.env = []);
      const name = random.pick(ENV_NAMES);
      const found = env.find((e) => e.name === name);
      if (found !== undefined && random.chance(0.4)) {
        env.splice(env.indexOf(found), 1);
        return `remove env ${name}`;
      }
      // Now and then an empty value, which the server drops (omitempty).
      const value = random.chance(0.05) ? '' : random.pick(ENV_VALUES);
      if (found !== undefined) delete found.valueFrom;
      if (found !== undefined) found.value = value;
      else env.splice(random.int(env.length + 1), 0, { name, value });
      return `env ${name}=${JSON.stringify(value)}`;
    },
    () => {
      const ports: Obj[] = c.ports ?? (c.ports = []);
      const containerPort = random.pick(PORTS);
      const protocol = random.chance(0.2) ? 'UDP' : 'TCP';
      const found = ports.find((p) => p.containerPort === containerPort && (p.protocol ?? 'TCP') === protocol);
      if (found !== undefined) {
        ports.splice(ports.indexOf(found), 1);
        return `remove port ${containerPort}/${protocol}`;
      }
      const port: Obj = { containerPort };
      // The protocol, a key field, is defaulted when left out.
      if (protocol === 'UDP' || random.chance(0.6)) port.protocol = protocol;
      if (random.chance(0.4)) port.name = `${protocol.toLowerCase()}-${containerPort}`;
      ports.splice(random.int(ports.length + 1), 0, port);
      return `add port ${containerPort}/${protocol}`;
    },
    () => (c.args && random.chance(0.4) ? (delete c.args, 'remove args') : ((c.args = random.subset(['--verbose', '--port=8080', '-v=2', '--x'], 0.5)), `args ${c.args.join(' ')}`)),
    () => {
      const requests = at(c, 'resources', 'requests');
      if (requests.cpu !== undefined && random.chance(0.35)) delete requests.cpu;
      // '0.5' is stored as '500m': a value the server rewrites.
      else requests.cpu = random.chance(0.05) ? '0.5' : random.pick(CPU.filter((v) => v !== requests.cpu));
      prune(c, 'resources', 'requests');
      return `requests.cpu ${requests.cpu ?? 'removed'}`;
    },
    () => (c.imagePullPolicy && random.chance(0.5) ? (delete c.imagePullPolicy, 'remove imagePullPolicy') : ((c.imagePullPolicy = random.pick(['IfNotPresent', 'Always'])), `imagePullPolicy ${c.imagePullPolicy}`)),
    () => {
      // One handler type only (two would be invalid): httpGet, whose path, scheme and thresholds are defaulted.
      if (c.readinessProbe && random.chance(0.4)) return (delete c.readinessProbe, 'remove readinessProbe');
      const probe = at(c, 'readinessProbe');
      at(probe, 'httpGet').port = random.pick([8080, 9090]);
      if (random.chance(0.3)) probe.httpGet.path = '/healthz';
      if (random.chance(0.3)) probe.periodSeconds = random.pick([5, 20]);
      return `readinessProbe port ${probe.httpGet.port}`;
    },
  ];
  const done = random.pick(edits)();
  for (const key of ['env', 'ports', 'args']) if (Array.isArray(c[key]) && c[key].length === 0) delete c[key];
  return done === undefined ? undefined : `container ${c.name}: ${done}`;
};

const volume: Edit = (object, { random }) => {
  const spec = at(object, ...T, 'spec');
  const volumes: Obj[] = spec.volumes ?? (spec.volumes = []);
  const name = random.pick(Object.keys(VOLUMES));
  const found = volumes.find((v) => v.name === name);
  if (found !== undefined) volumes.splice(volumes.indexOf(found), 1);
  else volumes.splice(random.int(volumes.length + 1), 0, { name, ...structuredClone(VOLUMES[name]) });
  prune(object, ...T, 'spec', 'volumes');
  return `${found ? 'remove' : 'add'} volume ${name}`;
};

const tolerations: Edit = (object, { random }) => {
  const spec = at(object, ...T, 'spec');
  if (spec.tolerations && random.chance(0.4)) {
    delete spec.tolerations;
    prune(object, ...T, 'spec');
    return 'remove tolerations';
  }
  spec.tolerations = random.subset([{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, { key: 'gpu', operator: 'Equal', value: 'yes' }], 0.6);
  if (spec.tolerations.length === 0) spec.tolerations = [{ operator: 'Exists' }];
  return `tolerations ${spec.tolerations.length}`;
};

/** The pod template edits; `mutable` false (a Job's template) gives none. */
export const POD_TEMPLATE_EDITS: readonly Edit[] = [
  addContainer,
  dropContainer,
  editContainer,
  editContainer,
  editContainer,
  mapEntry([...T, 'metadata', 'labels'], ['tier', 'track', 'example.com/team'], ['web', 'front', 'v2', 'canary']),
  mapEntry([...T, 'metadata', 'annotations'], ['note', 'example.com/rev'], ['1', '2', 'hello world']),
  mapEntry([...T, 'spec', 'nodeSelector'], ['disktype', 'zone'], ['ssd', 'hdd', 'a']),
  volume,
  tolerations,
  scalar([...T, 'spec', 'terminationGracePeriodSeconds'], [10, 30, 60]),
];
