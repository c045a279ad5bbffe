import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import type { FieldSet } from '../fieldsV1/FieldSet.js';
import { goJsonValue } from '../fieldsV1/goJson.js';
import type { ApplyTarget } from '../target/applyTarget.js';
import { readStored } from '../target/applyTarget.js';
import { compareTyped } from '../typed/compareTyped.js';
import { setOfEntries } from '../typed/setEntries.js';
import { validateTyped } from '../typed/validateTyped.js';
import { fieldSetOf } from '../updater/updater.js';

/** The annotation `kubectl apply` (client-side) keeps its last configuration in. @internal */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The only manager whose applies read and write {@link LAST_APPLIED} ("Upgrade the client-side apply annotation only from kubectl server-side-apply"). @internal */
export const KUBECTL = 'kubectl';

function annotationsOf(object: JsonValue): JsonObject | undefined {
  const metadata = isJsonObject(object) ? getOwn(object, 'metadata') : undefined;
  const annotations = isJsonObject(metadata) ? getOwn(metadata, 'annotations') : undefined;
  return isJsonObject(annotations) ? annotations : undefined;
}

/**
 * `allowedConflictsFromLastApplied`: the fields of the last-applied configuration whose values the
 * live object still has. A `kubectl` apply whose conflicts all lie there is forced: they are the
 * fields its earlier client-side apply set. `undefined` when there is no usable annotation.
 * @internal
 */
export function allowedConflictsFromLastApplied(live: JsonValue, target: ApplyTarget): FieldSet | undefined {
  const text = annotationsOf(live)?.[LAST_APPLIED];
  if (typeof text !== 'string' || text === '') return undefined;
  let lastApplied: JsonValue;
  try {
    lastApplied = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  if (!isJsonObject(lastApplied) || getOwn(lastApplied, 'apiVersion') !== target.apiVersion) return undefined;
  const stored = readStored(target, live);
  try {
    validateTyped(lastApplied, target.schema, { input: 'last-applied', allowDuplicates: false });
  } catch {
    return undefined;
  }
  const comparison = compareTyped(lastApplied, stored, target.schema);
  return fieldSetOf(lastApplied, target.schema)
    .difference(setOfEntries(comparison.modified))
    .difference(setOfEntries(comparison.added))
    .difference(setOfEntries(comparison.removed));
}

/** Whether the object keeps a non-empty {@link LAST_APPLIED} (`hasLastApplied`). @internal */
export function hasLastApplied(object: JsonValue): boolean {
  const value = annotationsOf(object)?.[LAST_APPLIED];
  return typeof value === 'string' && value !== '';
}

/**
 * The object with {@link LAST_APPLIED} set to the applied configuration (`buildLastApplied`): the
 * configuration without that annotation, as `json.Encoder` writes an unstructured object (keys
 * sorted, HTML-escaped, a final newline).
 * @internal
 */
export function withLastApplied(object: JsonObject, config: JsonObject): JsonObject {
  let recorded: JsonObject = config;
  const annotations = annotationsOf(config);
  if (annotations !== undefined) {
    const kept: JsonObject = {};
    for (const key of jsonKeys(annotations)) if (key !== LAST_APPLIED) setOwn(kept, key, annotations[key]!);
    const metadata: JsonObject = { ...(getOwn(config, 'metadata') as JsonObject) };
    setOwn(metadata, 'annotations', kept);
    recorded = { ...config };
    setOwn(recorded, 'metadata', metadata);
  }
  const metadata: JsonObject = { ...(getOwn(object, 'metadata') as JsonObject) };
  const current = annotationsOf(object) ?? {};
  const next: JsonObject = { ...current };
  setOwn(next, LAST_APPLIED, `${goJsonValue(recorded)}\n`);
  setOwn(metadata, 'annotations', next);
  const out: JsonObject = { ...object };
  setOwn(out, 'metadata', metadata);
  return out;
}
