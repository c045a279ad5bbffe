// Hand-made strategic merge patches with directives, aimed at a stored object: `$patch: delete` and
// `replace` on maps and list elements, `$setElementOrder`, `$deleteFromPrimitiveList`,
// `$retainKeys`, keyed-list edits, reorders and nulls. Every patch is valid and gives an object the
// server accepts and has nothing to default in (see patchPodTemplate.ts).
import { CONTAINER_NAMES, newContainer, newEnvVar, newPort, newVolume, type Obj } from './patchPodTemplate.js';
import type { Random } from './seededRandom.js';

const FINALIZERS = ['example.com/cleanup', 'example.com/backup', 'example.com/audit', 'example.com/extra'];

/** `{ [mergeKey]: key }` for each element, as `$setElementOrder` lists them. */
const keysOf = (list: readonly Obj[], mergeKey: string) => list.map((e) => ({ [mergeKey]: e[mergeKey] }));

/** `list` put in the order of `order` (by merge key). */
function inOrder(list: readonly Obj[], order: readonly Obj[], mergeKey: string): Obj[] {
  const rank = (e: Obj) => order.findIndex((o) => o[mergeKey] === e[mergeKey]);
  return [...list].sort((a, b) => rank(a) - rank(b));
}

/**
 * A patch of the keyed list `list` (field `field`): changed elements (`change`), new ones (`fresh`),
 * deletions, maybe `$setElementOrder/<field>` (a permutation of the result, the patch list in its
 * order), or a `$patch: replace` list.
 */
function keyedListPatch(
  random: Random,
  field: string,
  list: readonly Obj[],
  mergeKey: string,
  change: (element: Obj) => Obj,
  fresh: Obj[],
  minLength: number,
): Obj {
  if (random.chance(0.12)) {
    const replacement = random.shuffle([...random.subset(list, 0.6), ...fresh.filter((e) => !list.some((l) => l[mergeKey] === e[mergeKey]))]).slice(0, 3);
    if (replacement.length < minLength) replacement.push(list[0]!);
    return { [field]: [{ $patch: 'replace' }, ...replacement] };
  }
  const deletable = list.length - minLength;
  const deleted = random.subset(list, 0.25).slice(0, Math.max(0, deletable));
  const kept = list.filter((e) => !deleted.includes(e));
  const changed = random.subset(kept, 0.4).map((e) => ({ ...change(e), [mergeKey]: e[mergeKey] }));
  const added = fresh.filter((e) => !list.some((l) => l[mergeKey] === e[mergeKey]));
  const patchList = [...changed, ...added];
  const deletions = deleted.map((e) => ({ [mergeKey]: e[mergeKey], $patch: 'delete' }));
  // Sometimes a deletion of an element that is not there: nothing to do, for both.
  if (random.chance(0.1) && fresh.length > 0 && !list.some((l) => l[mergeKey] === fresh[0]![mergeKey])) {
    deletions.push({ [mergeKey]: fresh[0]![mergeKey], $patch: 'delete' });
    patchList.splice(patchList.findIndex((e) => e[mergeKey] === fresh[0]![mergeKey]), 1);
  }
  if (random.chance(0.5) && kept.length + added.length > 0) {
    const order = random.shuffle([...keysOf(kept, mergeKey), ...keysOf(patchList.filter((e) => !kept.some((k) => k[mergeKey] === e[mergeKey])), mergeKey)]);
    // Elements named only by the order directive that are not in the result are ignored.
    if (random.chance(0.1)) order.push({ [mergeKey]: typeof order[0]?.[mergeKey] === 'number' ? 1234 : 'not-there' });
    // The patch list follows the order directive; `$patch: delete` elements may stand anywhere.
    const items = inOrder(patchList, order, mergeKey);
    for (const deletion of deletions) items.splice(random.int(items.length + 1), 0, deletion);
    return { [`$setElementOrder/${field}`]: order, [field]: items };
  }
  const items = [...random.shuffle(patchList), ...deletions];
  return items.length === 0 ? {} : { [field]: random.shuffle(items) };
}

/** A patch of a map field: keys set or nulled, or the map replaced or emptied with `$patch`. */
function mapPatch(random: Random, map: Obj | undefined, keys: readonly string[], values: readonly string[], keep: Obj = {}): Obj {
  const roll = random.int(10);
  if (roll === 0) return { $patch: 'replace', ...keep, [random.pick(keys)]: random.pick(values) };
  if (roll === 1 && Object.keys(keep).length === 0) return { $patch: 'delete' };
  const patch: Obj = {};
  for (const key of random.subset(keys, 0.5)) if (!(key in keep)) patch[key] = random.chance(0.4) ? null : random.pick(values);
  if (map !== undefined && random.chance(0.3)) for (const key of Object.keys(map)) if (!(key in keep)) patch[key] = null;
  return patch;
}

