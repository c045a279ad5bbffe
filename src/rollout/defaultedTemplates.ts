import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { schemaFor } from '../schema/schemaFor.js';
import { SchemaLookup } from '../semantic/SchemaLookup.js';
import { fillServerDefaults } from '../semantic/serverDefaults.js';
import type { ArgoRolloutsVersion } from './ArgoRolloutsVersion.js';

/** The label the controller adds to a ReplicaSet's template, deleted on both sides before comparing. */
const HASH_LABEL = 'rollouts-pod-template-hash';

/**
 * The two pod templates Argo Rollouts' controller compares in its second pass of
 * `FindNewReplicaSet` (`PodTemplateEqualIgnoreHash`), for a Rollout whose template goes from
 * `stored` to `desired`:
 *
 * - the live side is the template of the ReplicaSet made for `stored`, as the API server stored it:
 *   with the server's defaults of a ReplicaSet's template ({@link fillServerDefaults}, which
 *   includes the deprecated `serviceAccount` the server copies from `serviceAccountName`);
 * - the desired side is `desired` with `SetObjectDefaults_PodTemplate`, the defaults of a
 *   PodTemplate (no Pod-only defaults: no `enableServiceLinks`, no requests copied from limits);
 * - the 1.9 line (`defaultPodTemplateSpec`) also runs the live side through the PodTemplate
 *   defaults; the 1.8 line compares the stored template as it is. The two agree on a template the
 *   server stored with the same defaults, and differ for a ReplicaSet stored before a default
 *   existed;
 * - both lines delete the `rollouts-pod-template-hash` label and blank the deprecated
 *   `spec.serviceAccount` on both sides (argo-rollouts #1356).
 *
 * Neither input is changed; the results share unchanged parts with them.
 * @internal
 */
export function defaultedTemplates(
  stored: JsonObject | undefined,
  desired: JsonObject | undefined,
  argoVersion: ArgoRolloutsVersion,
): { live: JsonValue | undefined; desired: JsonValue | undefined } {
  const live = storedTemplate(stored);
  return {
    live: forComparison(argoVersion === '1.8' ? live : controllerDefaults(live)),
    desired: forComparison(controllerDefaults(desired)),
  };
}

/** `template` as the API server stores it in a ReplicaSet. */
function storedTemplate(template: JsonObject | undefined): JsonObject | undefined {
  if (template === undefined) return undefined;
  const schema = schemaFor('apps/v1', 'ReplicaSet')!;
  const { value } = fillServerDefaults({ spec: { template } }, schema, new SchemaLookup());
  return objectIn(value, 'spec', 'template');
}

/** `SetObjectDefaults_PodTemplate` on a template, as the controller runs it. */
function controllerDefaults(template: JsonObject | undefined): JsonObject | undefined {
  if (template === undefined) return undefined;
  const schema = schemaFor('v1', 'PodTemplate')!;
  const { value } = fillServerDefaults({ template }, schema, new SchemaLookup());
  return objectIn(value, 'template');
}

/** Without the hash label and the deprecated `spec.serviceAccount`. */
function forComparison(template: JsonObject | undefined): JsonObject | undefined {
  if (template === undefined) return undefined;
  const metadata = getOwn(template, 'metadata');
  const labels = isJsonObject(metadata) ? getOwn(metadata, 'labels') : undefined;
  const spec = getOwn(template, 'spec');
  const out = without(template, []);
  if (isJsonObject(metadata) && isJsonObject(labels) && getOwn(labels, HASH_LABEL) !== undefined) {
    setOwn(out, 'metadata', { ...without(metadata, []), labels: without(labels, [HASH_LABEL]) });
  }
  if (isJsonObject(spec) && getOwn(spec, 'serviceAccount') !== undefined) setOwn(out, 'spec', without(spec, ['serviceAccount']));
  return out;
}

function without(object: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of jsonKeys(object)) if (!keys.includes(key)) setOwn(out, key, object[key]!);
  return out;
}

function objectIn(value: JsonValue, ...keys: string[]): JsonObject | undefined {
  let current: JsonValue | undefined = value;
  for (const key of keys) current = isJsonObject(current) ? getOwn(current, key) : undefined;
  return isJsonObject(current) ? current : undefined;
}
