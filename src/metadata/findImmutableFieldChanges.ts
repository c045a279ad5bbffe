import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { statefulSetChanges, workloadSelectorChanges } from './appsRules.js';
import { configMapChanges, secretChanges } from './configMapAndSecretRules.js';
import { aggregateMessage } from './fieldErrors.js';
import { goQuote } from './goFormat.js';
import { kindType, UNKNOWN_TYPE } from './goTypes.js';
import { type ImmutableRule, type UpdatePair } from './immutableRule.js';
import { jobChanges } from './jobRules.js';
import { objectMetaChanges } from './objectMetaRules.js';
import { persistentVolumeClaimChanges } from './persistentVolumeClaimRules.js';
import { podChanges } from './podRules.js';
import { rolloutChanges } from './rolloutRules.js';
import { serviceChanges } from './serviceRules.js';

/** The update rules kubepatch knows, by `<group>/<Kind>` (the core group is `""`). */
const rules: { readonly [groupKind: string]: ImmutableRule } = {
  'apps/Deployment': workloadSelectorChanges,
  'apps/ReplicaSet': workloadSelectorChanges,
  'apps/DaemonSet': workloadSelectorChanges,
  'apps/StatefulSet': statefulSetChanges,
  'batch/Job': jobChanges,
  '/Service': serviceChanges,
  '/PersistentVolumeClaim': persistentVolumeClaimChanges,
  '/ConfigMap': configMapChanges,
  '/Secret': secretChanges,
  '/Pod': podChanges,
  'argoproj.io/Rollout': rolloutChanges,
};

/** An object's group, version and kind, as its `apiVersion` and `kind` say. @internal */
export interface ObjectKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** @internal */
export function objectKind(object: JsonObject): ObjectKind {
  const apiVersion = getOwn(object, 'apiVersion');
  const kind = getOwn(object, 'kind');
  const text = typeof apiVersion === 'string' ? apiVersion : '';
  const slash = text.lastIndexOf('/');
  return { group: slash < 0 ? '' : text.slice(0, slash), version: slash < 0 ? text : text.slice(slash + 1), kind: typeof kind === 'string' ? kind : '' };
}

/**
 * Every change from `oldObj` to `newObj` that the API server refuses on update because the field
 * cannot change, each with its JSON Pointer, the field as the server names it, the old and new
 * values and the server's message. `[]` when the update is allowed (as far as immutable fields
 * go: other validation still applies).
 *
 * The rules (see docs/immutable-fields.md):
 *
 * - every object: `metadata.name`, `namespace`, `uid` and `creationTimestamp` (after the API
 *   server's own repairs: an absent `uid` is filled in, a changed `creationTimestamp` is put back);
 * - Deployment, ReplicaSet, DaemonSet: `spec.selector`;
 * - StatefulSet: every spec field but `replicas`, `ordinals`, `template`, `updateStrategy`,
 *   `revisionHistoryLimit`, `persistentVolumeClaimRetentionPolicy` and `minReadySeconds`;
 * - Job: `selector`, `template` (but the scheduling directives of a suspended Job that never
 *   ran), `completions` (but together with `parallelism` in an Indexed Job), `completionMode`,
 *   `podFailurePolicy`, `backoffLimitPerIndex`, `managedBy`, `successPolicy`;
 * - Service: `clusterIP`/`clusterIPs`, `ipFamilies`, `loadBalancerClass`, `healthCheckNodePort`;
 * - PersistentVolumeClaim: the spec, but `resources.requests` and `volumeAttributesClassName` of
 *   a bound claim and a first `volumeName`; `volumeMode`;
 * - ConfigMap and Secret with `immutable: true`: `immutable`, `data` (and `binaryData`); Secret `type`;
 * - Pod: the spec, but container images, `activeDeadlineSeconds` (down only) and added tolerations;
 * - Argo `Rollout`: `spec.selector`, when present on both sides.
 *
 * Objects of different kinds are never updates of one another: kubepatch reports a change at
 * `/kind` (or `/apiVersion` for another group) in its own words, and applies only the metadata
 * rules. Compare objects in the same form: the live object and the object the update would store
 * (the live object with your patch applied), so that the API server's defaults are on both sides.
 *
 * @example
 * ```ts
 * const live = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
 *   spec: { selector: { matchLabels: { app: 'web' } } } };
 * findImmutableFieldChanges(live, { ...live, spec: { selector: { matchLabels: { app: 'web2' } } } });
 * // [{ path: '/spec/selector', field: 'spec.selector', old: { matchLabels: { app: 'web' } },
 * //    new: { matchLabels: { app: 'web2' } },
 * //    message: 'spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable' }]
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON object.
 * @public
 */