/** A patch of `metadata.finalizers`: additions, `$deleteFromPrimitiveList`, `$setElementOrder`, or null. */
function finalizersPatch(random: Random, finalizers: readonly string[] | undefined): Obj {
  const live = finalizers ?? [];
  if (random.chance(0.1)) return { finalizers: null };
  const removed = random.subset(live, 0.4);
  // Without `$setElementOrder`, Go meets the list and its deletions in map order: keep them apart.
  const added = random.subset(FINALIZERS.filter((f) => !live.includes(f) && !removed.includes(f)), 0.4);
  const patch: Obj = {};
  if (added.length > 0) patch.finalizers = added;
  if (removed.length > 0 || random.chance(0.1)) patch['$deleteFromPrimitiveList/finalizers'] = removed.length > 0 ? removed : ['example.com/never-there'];
  if (random.chance(0.5)) {
    const order = random.shuffle([...live.filter((f) => !removed.includes(f)), ...added]);
    patch['$setElementOrder/finalizers'] = order;
    if (added.length > 0) patch.finalizers = [...added].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return patch;
}

/** Labels every patch keeps: a Job whose labels are emptied gets its template's labels again (defaulting). */
export const KEPT_LABELS: Record<string, Obj> = { Job: { 'e2e-kept': 'yes' } };

function metadataPatch(random: Random, metadata: Obj, kind: string): Obj {
  return random.pick([
    () => ({ labels: mapPatch(random, metadata.labels, ['team', 'tier', 'example.com/owner'], ['web', 'shop'], KEPT_LABELS[kind]) }),
    () => ({ annotations: mapPatch(random, metadata.annotations, ['note', 'example.com/rev'], ['1', 'two words']) }),
    () => finalizersPatch(random, metadata.finalizers),
  ])();
}

function containerPatch(random: Random, container: Obj): Obj {
  const env: Obj[] = container.env ?? [];
  const ports: Obj[] = container.ports ?? [];
  return random.pick([
    () => ({ image: random.pick(['nginx:1.29', 'busybox:1.37']) }),
    () => keyedListPatch(random, 'env', env, 'name', (e) => ('value' in e ? { value: null, valueFrom: newEnvVar(random, e.name).valueFrom ?? { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } } : { valueFrom: null, value: 'x' }), random.subset(['A', 'B', 'PORT', 'MODE']).map((n) => newEnvVar(random, n)), 0),
    () => keyedListPatch(random, 'ports', ports, 'containerPort', () => ({}), random.subset([80, 8080, 9090], 0.4).map((p) => newPort(container.name, p)), 0),
    () => ({ args: random.chance(0.5) ? null : ['--x', '--y'] }),
    () => ({ resources: { requests: { $patch: 'replace', cpu: random.pick(['2', '500m']) } } }),
  ])();
}

/** A patch of a pod template `{ metadata, spec }` of a workload. */
function templatePatch(random: Random, template: Obj): Obj {
  const spec: Obj = template.spec;
  const containers: Obj[] = spec.containers;
  return random.pick([
    () => ({ metadata: { labels: mapPatch(random, template.metadata.labels, ['tier', 'track'], ['front', 'canary'], { app: 'web' }) } }),
    () => ({ spec: keyedListPatch(random, 'containers', containers, 'name', (c) => containerPatch(random, c), random.subset(CONTAINER_NAMES, 0.3).map((n) => newContainer(random, n)), 1) }),
    () => ({ spec: keyedListPatch(random, 'containers', containers, 'name', (c) => containerPatch(random, c), [], 1) }),
    () => ({ spec: { '$setElementOrder/containers': keysOf(random.shuffle(containers), 'name') } }),
    () => {
      const volumes: Obj[] = spec.volumes ?? [];
      // A volume switching its source with `$retainKeys` (volumes are merge,retainKeys).
      const switchSource = (v: Obj) => ('emptyDir' in v ? { configMap: { name: 'settings', defaultMode: 420 }, $retainKeys: ['configMap', 'name'] } : { emptyDir: {}, $retainKeys: ['emptyDir', 'name'] });
      return { spec: keyedListPatch(random, 'volumes', volumes, 'name', switchSource, random.subset(['cache', 'config', 'scratch'], 0.4).map((n) => newVolume(random, n)), 0) };
    },
    () => ({ spec: { nodeSelector: random.chance(0.3) ? null : mapPatch(random, spec.nodeSelector, ['disktype', 'zone'], ['ssd', 'b']) } }),
    () => ({ spec: { tolerations: random.chance(0.5) ? null : [{ key: 'gpu', operator: 'Exists' }] } }),
  ])();
}

/** A hand-made strategic merge patch for the stored `object` of a built-in kind. */
export function directivePatch(random: Random, object: Obj): Obj {
  const kind: string = object.kind;
  const spec: Obj | undefined = object.spec;
  if (random.chance(0.25) || kind === 'Pod' || kind === 'Job') return { metadata: metadataPatch(random, object.metadata, kind) };
  if (kind === 'ConfigMap') return { data: mapPatch(random, object.data, ['mode', 'extra', 'LOG_LEVEL'], ['fast', 'slow', '']) };
  if (kind === 'Service') {
    const ports: Obj[] = spec!.ports;
    const fresh = random.subset([80, 443, 8080, 53], 0.3).map((port) => ({ name: `p${port}`, protocol: 'TCP', port, targetPort: port }));
    if (random.chance(0.2)) return { spec: { selector: mapPatch(random, spec!.selector, ['tier'], ['front'], { app: 'web' }) } };
    return { spec: keyedListPatch(random, 'ports', ports, 'port', () => ({ targetPort: random.pick([9090, 'http']) }), fresh, 1) };
  }
  if (kind === 'Deployment' && random.chance(0.25)) {
    // `strategy` is retainKeys: the directive clears what the new type must not have.
    return random.chance(0.5)
      ? { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }
      : { spec: { strategy: { $retainKeys: ['rollingUpdate', 'type'], type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } } } };
  }
  return { spec: { template: templatePatch(random, spec!.template) } };
}
