// fast-check arbitraries for built-in Kubernetes objects (Deployment, StatefulSet, Pod, Service),
// edits of them, and strategic merge patches aimed at them, for the kubectl differential suites.
//
// Each field is described by a `Shape` that knows how to generate a value, edit one (the next
// manifest, or what a controller changed on the live object), and write patch entries for it. Only
// fields that exist in the Go structs are generated, with values from small pools, so that edits
// and patches often hit the same list elements and map keys. Integers only (Go prints floats its
// own way); strings are ASCII plus `<&>`, which Go escapes in the last-applied annotation.
import fc from 'fast-check';
import type { JsonValue } from 'kubepatch';

type Json = JsonValue;
export type Obj = { [key: string]: Json };

const isObj = (value: Json | undefined): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const merge = (parts: readonly Obj[]): Obj => Object.assign({}, ...parts) as Obj;
const keyOf = (value: Json | undefined): string => JSON.stringify(value);

/** A field's value: how to generate it, edit it, and patch it. */
export interface Shape {
  readonly gen: fc.Arbitrary<Json>;
  /** A changed version of `value` (sometimes `value` itself). */
  edit(value: Json): fc.Arbitrary<Json>;
  /** Entries of the parent's patch that change field `key`, whose value is `value` (undefined: absent). */
  patch(key: string, value: Json | undefined): fc.Arbitrary<Obj>;
}

/** A shape whose values are objects, so that it can patch a list element. */
export interface ObjectShape extends Shape {
  readonly gen: fc.Arbitrary<Obj>;
  edit(value: Json): fc.Arbitrary<Obj>;
  /** A patch for the object `value`. */
  patchObject(value: Obj): fc.Arbitrary<Obj>;
}

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/** A permutation of `items` (sometimes the same order). */
function reordered<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  if (items.length < 2) return fc.constant([...items]);
  const shuffled = fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length }).map((p) => [...p]);
  return fc.oneof(w(2, fc.constant(items).map((same) => [...same])), w(1, shuffled));
}

/** A value that never changes and is never patched (apiVersion, kind, name, namespace). */
export function fixed(value: Json): Shape {
  return { gen: fc.constant(value), edit: () => fc.constant(value), patch: () => fc.constant({}) };
}

/** A scalar from `values`. */
export function scalar(values: fc.Arbitrary<Json>): Shape {
  return {
    gen: values,
    edit: (value) => fc.oneof(w(2, fc.constant(value)), w(1, values)),
    patch: (key) => values.map((v) => ({ [key]: v })),
  };
}

export const str = (...values: string[]) => scalar(fc.constantFrom(...values));
export const int = (...values: number[]) => scalar(fc.constantFrom(...values));
export const bool = scalar(fc.boolean());

interface StructOptions {
  /** Patches sometimes carry `$retainKeys` (the field's strategy is `retainKeys`). */
  readonly retainKeys?: boolean;
}

/**
 * `$retainKeys` for a patch of `value`: every non-null patch key (else Go rejects the patch) plus
 * some of the keys `value` keeps. Rarely one patch key is left out, which both sides must reject.
 */
function withRetainKeys(value: Obj, patch: Obj): fc.Arbitrary<Obj> {
  const patchKeys = Object.keys(patch).filter((k) => patch[k] !== null && !k.startsWith('$'));
  const kept = Object.keys(value).filter((k) => !Object.hasOwn(patch, k));
  return fc.tuple(fc.subarray(kept), fc.nat(5)).map(([extra, dice]) => {
    const keys = [...new Set([...patchKeys, ...extra])].sort();
    if (dice === 0 && patchKeys.length > 0) keys.splice(keys.indexOf(patchKeys[0]!), 1); // invalid on purpose
    return { ...patch, $retainKeys: keys };
  });
}