export function findImmutableFieldChanges(oldObj: JsonInput, newObj: JsonInput): ImmutableFieldChange[] {
  const pair = readPair(oldObj, newObj);
  const oldKind = objectKind(pair.old);
  const newKind = objectKind(pair.new);
  const changes: ImmutableFieldChange[] = [];
  if (oldKind.group !== newKind.group) changes.push(kindChange('apiVersion', pair));
  if (oldKind.kind !== newKind.kind) changes.push(kindChange('kind', pair));
  changes.push(...objectMetaChanges(pair));
  if (changes.some((change) => change.path === '/kind' || change.path === '/apiVersion')) return changes;
  const rule = rules[`${newKind.group}/${newKind.kind}`];
  const skipped = newKind.group === 'apps' && newKind.version === 'v1beta1' && rule === workloadSelectorChanges;
  if (rule !== undefined && !skipped) changes.push(...rule(pair));
  return changes;
}

/**
 * The message of the API server's 422 for these changes: `errors.NewInvalid`,
 * `"%s %q is invalid: %v"` with the group and kind (`Deployment.apps`, `Service`), the object's
 * name and the aggregated field errors (one bare, several as `[e1, e2]`).
 * @internal
 */
export function invalidObjectMessage(object: JsonObject, changes: readonly ImmutableFieldChange[]): string {
  const { group, kind } = objectKind(object);
  const metadata = getOwn(object, 'metadata');
  const name = isJsonObject(metadata) ? getOwn(metadata, 'name') : undefined;
  const groupKind = group === '' ? kind : `${kind}.${group}`;
  return `${groupKind} ${goQuote(typeof name === 'string' ? name : '')} is invalid: ${aggregateMessage(changes.map((change) => change.message))}`;
}

/** Checks both arguments and finds the Go type of the new object's kind. @internal */
export function readPair(oldObj: JsonInput, newObj: JsonInput): UpdatePair {
  assertJsonValue(oldObj, 'oldObj');
  assertJsonValue(newObj, 'newObj');
  for (const [value, input] of [[oldObj, 'oldObj'], [newObj, 'newObj']] as const) {
    if (!isJsonObject(value)) {
      const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
      throw new InvalidDocumentError(`${input}: must be a Kubernetes object, not ${what}`, { path: '', input });
    }
  }
  const object = newObj as JsonObject;
  const { group, version, kind } = objectKind(object);
  const apiVersion = group === '' ? version : `${group}/${version}`;
  // The rules were written against the v1 types (the API server validates its internal types,
  // which v1 mirrors); other versions fall back to their own.
  const type = kindType(group === '' ? 'v1' : `${group}/v1`, kind) ?? kindType(apiVersion, kind) ?? UNKNOWN_TYPE;
  return { old: oldObj as JsonObject, new: object, type };
}

function kindChange(key: 'kind' | 'apiVersion', pair: UpdatePair): ImmutableFieldChange {
  const oldValue = getOwn(pair.old, key);
  const newValue = getOwn(pair.new, key);
  const name = (object: JsonObject) => {
    const { group, kind } = objectKind(object);
    return group === '' ? kind : `${kind}.${group}`;
  };
  return {
    path: `/${key}`,
    field: key,
    old: oldValue,
    new: newValue,
    // No API server message: the server finds an object by group, kind and name, so this is
    // another object, not an update. kubepatch's words.
    message: `${key}: the object changes from ${name(pair.old) || '(no kind)'} to ${name(pair.new) || '(no kind)'}: the API server takes it for another object`,
  };
}
