import { cloneJson } from '../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, jsonKeys, setOwn } from '../json/ownProperty.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import type { SchemaLookup } from './SchemaLookup.js';

/**
 * One value the API server fills in when a field is absent (or `null`), from the defaulting
 * functions of k8s.io/kubernetes `pkg/apis/<group>/v1/defaults.go` (`SetDefaults_*`).
 *
 * @example
 * ```ts
 * const row: ServerDefault = { type: 'io.k8s.api.core.v1.ContainerPort', field: 'protocol', value: 'TCP', condition: 'always' };
 * ```
 * @public
 */
export interface ServerDefault {
  /** The struct type id whose field it is (`io.k8s.api.core.v1.Container`). */
  readonly type: string;
  /** The field's JSON name. */
  readonly field: string;
  /** The default, or how to compute it from the object holding the field (`undefined`: no default there). */
  readonly value: JsonValue | ((object: JsonObject) => JsonValue | undefined);
  /** When it applies, in words, for documentation. */
  readonly condition: string;
}

const CORE = 'io.k8s.api.core.v1.';
const APPS = 'io.k8s.api.apps.v1.';

/**
 * `SetDefaults_Container`: "if tag == "latest" { PullAlways } else { PullIfNotPresent }", where
 * `parsers.ParseImageName` gives the tag `latest` to an image with neither tag nor digest, and no
 * tag to an image pinned by digest.
 */
function imagePullPolicy(container: JsonObject): string {
  const image = getOwn(container, 'image');
  if (typeof image !== 'string' || image === '' || image.includes('@')) return 'IfNotPresent';
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  const tag = colon < 0 ? 'latest' : name.slice(colon + 1);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function serviceTypeIs(...types: string[]): (spec: JsonObject) => JsonValue | undefined {
  return (spec) => (types.includes(String(getOwn(spec, 'type') ?? 'ClusterIP')) ? 'Cluster' : undefined);
}

/**
 * The server-filled defaults `semanticDiff` knows (Kubernetes 1.33), in the order they are
 * applied within one object. Documented, with the conditions, in `docs/normalizations/defaults.md`.
 *
 * @example
 * ```ts
 * SERVER_DEFAULTS.filter((d) => d.type === 'io.k8s.api.core.v1.PodSpec').map((d) => d.field);
 * // ['restartPolicy', 'terminationGracePeriodSeconds', 'dnsPolicy', 'securityContext', 'schedulerName']
 * ```
 * @public
 */
export const SERVER_DEFAULTS: readonly ServerDefault[] = Object.freeze([
  { type: `${APPS}DeploymentSpec`, field: 'replicas', value: 1, condition: 'always' },
  { type: `${APPS}DeploymentSpec`, field: 'strategy', value: {}, condition: 'always (then filled as DeploymentStrategy)' },
  { type: `${APPS}DeploymentSpec`, field: 'revisionHistoryLimit', value: 10, condition: 'always' },
  { type: `${APPS}DeploymentSpec`, field: 'progressDeadlineSeconds', value: 600, condition: 'always' },
  { type: `${APPS}DeploymentStrategy`, field: 'type', value: 'RollingUpdate', condition: 'always' },
  {
    type: `${APPS}DeploymentStrategy`, field: 'rollingUpdate', condition: 'type is RollingUpdate (then filled as RollingUpdateDeployment)',
    value: (s) => (getOwn(s, 'type') === 'RollingUpdate' ? {} : undefined),
  },
  { type: `${APPS}RollingUpdateDeployment`, field: 'maxUnavailable', value: '25%', condition: 'always' },
  { type: `${APPS}RollingUpdateDeployment`, field: 'maxSurge', value: '25%', condition: 'always' },
  { type: `${APPS}StatefulSetSpec`, field: 'replicas', value: 1, condition: 'always' },
  { type: `${APPS}StatefulSetSpec`, field: 'podManagementPolicy', value: 'OrderedReady', condition: 'always' },
  { type: `${APPS}StatefulSetSpec`, field: 'revisionHistoryLimit', value: 10, condition: 'always' },
  { type: `${APPS}DaemonSetSpec`, field: 'revisionHistoryLimit', value: 10, condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'restartPolicy', value: 'Always', condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'terminationGracePeriodSeconds', value: 30, condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'dnsPolicy', value: 'ClusterFirst', condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'securityContext', value: {}, condition: 'always' },
  { type: `${CORE}PodSpec`, field: 'schedulerName', value: 'default-scheduler', condition: 'always' },
  { type: `${CORE}Container`, field: 'terminationMessagePath', value: '/dev/termination-log', condition: 'always' },
  { type: `${CORE}Container`, field: 'terminationMessagePolicy', value: 'File', condition: 'always' },
  {
    type: `${CORE}Container`, field: 'imagePullPolicy', value: imagePullPolicy,
    condition: 'Always when the image tag is `latest` or there is neither tag nor digest, else IfNotPresent',
  },
  { type: `${CORE}ContainerPort`, field: 'protocol', value: 'TCP', condition: 'always' },
  { type: `${CORE}Probe`, field: 'timeoutSeconds', value: 1, condition: 'always' },
  { type: `${CORE}Probe`, field: 'periodSeconds', value: 10, condition: 'always' },
  { type: `${CORE}Probe`, field: 'successThreshold', value: 1, condition: 'always' },
  { type: `${CORE}Probe`, field: 'failureThreshold', value: 3, condition: 'always' },
  { type: `${CORE}HTTPGetAction`, field: 'scheme', value: 'HTTP', condition: 'always' },
  { type: `${CORE}ServiceSpec`, field: 'type', value: 'ClusterIP', condition: 'always' },
  { type: `${CORE}ServiceSpec`, field: 'sessionAffinity', value: 'None', condition: 'always' },
  {
    type: `${CORE}ServiceSpec`, field: 'internalTrafficPolicy', condition: 'type is not ExternalName',
    value: serviceTypeIs('ClusterIP', 'NodePort', 'LoadBalancer'),
  },
  {
    type: `${CORE}ServiceSpec`, field: 'externalTrafficPolicy', condition: 'type is NodePort or LoadBalancer',
    value: serviceTypeIs('NodePort', 'LoadBalancer'),
  },
  { type: `${CORE}ServicePort`, field: 'protocol', value: 'TCP', condition: 'always' },
  {
    type: `${CORE}ServicePort`, field: 'targetPort', condition: 'the value of `port` ("if sp.TargetPort is zero … FromInt32(sp.Port)")',
    value: (p) => (typeof getOwn(p, 'port') === 'number' ? getOwn(p, 'port')! : undefined),
  },
] satisfies ServerDefault[]);

const byType = new Map<string, ServerDefault[]>();
for (const row of SERVER_DEFAULTS) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);