/** A struct: `fields` in Go's json names, `required` ones always present (and never nulled by a patch). */
export function struct(fields: Record<string, Shape>, required: readonly string[] = [], options: StructOptions = {}): ObjectShape {
  const names = Object.keys(fields);
  const isRequired = (k: string) => required.includes(k);
  // Optional fields are present one time in two.
  const gen = fc
    .tuple(...names.map((k) => (isRequired(k) ? fields[k]!.gen : fc.oneof(w(1, fc.constant(undefined)), w(1, fields[k]!.gen)))))
    .map((values) => {
      const result: Obj = {};
      values.forEach((v, i) => {
        if (v !== undefined) result[names[i]!] = v;
      });
      return result;
    });
  const shape: ObjectShape = {
    gen,
    edit(value) {
      const object = value as Obj;
      const perField = names.map((k): fc.Arbitrary<Json | undefined> => {
        const shapeK = fields[k]!;
        if (!Object.hasOwn(object, k)) return fc.oneof(w(5, fc.constant(undefined)), w(1, shapeK.gen));
        const current = object[k]!;
        if (isRequired(k)) return fc.oneof(w(1, fc.constant(current)), w(3, shapeK.edit(current)));
        return fc.oneof(w(4, fc.constant(current)), w(3, shapeK.edit(current)), w(1, fc.constant(undefined)));
      });
      return fc.tuple(...perField).map((values) => {
        const result: Obj = {};
        values.forEach((v, i) => {
          if (v !== undefined) result[names[i]!] = v;
        });
        return result;
      });
    },
    patchObject(value) {
      const perField = names.map((k): fc.Arbitrary<Obj> => {
        const shapeK = fields[k]!;
        const present = Object.hasOwn(value, k);
        const nulled = fc.constant({ [k]: null });
        if (present && !isRequired(k)) return fc.oneof(w(5, fc.constant({})), w(4, shapeK.patch(k, value[k])), w(1, nulled));
        if (present) return fc.oneof(w(2, fc.constant({})), w(5, shapeK.patch(k, value[k])));
        return fc.oneof(w(8, fc.constant({})), w(2, shapeK.patch(k, undefined)), w(1, nulled)); // a null for an absent key
      });
      const patch = fc.tuple(...perField).map(merge);
      if (!options.retainKeys) return patch;
      return patch.chain((p) => fc.oneof(w(3, withRetainKeys(value, p)), w(1, fc.constant(p))));
    },
    patch(key, value) {
      if (!isObj(value)) return gen.map((v) => ({ [key]: v }));
      return fc.oneof(
        w(24, shape.patchObject(value).map((p) => ({ [key]: p }))),
        w(1, gen.map((v) => ({ [key]: { $patch: 'replace', ...v } }))),
      );
    },
  };
  return shape;
}

/** A map with keys from `keys` (labels, annotations, nodeSelector, resource lists). */
export function mapOf(keys: readonly string[], values: fc.Arbitrary<Json>, options: { minKeys?: number } = {}): ObjectShape {
  const entries = (pool: readonly string[], minLength = 0) =>
    fc.uniqueArray(fc.tuple(fc.constantFrom(...pool), values), { selector: ([k]) => k, minLength: Math.min(minLength, pool.length), maxLength: 3 });
  const gen = entries(keys, options.minKeys).map((e) => Object.fromEntries(e) as Obj);
  const fresh = (value: Obj) => {
    const unused = keys.filter((k) => !Object.hasOwn(value, k));
    return unused.length === 0 ? fc.constant([] as [string, Json][]) : entries(unused);
  };
  const shape: ObjectShape = {
    gen,
    edit(value) {
      const object = value as Obj;
      const existing = Object.keys(object).map((k) =>
        fc.oneof(w(3, fc.constant([k, object[k]!] as const)), w(1, values.map((v) => [k, v] as const)), w(1, fc.constant(undefined))),
      );
      return fc.tuple(fc.tuple(...existing), fc.oneof(w(2, fc.constant([])), w(1, fresh(object)))).map(([kept, added]) =>
        Object.fromEntries([...kept.filter((e) => e !== undefined), ...added]) as Obj,
      );
    },
    patchObject(value) {
      const existing = Object.keys(value).map((k) =>
        fc.oneof(w(3, fc.constant({})), w(2, values.map((v) => ({ [k]: v }))), w(2, fc.constant({ [k]: null }))),
      );
      return fc.oneof(
        w(12, fc.tuple(fc.tuple(...existing), fresh(value)).map(([changes, added]) => merge([...changes, Object.fromEntries(added) as Obj]))),
        w(1, gen.map((v) => ({ $patch: 'replace', ...v }))),
        w(1, fc.constant({ $patch: 'delete' })),
      );
    },
    patch(key, value) {
      if (!isObj(value)) return gen.map((v) => ({ [key]: v }));
      return shape.patchObject(value).map((p) => ({ [key]: p }));
    },
  };
  return shape;
}

