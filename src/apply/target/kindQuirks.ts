import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';

/** The annotation `apps/v1` DaemonSets carry `spec.templateGeneration` of the internal type in. @internal */
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

type Quirk = (object: JsonObject, live: JsonObject | null) => JsonObject;

function member(object: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let value = object;
  for (const key of path) value = isJsonObject(value) ? getOwn(value, key) : undefined;
  return value;
}

function withMember(object: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const out: JsonObject = { ...object };
  if (value === undefined) delete out[key];
  else setOwn(out, key, value);
  return out;
}

function withMetadataMember(object: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const metadata = member(object, 'metadata');
  return withMember(object, 'metadata', withMember(isJsonObject(metadata) ? metadata : {}, key, value));
}

/** Base64 of the UTF-8 bytes of a string, as Go writes a `[]byte` in JSON (without `Buffer`, which the core does not use). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * What decoding a request does beyond defaults and the Go struct, per kind: the defaulting
 * functions that change more than empty fields, and the conversions to the internal type and
 * back. The field manager sees their result, so an update owns what they set.
 */
const decodeQuirks: ReadonlyMap<string, Quirk> = new Map<string, Quirk>([
  // SetDefaults_Job: "if labels != nil && len(obj.Labels) == 0 { obj.Labels = labels }" (the template's).
  [
    'batch/v1/Job',
    (job) => {
      const templateLabels = member(job, 'spec', 'template', 'metadata', 'labels');
      const labels = member(job, 'metadata', 'labels');
      if (!isJsonObject(templateLabels) || (isJsonObject(labels) && jsonKeys(labels).length > 0)) return job;
      return withMetadataMember(job, 'labels', templateLabels);
    },
  ],
  // SetDefaults_Service: "if obj.Spec.SessionAffinity == v1.ServiceAffinityNone { obj.Spec.SessionAffinityConfig = nil }".
  [
    'v1/Service',
    (service) => {
      const spec = member(service, 'spec');
      if (!isJsonObject(spec) || getOwn(spec, 'sessionAffinity') !== 'None' || getOwn(spec, 'sessionAffinityConfig') === undefined) return service;
      return withMember(service, 'spec', withMember(spec, 'sessionAffinityConfig', undefined));
    },
  ],
  // Convert_v1_Secret_To_core_Secret: "StringData overwrites Data"; the internal type has no stringData.
  [
    'v1/Secret',
    (secret) => {
      const stringData = member(secret, 'stringData');
      if (stringData === undefined) return secret;
      const data = member(secret, 'data');
      const merged: JsonObject = isJsonObject(data) ? { ...data } : {};
      if (isJsonObject(stringData)) for (const key of jsonKeys(stringData)) setOwn(merged, key, base64Utf8(String(stringData[key])));
      return withMember(withMember(secret, 'stringData', undefined), 'data', jsonKeys(merged).length > 0 ? merged : undefined);
    },
  ],
  // Convert_apps_DaemonSet_To_v1_DaemonSet: the annotation always holds TemplateGeneration (0 when the request had none).
  [
    'apps/v1/DaemonSet',
    (daemonSet) => {
      const annotations = member(daemonSet, 'metadata', 'annotations');
      const given = isJsonObject(annotations) ? getOwn(annotations, TEMPLATE_GENERATION) : undefined;
      if (typeof given === 'string') return daemonSet;
      return withMetadataMember(daemonSet, 'annotations', { ...(isJsonObject(annotations) ? annotations : {}), [TEMPLATE_GENERATION]: '0' });
    },
  ],
]);

/**
 * What the registry's strategy does that the field manager does not see, beyond resetting
 * status and spec: a DaemonSet's template generation ("update is not allowed to set
 * TemplateGeneration"; it starts at 1 and grows by one when the template changes).
 */
const storageQuirks: ReadonlyMap<string, Quirk> = new Map<string, Quirk>([
  [
    'apps/v1/DaemonSet',
    (daemonSet, live) => {
      const generationOf = (object: JsonObject | null) => Number(member(object ?? undefined, 'metadata', 'annotations', TEMPLATE_GENERATION) ?? 0) || 0;
      let generation = Math.max(generationOf(live), live === null ? 1 : 0);
      if (live !== null && !jsonEqual(member(live, 'spec', 'template'), member(daemonSet, 'spec', 'template'))) generation += 1;
      const annotations = member(daemonSet, 'metadata', 'annotations');
      return withMetadataMember(daemonSet, 'annotations', { ...(isJsonObject(annotations) ? annotations : {}), [TEMPLATE_GENERATION]: String(generation) });
    },
  ],
]);

/** The decoding quirks of the kind (`apps/v1/DaemonSet`), if any. @internal */
export function applyDecodeQuirks(apiVersion: string, kind: string, object: JsonObject): JsonObject {
  return decodeQuirks.get(`${apiVersion}/${kind}`)?.(object, null) ?? object;
}

/** The storage quirks of the kind, if any. @internal */
export function applyStorageQuirks(apiVersion: string, kind: string, object: JsonObject, live: JsonObject | null): JsonObject {
  return storageQuirks.get(`${apiVersion}/${kind}`)?.(object, live) ?? object;
}
