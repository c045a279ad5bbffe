import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { isKubepatchError } from '../errors/isKubepatchError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { FieldSet, setNode } from './fieldsV1/FieldSet.js';
import type { SetNode } from './fieldsV1/setNode.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { ApplySchema } from './schema/ApplySchema.js';
import { applyTargetFor, readStored } from './target/applyTarget.js';
import { atomOf, isAtomicList, isAtomicMap } from './typed/atomOf.js';
import { listElementPath } from './typed/listElementPath.js';
import { removeItems } from './typed/removeItems.js';
import { findEntry } from './fieldsV1/setNode.js';
import { validateTyped } from './typed/validateTyped.js';

/**
 * The options of {@link extractOwned}.
 *
 * @example
 * ```ts
 * const options: ExtractOwnedOptions = { subresource: 'status', crds: [rolloutCrd] };
 * ```
 * @public
 */
export interface ExtractOwnedOptions {
  /** The subresource the manager applied through (`'status'`); absent for the main resource. */
  readonly subresource?: string;
  /** The schema of the object's kind, as in {@link WriteOptions.schema}; when given, `crds` and `openAPI` are not read. */
  readonly schema?: PatchSchema;
  /** The CustomResourceDefinitions of custom kinds (list types, keys, scope); built-in kinds need none. */
  readonly crds?: readonly object[];
  /** An OpenAPI v3 document describing the kind, as in {@link WriteOptions.openAPI}. */
  readonly openAPI?: object;
}

/**
 * The apply configuration `manager` owns in a live object, as client-go's generated
 * `ExtractDeployment(obj, fieldManager)` (apimachinery's `managedfields.ExtractInto`) gives it:
 * the fields of the manager's `Apply` entry for that subresource, taken from the object with
 * their current values (`ExtractItems` of the set's leaves), then `apiVersion`, `kind`,
 * `metadata.name` and `metadata.namespace` set from the object. Edit it and apply it again with
 * the same manager; unedited, that apply changes nothing, not even `managedFields`.
 *
 * - `undefined` when the manager has no `Apply` entry for the subresource (Go returns the bare
 *   `apiVersion`/`kind`/name/namespace configuration then; a manager that only ever wrote by
 *   `Update` owns nothing an apply could keep).
 * - Fields a manager owns whole are extracted whole: an atomic list or map (a label selector,
 *   `args`) with everything in it, server-set values included.
 * - Only leaves are owned: a defaulted field inside an owned list element (`imagePullPolicy`,
 *   `terminationMessagePath`) is left out unless the manager applied it.
 * - `metadata.namespace` is set when the object has one: client-go sets it for namespaced kinds,
 *   the only ones the API server stores a namespace for.
 *
 * Where Go's extraction would not re-apply unchanged, this one keeps the owned fields: an owned
 * empty map or list (`resources: {}`, `finalizers: []`, which Go's `ExtractItems` turns into
 * `null` and the typed configuration drops, so applying it gives the field up) stays `{}` or
 * `[]`; owned fields the object no longer holds (an empty `omitempty` field such as
 * `nodeSelector: {}` the server did not store) are left out without leaving an empty `{}` behind,
 * which would claim the map itself (Go leaves `template: {}` there). Such a lost field is the one
 * thing a re-apply changes: it leaves the manager's entry, as it does in Go.
 *
 * Throws `InvalidDocumentError` for an object that is not one, or whose entry's `fieldsV1` does
 * not decode (with its JSON Pointer), and `InvalidSchemaError` for a custom kind without its CRD.
 *
 * @example
 * ```ts
 * const live = await getObject(kubeConfig, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' });
 * const mine = extractOwned(live, 'deployer');
 * // { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
 * //   spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'app:1' }] } } } }
 * mine.spec.replicas = 5;
 * serverSideApply(live, mine, { manager: 'deployer' }); // only replicas changes
 * ```
 * @public
 */
export function extractOwned(object: JsonInput, manager: string, options: ExtractOwnedOptions = {}): JsonObject | undefined {
  assertJsonValue(object, 'object');
  if (!isJsonObject(object)) throw new InvalidDocumentError('object must be a Kubernetes object (a JSON object)', { path: '', input: 'object' });
  if (typeof manager !== 'string') throw new InvalidDocumentError('manager must be a string (the fieldManager)', { input: 'manager' });
  const target = applyTargetFor(object, options, 'object');
  const stored = readStored(target, object);
  validateTyped(stored, target.schema, { input: 'object', allowDuplicates: true });
  const owned = findAppliedSet(object, manager, options.subresource ?? '');
  if (owned === undefined) return undefined;
  const leaves = setNode(owned.leaves());
  const extracted = removeItems(stored, leaves, target.schema, true);
  const body = finish(extracted, stored, leaves, target.schema);
  return withIdentity(isJsonObject(body) ? body : {}, object);
}