/**
 * A list with the `merge` strategy and merge key `mergeKey` (containers, env, ports, volumes…):
 * edits remove, change, reorder and add elements; patches change elements in place, delete them
 * (`$patch: delete`), add new ones, reorder with `$setElementOrder`, or replace the list
 * (`{$patch: replace}`).
 */
export function keyedList(mergeKey: string, element: ObjectShape, options: { minLength?: number; maxLength?: number } = {}): Shape {
  const maxLength = options.maxLength ?? 3;
  const gen = fc.uniqueArray(element.gen, { selector: (e) => keyOf(e[mergeKey]), minLength: options.minLength ?? 1, maxLength });
  const withKey = (e: Obj, key: Json | undefined) => (key === undefined ? e : { ...e, [mergeKey]: key });
  /** Up to two new elements whose keys are not in `list`. */
  const freshOnes = (list: readonly Obj[]) => {
    const taken = new Set(list.map((e) => keyOf(e[mergeKey])));
    return fc.uniqueArray(element.gen, { selector: (e) => keyOf(e[mergeKey]), maxLength: 2 }).map((news) => news.filter((e) => !taken.has(keyOf(e[mergeKey]))));
  };
  return {
    gen,
    edit(value) {
      const list = (value as Obj[]).filter(isObj);
      const perElement = list.map((e) =>
        fc.oneof(w(3, fc.constant(e)), w(2, element.edit(e).map((x) => withKey(x, e[mergeKey]))), w(1, fc.constant(undefined))),
      );
      return fc
        .tuple(fc.tuple(...perElement), fc.oneof(w(2, fc.constant([] as Obj[])), w(1, freshOnes(list))), fc.nat(2))
        .chain(([kept, added, where]) => {
          const rest = kept.filter((e): e is Obj => e !== undefined);
          return reordered(rest).chain((order) =>
            where === 0 ? fc.constant([...order, ...added]) : where === 1 ? fc.constant([...added, ...order]) : reordered([...order, ...added]),
          );
        });
    },
    patch(key, value) {
      if (!Array.isArray(value)) return gen.map((v) => ({ [key]: v }));
      const list = value.filter(isObj);
      const perElement = list.map((e) =>
        fc.oneof(
          w(3, fc.constant(undefined)),
          w(3, element.patchObject(e).map((p) => withKey(p, e[mergeKey]))),
          w(1, fc.constant({ [mergeKey]: e[mergeKey]!, $patch: 'delete' })),
        ),
      );
      const items = fc.tuple(fc.tuple(...perElement), freshOnes(list)).map(([changed, added]) => [
        ...changed.filter((p): p is Obj => p !== undefined),
        ...added,
      ]);
      const merged = items.chain(reordered).chain((patchList) => {
        const deleted = new Set(patchList.filter((p) => p.$patch === 'delete').map((p) => keyOf(p[mergeKey])));
        const listed = patchList.filter((p) => p.$patch !== 'delete').map((p) => p[mergeKey]!);
        const others = list.map((e) => e[mergeKey]!).filter((k) => !deleted.has(keyOf(k)) && !listed.some((l) => keyOf(l) === keyOf(k)));
        // `$setElementOrder`: every non-deleted patch element and some others, in a new order; the
        // patch elements then follow that order (Go rejects them otherwise; rarely they do not).
        const withOrder = fc.tuple(fc.subarray(others), fc.nat(7)).chain(([extra, dice]) =>
          reordered([...listed, ...extra]).map((order) => {
            const rank = (p: Obj) => order.findIndex((k) => keyOf(k) === keyOf(p[mergeKey]));
            // Non-delete elements sorted by rank, back into their slots; deletions stay where they are.
            const inOrder = patchList.filter((p) => p.$patch !== 'delete').sort((a, b) => rank(a) - rank(b));
            const sorted = patchList.map((p) => (p.$patch === 'delete' ? p : inOrder.shift()!));
            // Rarely, on purpose, an order that leaves out a patch element: Go rejects the patch.
            const invalid = dice === 0 && listed.length > 0 && order.length > 1;
            const finalOrder = invalid ? order.filter((k) => keyOf(k) !== keyOf(listed[0])) : order;
            return { [`$setElementOrder/${key}`]: finalOrder.map((k) => ({ [mergeKey]: k })), [key]: sorted };
          }),
        );
        return fc.oneof(w(1, fc.constant({ [key]: patchList })), w(1, withOrder));
      });
      const replaced = gen.map((v) => ({ [key]: [{ $patch: 'replace' }, ...v] }));
      return fc.oneof(w(10, merged), w(1, replaced));
    },
  };
}