/** A document with the server defaults filled in, and which keys were filled where. @internal */
export interface Defaulted {
  readonly value: JsonValue;
  /** The keys filled in, by the (copied) object holding them. */
  readonly filled: ReadonlyMap<object, ReadonlySet<string>>;
}

/**
 * Whether a value of type `type` may hold a struct, the only thing defaults are filled into: a
 * scalar, `unknown` or `opaque` value has no struct inside, and neither has a map or list of them
 * (a ConfigMap's `data`, labels, `resources.limits`), so the fill skips them.
 */
function mayHoldStruct(type: TypeRef): boolean {
  if (type.kind === 'list' || type.kind === 'map') return mayHoldStruct(type.elem);
  return type.kind === 'struct';
}

/** A shallow copy of `object`, without its `undefined` members (which count as absent). */
function shallowCopy(object: JsonObject): JsonObject {
  const copy: JsonObject = {};
  for (const key of jsonKeys(object)) setOwn(copy, key, object[key]!);
  return copy;
}

/**
 * Fills the {@link SERVER_DEFAULTS} into `value`, top-down so that a default that is an object
 * (`strategy: {}`) is then defaulted inside. Absent and `null` fields are filled, since Go's
 * decoder reads both as the zero value the defaulting functions test for. The input is not
 * changed: an object that gets a default is copied, and so are the objects and lists above it;
 * everything else is shared with the input (the walk only reads it, and copies what it reports).
 * @internal
 */
export function fillServerDefaults(value: JsonValue, schema: PatchSchema, schemas: SchemaLookup): Defaulted {
  const filled = new Map<object, Set<string>>();
  const visit = (node: JsonObject | JsonValue[], at: PatchSchema): JsonValue => {
    if (!mayHoldStruct(at.type)) return node;
    if (Array.isArray(node)) {
      const items = schemas.items(at)!;
      let copy: JsonValue[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const item = node[i]!;
        if (typeof item !== 'object' || item === null) continue;
        const result = visit(item, items);
        if (result !== item) (copy ??= node.slice())[i] = result;
      }
      return copy ?? node;
    }
    let copy: JsonObject | undefined;
    const rows = at.type.kind === 'struct' ? byType.get(at.type.ref) : undefined;
    for (const row of rows ?? []) {
      const current = getOwn(copy ?? node, row.field);
      if (current !== undefined && current !== null) continue;
      const fill = typeof row.value === 'function' ? row.value(copy ?? node) : cloneJson(row.value);
      if (fill === undefined) continue;
      setOwn((copy ??= shallowCopy(node)), row.field, fill);
      let keys = filled.get(copy);
      if (keys === undefined) filled.set(copy, (keys = new Set()));
      keys.add(row.field);
    }
    const target = copy ?? node;
    for (const key of Object.keys(target)) {
      const child = target[key];
      if (typeof child !== 'object' || child === null) continue;
      const field = schemas.field(at, key);
      if (field === undefined) continue;
      const result = visit(child, field.schema);
      if (result !== child) setOwn((copy ??= shallowCopy(node)), key, result);
    }
    return copy ?? node;
  };
  return { value: typeof value === 'object' && value !== null ? visit(value, schema) : value, filled };
}