/** `findManagedFields`: the first entry of the manager, `Apply`, this subresource; its set decoded. */
function findAppliedSet(object: JsonObject, manager: string, subresource: string): FieldSet | undefined {
  const metadata = getOwn(object, 'metadata');
  const entries = isJsonObject(metadata) ? getOwn(metadata, 'managedFields') : undefined;
  if (!Array.isArray(entries)) return undefined;
  const index = entries.findIndex(
    (entry) => isJsonObject(entry) && text(entry, 'manager') === manager && getOwn(entry, 'operation') === 'Apply' && text(entry, 'subresource') === subresource,
  );
  if (index < 0) return undefined;
  const fieldsV1 = getOwn(entries[index] as JsonObject, 'fieldsV1');
  const at = `/metadata/managedFields/${index}/fieldsV1`;
  try {
    return fieldsV1 === undefined || fieldsV1 === null ? FieldSet.EMPTY : FieldSet.fromFieldsV1(fieldsV1);
  } catch (error) {
    if (!isKubepatchError(error, 'INVALID_DOCUMENT')) throw error;
    throw new InvalidDocumentError(`the managedFields entry of ${JSON.stringify(manager)} does not decode: ${error.message}`, { path: `${at}${error.path ?? ''}`, input: 'object' });
  }
}

/** A string member as Go reads it into a struct: absent or `null` is `""`. */
function text(entry: JsonObject, key: string): string | undefined {
  const value = getOwn(entry, key);
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : undefined;
}

/**
 * `ExtractItems`' output made ready to apply again. Where the set has a leaf, the owned value: a
 * scalar or an atomic value as extracted, a granular map or list as `{}` or `[]` (what was
 * applied; Go gives `null`, or for a non-empty one whatever the whole set happens to match in
 * it). Where the set only reaches through, Go's `null` for "nothing of it is left" goes, and so
 * does a map that held nothing else.
 */
function finish(extracted: JsonValue | undefined, source: JsonValue | undefined, node: SetNode, schema: ApplySchema): JsonValue | undefined {
  if (extracted === undefined || extracted === null || source === undefined || source === null) return undefined;
  const part = atomOf(schema, source);
  if (part === 'scalar') return extracted;
  if (part === 'list') {
    if (isAtomicList(schema) || !Array.isArray(extracted) || !Array.isArray(source)) return extracted;
    const items = schema.items()!;
    const out: JsonValue[] = [];
    let next = 0;
    for (const item of source) {
      const entry = findEntry(node, listElementPath(schema, item, '', 'object'));
      if (entry === undefined) continue;
      const value = next < extracted.length ? extracted[next++] : undefined;
      const kept = entry.member ? leafValue(value, item, items) : finish(value, item, entry.children ?? [], items);
      if (kept !== undefined) out.push(kept);
    }
    return out.length > 0 ? out : undefined;
  }
  if (isAtomicMap(schema) || !isJsonObject(extracted) || !isJsonObject(source)) return extracted;
  const out: JsonObject = {};
  for (const key of jsonKeys(extracted)) {
    const child = schema.field(key);
    const entry = findEntry(node, { kind: 'field', name: key });
    if (child === undefined || entry === undefined) continue;
    const value = getOwn(extracted, key);
    const kept = entry.member ? leafValue(value, getOwn(source, key), child) : finish(value, getOwn(source, key), entry.children ?? [], child);
    if (kept !== undefined) setOwn(out, key, kept);
  }
  return jsonKeys(out).length > 0 ? out : undefined;
}

/** The value of an owned leaf: what was extracted, or for a granular map or list the empty one applied. */
function leafValue(extracted: JsonValue | undefined, source: JsonValue | undefined, schema: ApplySchema): JsonValue | undefined {
  if (source === undefined) return undefined;
  if (source === null) return null;
  const part = atomOf(schema, source);
  if (part === 'map' && isJsonObject(source) && !isAtomicMap(schema)) return {};
  if (part === 'list' && Array.isArray(source) && !isAtomicList(schema)) return [];
  return extracted ?? source;
}

/** The configuration with the identity client-go's extract sets: `apiVersion`, `kind`, `metadata.name`, `metadata.namespace`; those first. */
function withIdentity(body: JsonObject, object: JsonObject): JsonObject {
  const metadata = getOwn(object, 'metadata');
  const name = isJsonObject(metadata) ? getOwn(metadata, 'name') : undefined;
  const namespace = isJsonObject(metadata) ? getOwn(metadata, 'namespace') : undefined;
  const meta: JsonObject = { name: typeof name === 'string' ? name : '' };
  if (typeof namespace === 'string' && namespace !== '') setOwn(meta, 'namespace', namespace);
  const ownedMeta = getOwn(body, 'metadata');
  if (isJsonObject(ownedMeta)) for (const key of jsonKeys(ownedMeta)) if (key !== 'name' && key !== 'namespace') setOwn(meta, key, ownedMeta[key]!);
  const out: JsonObject = { apiVersion: getOwn(object, 'apiVersion')!, kind: getOwn(object, 'kind')!, metadata: meta };
  for (const key of jsonKeys(body)) if (key !== 'apiVersion' && key !== 'kind' && key !== 'metadata') setOwn(out, key, body[key]!);
  return out;
}