/** A list of scalars with the `merge` strategy (`finalizers`): a set, patched by union and `$deleteFromPrimitiveList`. */
export function primitiveSet(pool: readonly string[]): Shape {
  const gen = fc.shuffledSubarray([...pool], { minLength: 1, maxLength: 3 });
  return {
    gen,
    edit(value) {
      const list = value as string[];
      const unused = pool.filter((v) => !list.includes(v));
      return fc
        .tuple(fc.subarray(list), fc.oneof(w(2, fc.constant([] as string[])), w(1, fc.shuffledSubarray(unused, { maxLength: Math.min(2, unused.length) }))))
        .chain(([kept, added]) => reordered([...kept, ...added]));
    },
    patch(key, value) {
      if (!Array.isArray(value)) return gen.map((v) => ({ [key]: v }));
      const list = value as string[];
      return fc
        .tuple(fc.shuffledSubarray([...pool], { maxLength: 2 }), fc.subarray(list, { maxLength: Math.min(2, list.length) }), fc.nat(3))
        .chain(([additions, removed, dice]) => {
          // Without `$setElementOrder/<key>`, Go's mergeMap meets `<key>` and
          // `$deleteFromPrimitiveList/<key>` in random map order: a value both added and deleted
          // ends up deleted or not, run by run. Keep the two apart then (with the order directive,
          // the list is merged first and the deletions come after, deterministically).
          const added = dice >= 2 ? additions.filter((v) => !removed.includes(v)) : additions;
          const patch: Obj = {};
          if (added.length > 0 || dice === 0) patch[key] = added;
          if (removed.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = removed;
          if (dice >= 2) return fc.constant(patch);
          const remaining = [...new Set([...list.filter((v) => !removed.includes(v)), ...added])];
          return reordered(remaining).map((order) => ({
            ...patch,
            [`$setElementOrder/${key}`]: order,
            ...(Array.isArray(patch[key]) ? { [key]: [...added].sort((a, b) => order.indexOf(a) - order.indexOf(b)) } : {}),
          }));
        });
    },
  };
}

/** A list replaced whole (no patch strategy: args, tolerations, externalIPs, volumeClaimTemplates). */
export function atomicList(element: fc.Arbitrary<Json>, maxLength = 3): Shape {
  const gen = fc.array(element, { minLength: 1, maxLength });
  return {
    gen,
    edit: (value) => fc.oneof(w(2, fc.constant(value)), w(1, gen), w(1, fc.constant((value as Json[]).slice(1)))),
    patch: (key) => gen.map((v) => ({ [key]: v })),
  };
}

/**
 * One of several struct variants (a volume's source, a deployment's strategy): edits and patches
 * stay within the variant or switch to another. A switch nulls the old variant's keys or not, and,
 * with `retainKeys`, usually lists the new keys in `$retainKeys` (as kubectl apply does).
 */
export function choice(variants: readonly ObjectShape[], variantOf: (value: Obj) => number, options: StructOptions = {}): ObjectShape {
  const gen = fc.oneof(...variants.map((v) => v.gen));
  const others = (i: number) => variants.filter((_, j) => j !== i);
  const shape: ObjectShape = {
    gen,
    edit(value) {
      const object = value as Obj;
      const i = variantOf(object);
      const switched = others(i).map((v) => w(1, v.gen));
      return fc.oneof(w(3, fc.constant(object)), w(2, variants[i]!.edit(object)), ...switched);
    },
    patchObject(value) {
      const i = variantOf(value);
      const switches = others(i).map((v) =>
        w(
          1,
          fc.tuple(v.gen, fc.boolean(), fc.nat(3)).chain(([next, nullOld, dice]): fc.Arbitrary<Obj> => {
            const patch: Obj = { ...next };
            if (nullOld) for (const k of Object.keys(value)) if (!Object.hasOwn(next, k)) patch[k] = null;
            if (!options.retainKeys || dice === 0) return fc.constant(patch);
            return fc.constant({ ...patch, $retainKeys: Object.keys(next).sort() });
          }),
        ),
      );
      return fc.oneof(w(3, variants[i]!.patchObject(value)), ...switches);
    },
    patch(key, value) {
      if (!isObj(value)) return gen.map((v) => ({ [key]: v }));
      return shape.patchObject(value).map((p) => ({ [key]: p }));
    },
  };
  return shape;
}

// ---------------------------------------------------------------------------------------------
// The kinds.

const quantity = fc.constantFrom('100m', '250m', '1', '64Mi', '128Mi', '1Gi');
const volumeNames = ['data', 'config', 'cache', 'secrets'];

const envVar = choice(
  [
    struct({ name: str('A', 'B', 'LOG_LEVEL', 'PORT'), value: str('1', 'debug', '', '<x&y>') }, ['name', 'value']),
    struct(
      {
        name: str('A', 'B', 'LOG_LEVEL', 'PORT'),
        valueFrom: struct({ fieldRef: struct({ fieldPath: str('metadata.name', 'status.podIP') }, ['fieldPath']) }, ['fieldRef']),
      },
      ['name', 'valueFrom'],
    ),
    struct(
      {
        name: str('A', 'B', 'LOG_LEVEL', 'PORT'),
        valueFrom: struct({ secretKeyRef: struct({ name: str('db', 'api'), key: str('password', 'token') }, ['name', 'key']) }, ['secretKeyRef']),
      },
      ['name', 'valueFrom'],
    ),
  ],
  (v) => (Object.hasOwn(v, 'value') ? 0 : isObj(v.valueFrom) && Object.hasOwn(v.valueFrom, 'fieldRef') ? 1 : 2),
);

const containerPort = struct({ containerPort: int(80, 443, 8080, 9090), name: str('http', 'https', 'metrics'), protocol: str('TCP', 'UDP') }, ['containerPort']);
const volumeMount = struct(
  { name: str(...volumeNames), mountPath: str('/data', '/config', '/cache', '/tmp'), readOnly: bool, subPath: str('a', 'b') },
  ['name', 'mountPath'],
);
const resources = struct({ limits: mapOf(['cpu', 'memory'], quantity, { minKeys: 1 }), requests: mapOf(['cpu', 'memory'], quantity, { minKeys: 1 }) });

const container = struct(
  {
    name: str('app', 'sidecar', 'proxy', 'log'),
    image: str('nginx:1.27', 'nginx:1.28', 'envoy:1.30', 'busybox:1.36'),
    imagePullPolicy: str('Always', 'IfNotPresent'),
    command: atomicList(fc.constantFrom('/bin/sh', '-c', 'nginx')),
    args: atomicList(fc.constantFrom('--port=8080', '--verbose', '-v=2')),
    env: keyedList('name', envVar),
    ports: keyedList('containerPort', containerPort),
    volumeMounts: keyedList('mountPath', volumeMount),
    resources,
  },
  ['name', 'image'],
);

const volumeVariant = (source: string, shape: ObjectShape) =>
  struct({ name: str(...volumeNames), [source]: shape }, ['name', source], { retainKeys: true });
const volumeSources = ['emptyDir', 'configMap', 'secret', 'hostPath'];
const volume = choice(
  [
    volumeVariant('emptyDir', struct({ medium: str('Memory'), sizeLimit: str('1Gi', '64Mi') })),
    volumeVariant('configMap', struct({ name: str('web-config', 'other'), defaultMode: int(420, 256), optional: bool }, ['name'])),
    volumeVariant('secret', struct({ secretName: str('tls', 'db'), optional: bool }, ['secretName'])),
    volumeVariant('hostPath', struct({ path: str('/var/log', '/tmp'), type: str('Directory', 'DirectoryOrCreate') }, ['path'])),
  ],
  (v) => Math.max(0, volumeSources.findIndex((s) => Object.hasOwn(v, s))),
  { retainKeys: true },
);

const toleration = fc.record(
  {
    key: fc.constantFrom('dedicated', 'node.kubernetes.io/not-ready', 'gpu'),
    operator: fc.constantFrom('Exists', 'Equal'),
    value: fc.constantFrom('web', 'true'),
    effect: fc.constantFrom('NoSchedule', 'NoExecute'),
    tolerationSeconds: fc.constantFrom(30, 300),
  },
  { requiredKeys: ['key'], noNullPrototype: true },
);

const podSpec = struct(
  {
    containers: keyedList('name', container, { minLength: 1 }),
    initContainers: keyedList('name', container, { maxLength: 2 }),
    volumes: keyedList('name', volume),
    tolerations: atomicList(toleration),
    nodeSelector: mapOf(['disktype', 'zone', 'kubernetes.io/os'], fc.constantFrom('ssd', 'a', 'linux'), { minKeys: 1 }),
    imagePullSecrets: keyedList('name', struct({ name: str('regcred', 'mirror', 'ghcr') }, ['name'])),
    hostAliases: keyedList('ip', struct({ ip: str('10.0.0.1', '10.0.0.2', '127.0.0.1'), hostnames: atomicList(fc.constantFrom('a.local', 'b.local')) }, ['ip'])),
    restartPolicy: str('Always', 'OnFailure', 'Never'),
    serviceAccountName: str('default', 'builder'),
    terminationGracePeriodSeconds: int(0, 30, 60),
    securityContext: struct({ runAsUser: int(0, 1000), runAsNonRoot: bool, fsGroup: int(2000) }),
  },
  ['containers'],
);

const labels = mapOf(['app', 'tier', 'team', 'example.com/owner'], fc.constantFrom('web', 'front', 'shop', 'v2'), { minKeys: 1 });
const annotations = mapOf(['note', 'example.com/rev', 'deployment.kubernetes.io/revision'], fc.constantFrom('1', '2', 'hello world', '<b>&amp;'), {
  minKeys: 1,
});
const finalizers = primitiveSet(['example.com/cleanup', 'example.com/backup', 'kubernetes.io/pvc-protection', 'orphan']);

const objectMeta = (name: string) =>
  struct({ name: fixed(name), namespace: fixed('default'), labels, annotations, finalizers }, ['name', 'namespace']);
const template = struct({ metadata: struct({ labels, annotations }), spec: podSpec }, ['metadata', 'spec']);
const selector = fixed({ matchLabels: { app: 'web' } });

const deploymentStrategy = choice(
  [
    struct({ type: fixed('Recreate') }, ['type'], { retainKeys: true }),
    struct(
      {
        type: fixed('RollingUpdate'),
        rollingUpdate: struct({ maxSurge: scalar(fc.constantFrom(0, 1, '25%')), maxUnavailable: scalar(fc.constantFrom(0, 1, '25%', '50%')) }),
      },
      ['type'],
      { retainKeys: true },
    ),
  ],
  (v) => (v.type === 'Recreate' ? 0 : 1),
  { retainKeys: true },
);

const statefulSetUpdateStrategy = choice(
  [
    struct({ type: fixed('OnDelete') }, ['type']),
    struct({ type: fixed('RollingUpdate'), rollingUpdate: struct({ partition: int(0, 1, 2), maxUnavailable: scalar(fc.constantFrom(1, '50%')) }) }, ['type']),
  ],
  (v) => (v.type === 'OnDelete' ? 0 : 1),
);

// fc.record makes objects without a prototype unless told otherwise; deep-equal (strict) tells them apart.
const plain = { noNullPrototype: true } as const;
const volumeClaimTemplate = fc.record({
  metadata: fc.record({ name: fc.constantFrom('data', 'logs') }, plain),
  spec: fc.record(
    {
      accessModes: fc.constantFrom('ReadWriteOnce', 'ReadWriteMany').map((mode) => [mode]),
      storageClassName: fc.constantFrom('standard', 'fast'),
      resources: fc.record({ requests: fc.record({ storage: fc.constantFrom('1Gi', '10Gi') }, plain) }, plain),
    },
    { requiredKeys: ['accessModes', 'resources'], ...plain },
  ),
}, plain);

const servicePort = struct(
  {
    port: int(80, 443, 8080, 53),
    targetPort: scalar(fc.constantFrom(8080, 'http', 9090)),
    name: str('http', 'https', 'dns'),
    protocol: str('TCP', 'UDP'),
    nodePort: int(30080, 30443),
  },
  ['port'],
);

/** The kinds the differential suites use, by name. */
export const KINDS = {
  Deployment: struct(
    {
      apiVersion: fixed('apps/v1'),
      kind: fixed('Deployment'),
      metadata: objectMeta('web'),
      spec: struct(
        {
          replicas: int(0, 1, 3, 5),
          selector,
          template,
          strategy: deploymentStrategy,
          minReadySeconds: int(0, 10),
          revisionHistoryLimit: int(2, 10),
          paused: bool,
          progressDeadlineSeconds: int(600, 120),
        },
        ['selector', 'template'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  StatefulSet: struct(
    {
      apiVersion: fixed('apps/v1'),
      kind: fixed('StatefulSet'),
      metadata: objectMeta('db'),
      spec: struct(
        {
          replicas: int(1, 3),
          serviceName: str('db', 'db-headless'),
          selector,
          template,
          updateStrategy: statefulSetUpdateStrategy,
          podManagementPolicy: str('OrderedReady', 'Parallel'),
          minReadySeconds: int(0, 5),
          volumeClaimTemplates: atomicList(volumeClaimTemplate, 2),
          persistentVolumeClaimRetentionPolicy: struct({ whenDeleted: str('Retain', 'Delete'), whenScaled: str('Retain', 'Delete') }),
        },
        ['selector', 'template'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  Pod: struct({ apiVersion: fixed('v1'), kind: fixed('Pod'), metadata: objectMeta('worker'), spec: podSpec }, ['apiVersion', 'kind', 'metadata', 'spec']),
  Service: struct(
    {
      apiVersion: fixed('v1'),
      kind: fixed('Service'),
      metadata: objectMeta('web'),
      spec: struct(
        {
          selector: mapOf(['app', 'tier'], fc.constantFrom('web', 'front'), { minKeys: 1 }),
          ports: keyedList('port', servicePort, { minLength: 1 }),
          type: str('ClusterIP', 'NodePort', 'LoadBalancer'),
          sessionAffinity: str('None', 'ClientIP'),
          externalIPs: atomicList(fc.constantFrom('192.0.2.1', '192.0.2.2')),
          publishNotReadyAddresses: bool,
        },
        ['ports'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
} satisfies Record<string, ObjectShape>;

export type KindName = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** A kind, then a random object of that kind. */
export const builtinObject: fc.Arbitrary<Obj> = fc.constantFrom(...KIND_NAMES).chain((kind) => KINDS[kind].gen);

const shapeOf = (object: Obj): ObjectShape => {
  const shape = (KINDS as Record<string, ObjectShape>)[String(object.kind)];
  if (shape === undefined) throw new Error(`no shape for kind ${String(object.kind)}`);
  return shape;
};

/** A changed version of `object` (the next manifest, or what others did to the live object). */
export const editOf = (object: Obj): fc.Arbitrary<Obj> => shapeOf(object).edit(object);

/** A strategic merge patch aimed at `object`, with directives (mostly valid; rarely invalid on purpose). */
export const patchFor = (object: Obj): fc.Arbitrary<Obj> => shapeOf(object).patchObject(object);

/** What the API server adds to an object it stores (for the live object of three-way cases). */
export function serverFields(object: Obj, generation: number): Obj {
  const metadata = isObj(object.metadata) ? object.metadata : {};
  const status: Record<string, Obj> = {
    Deployment: { observedGeneration: generation, replicas: 1, readyReplicas: 1, conditions: [{ type: 'Available', status: 'True' }] },
    StatefulSet: { observedGeneration: generation, replicas: 1, currentRevision: 'db-5d8f' },
    Pod: { phase: 'Running', podIP: '10.1.2.3' },
    Service: { loadBalancer: {} },
  };
  return {
    ...object,
    metadata: { ...metadata, uid: '6f1e2a4c-0000-4000-8000-000000000001', resourceVersion: String(1000 + generation), generation, creationTimestamp: '2025-01-01T00:00:00Z' },
    ...(status[String(object.kind)] ? { status: status[String(object.kind)]! } : {}),
  };
}
