// Hand-made JSON merge patches and JSON Patches aimed at a stored object, for every kind (the Argo
// Rollout included). Merge patches carry nulls: on map keys (present or not) and inside arrays they
// store, where the API server (evanphx/json-patch v4) drops them. JSON Patches use add, remove,
// replace, move, copy and test, with `-` and escaped (`~1`) pointer tokens. Every patch is valid
// and gives an object the server accepts with nothing to default in.
import type { JsonPatchOperation } from 'kubepatch';
import type { Obj } from './patchPodTemplate.js';
import type { Random } from './seededRandom.js';

const podSpecOf = (object: Obj): Obj | undefined => object.spec?.template?.spec ?? (object.kind === 'Pod' ? object.spec : undefined);
const podSpecPath = (object: Obj) => (object.kind === 'Pod' ? '/spec' : '/spec/template/spec');
/** Pods and Jobs keep their pod spec: only workloads and Rollouts may change it. */
const mutablePodSpec = (object: Obj) => ['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout'].includes(object.kind);

/** A JSON merge patch for the stored `object`. */
export function handMadeMergePatch(random: Random, object: Obj): Obj {
  const options: (() => Obj)[] = [
    () => ({ metadata: { labels: { team: random.chance(0.5) ? null : 'merge', 'not-there': null, 'example.com/hand': 'made' } } }),
    () => ({ metadata: { annotations: random.chance(0.5) ? null : { note: 'merged', absent: null } } }),
  ];
  if (mutablePodSpec(object)) {
    const spec = podSpecOf(object)!;
    // The whole list is stored: nulls inside its elements are dropped by the server (and by kubepatch).
    options.push(() => {
      const containers = (spec.containers as Obj[]).map((c) => ({ ...c, args: null, workingDir: null }));
      (containers[random.int(containers.length)] as Obj).image = random.pick(['nginx:1.29', 'busybox:1.37']);
      return { spec: { template: { spec: { containers } } } };
    });
    options.push(() => ({ spec: { template: { spec: { tolerations: [{ key: 'gpu', operator: 'Exists', effect: null, value: null }], nodeSelector: null } } } }));
  }
  if (object.kind === 'ConfigMap') options.push(() => ({ data: { mode: null, extra: 'x', 'never-there': null } }));
  if (object.kind === 'Service') options.push(() => ({ spec: { ports: (object.spec.ports as Obj[]).map((p) => ({ ...p, appProtocol: null })).reverse(), selector: { tier: null, app: 'web' } } }));
  if (object.kind === 'Rollout') options.push(() => ({ spec: { strategy: { canary: { steps: [{ setWeight: 30, pause: null }, { pause: { duration: '1m' } }], maxSurge: null } } } }));
  return random.pick(options)();
}

/** A JSON Patch (one or two operations on separate parts) for the stored `object`. */
export function handMadeJsonPatch(random: Random, object: Obj): JsonPatchOperation[] {
  const metadata: Obj = object.metadata;
  // Not the label a Job keeps (emptied, its labels would be defaulted again).
  const labelKey = Object.keys(metadata.labels ?? {}).find((k) => k !== 'e2e-kept');
  const token = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const labelsOps = (): JsonPatchOperation[] =>
    labelKey === undefined
      ? [{ op: 'add', path: metadata.labels ? '/metadata/labels/example.com~1hand' : '/metadata/labels', value: metadata.labels ? 'made' : { 'example.com/hand': 'made' } }]
      : random.pick<() => JsonPatchOperation[]>([
          () => [{ op: 'add', path: '/metadata/labels/example.com~1hand', value: 'made' }],
          () => [{ op: 'copy', from: `/metadata/labels/${token(labelKey)}`, path: '/metadata/labels/copied' }],
          () => [{ op: 'test', path: '/metadata/name', value: metadata.name }, { op: 'remove', path: `/metadata/labels/${token(labelKey)}` }],
        ])();
  const finalizerOps = (): JsonPatchOperation[] =>
    metadata.finalizers
      ? random.pick<() => JsonPatchOperation[]>([
          () => [{ op: 'add', path: random.chance(0.5) ? '/metadata/finalizers/0' : '/metadata/finalizers/-', value: 'example.com/json' }],
          () => [{ op: 'move', from: '/metadata/finalizers/0', path: '/metadata/finalizers/-' }],
          () => [{ op: 'remove', path: `/metadata/finalizers/${metadata.finalizers.length - 1}` }],
        ])()
      : [{ op: 'add', path: '/metadata/finalizers', value: ['example.com/json'] }];
  const options: (() => JsonPatchOperation[])[] = [labelsOps, finalizerOps];
  if (mutablePodSpec(object)) {
    const base = podSpecPath(object);
    const containers: Obj[] = podSpecOf(object)!.containers;
    options.push(() => {
      const i = random.int(containers.length);
      return [
        { op: 'test', path: `${base}/containers/${i}/name`, value: containers[i]!.name },
        { op: 'replace', path: `${base}/containers/${i}/image`, value: random.pick(['nginx:1.29', 'busybox:1.37']) },
      ];
    });
    options.push((): JsonPatchOperation[] => {
      const i = containers.findIndex((c) => (c.env ?? []).length > 1);
      if (i < 0) return [{ op: 'add', path: `${base}/containers/0/env`, value: [{ name: 'HAND', value: 'made' }] }];
      return random.chance(0.5)
        ? [{ op: 'move', from: `${base}/containers/${i}/env/0`, path: `${base}/containers/${i}/env/-` }]
        : [{ op: 'copy', from: `${base}/containers/${i}/env/0/value`, path: `${base}/containers/${i}/env/1/value` }, { op: 'remove', path: `${base}/containers/${i}/env/1/valueFrom` }].filter(
            (op) => op.op !== 'remove' || containers[i]!.env[1].valueFrom !== undefined,
          ).filter(() => containers[i]!.env[0].value !== undefined) as JsonPatchOperation[];
    });
    if (containers.length > 1) options.push(() => [{ op: 'move', from: `${base}/containers/${containers.length - 1}`, path: `${base}/containers/0` }]);
  }
  if (object.kind === 'ConfigMap') options.push(() => [{ op: 'replace', path: '/data', value: { replaced: 'yes' } }]);
  if (object.kind === 'Service') options.push(() => [{ op: 'move', from: '/spec/ports/0', path: '/spec/ports/-' }]);
  const first = random.pick(options)();
  if (first.length === 0) return random.pick([labelsOps, finalizerOps])();
  return first;
}
