import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { isKubepatchError } from '../errors/isKubepatchError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../json/ownProperty.js';
import type { JsonPatch } from '../patch/json-patch/JsonPatchOperation.js';
import { FieldSet } from './fieldsV1/FieldSet.js';

/**
 * The options of {@link upgradeManagedFields}: whose client-side apply fields move to which
 * server-side apply manager.
 *
 * @example
 * ```ts
 * const options: UpgradeManagedFieldsOptions = { from: ['kubectl-client-side-apply'], to: 'kubectl' };
 * ```
 * @public
 */
export interface UpgradeManagedFieldsOptions {
  /** The `Update` managers whose fields move (client-side apply's); default `['kubectl-client-side-apply']`. */
  readonly from?: readonly string[];
  /** The manager that will apply from now on (`kubectl` for `kubectl apply --server-side`). */
  readonly to: string;
  /** Upgrade the entries of this subresource (`'status'`); absent for the main resource. */
  readonly subresource?: string;
}

/** The manager `kubectl apply` (client-side) writes as, by `Update`. @internal */
export const CLIENT_SIDE_APPLY_MANAGER = 'kubectl-client-side-apply';

/**
 * Moves the fields of client-side apply's `Update` managers to a server-side apply manager, as
 * client-go's `csaupgrade.UpgradeManagedFields` does (and `kubectl apply --server-side` itself
 * since 1.26): afterwards an apply by `to` that leaves out a field client-side apply set removes
 * it, instead of leaving it behind for good under the `Update` entry (kubernetes/kubernetes#99003).
 * Returns a new object; only `metadata.managedFields` differs. For each name of `from`, in order:
 *
 * 1. The entry that receives the fields: `to`'s `Apply` entry for the subresource if there is
 *    one, else the first `Update` entry of that name and subresource, which becomes `to`'s `Apply`
 *    entry (keeping its apiVersion, time and place; the server sorts entries oldest first, so
 *    that is the oldest, though Go's comment says "most recent"). No such entry: nothing changes.
 * 2. Into it goes the union of its fields and those of the name's `Update` entry **of the same
 *    apiVersion** (the first one); its `fieldsV1` is written anew.
 * 3. Every `Update` entry of that name and subresource is dropped, so fields an entry of another
 *    apiVersion alone held are owned by no one afterwards.
 *
 * Go loops over the names of a `sets.Set`, in random order; with several names and no `Apply`
 * entry yet, which `Update` entry becomes it depends on that order. Here it is `from`'s order.
 *
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation is left as it is, as in Go:
 * it is not read, changed or removed. `to` now owns it as client-side apply did, so an apply by
 * `to` whose configuration lacks it removes it (and the server then stops updating it for
 * `kubectl`, which it does only while the object has it).
 *
 * Throws `InvalidDocumentError` when `managedFields` is not a list of entries, or an entry it
 * must read has a `fieldsV1` that does not decode ("failed to convert fields to set", with its
 * JSON Pointer); `to` must be a non-empty string.
 *
 * @example
 * ```ts
 * const live = await getObject(kubeConfig, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' });
 * const upgraded = upgradeManagedFields(live, { to: 'kubectl' });
 * // managedFields: the kubectl-client-side-apply Update entry is now { manager: 'kubectl', operation: 'Apply', … }
 * await replaceObject(kubeConfig, upgraded); // or send upgradeManagedFieldsPatch(live, { to: 'kubectl' })
 * ```
 * @public
 */
export function upgradeManagedFields(object: JsonInput, options: UpgradeManagedFieldsOptions): JsonObject {
  const { live, entries, upgraded } = upgrade(object, options);
  if (upgraded === entries) return { ...live };
  const metadata: JsonObject = { ...(getOwn(live, 'metadata') as JsonObject) };
  setOwn(metadata, 'managedFields', upgraded as JsonValue[]);
  const out: JsonObject = { ...live };
  setOwn(out, 'metadata', metadata);
  return out;
}

/**
 * {@link upgradeManagedFields} as the JSON Patch client-go's `csaupgrade.UpgradeManagedFieldsPatch`
 * sends: `replace` of `/metadata/managedFields` with the upgraded entries, then `replace` of
 * `/metadata/resourceVersion` with the object's own, so the server refuses the patch with a 409
 * Conflict if the object changed since it was read. `undefined` when there is nothing to do (Go's
 * nil): the entries would stay exactly as they are.
 *
 * @example
 * ```ts
 * const patch = upgradeManagedFieldsPatch(live, { to: 'kubectl' });
 * // [{ op: 'replace', path: '/metadata/managedFields', value: [...] }, { op: 'replace', path: '/metadata/resourceVersion', value: '4127' }]
 * if (patch !== undefined) await sendPatch(kubeConfig, live, { type: 'json', patch });
 * ```
 * @public
 */
export function upgradeManagedFieldsPatch(object: JsonInput, options: UpgradeManagedFieldsOptions): JsonPatch | undefined {
  const { live, entries, upgraded } = upgrade(object, options);
  // reflect.DeepEqual of the entries, whose fieldsV1 Go compares as raw bytes.
  if (upgraded === entries || JSON.stringify(upgraded) === JSON.stringify(entries)) return undefined;
  const metadata = getOwn(live, 'metadata') as JsonObject;
  const resourceVersion = getOwn(metadata, 'resourceVersion');
  return [
    { op: 'replace', path: '/metadata/managedFields', value: (upgraded ?? null) as JsonValue },
    { op: 'replace', path: '/metadata/resourceVersion', value: typeof resourceVersion === 'string' ? resourceVersion : '' },
  ];
}

interface Upgrade {
  readonly live: JsonObject;
  /** The object's entries (`undefined`: none). */
  readonly entries: readonly JsonObject[] | undefined;
  /** The upgraded entries; `entries` itself when nothing matched. */
  readonly upgraded: readonly JsonObject[] | undefined;
}

function upgrade(object: JsonInput, options: UpgradeManagedFieldsOptions): Upgrade {
  assertJsonValue(object, 'object');
  if (!isJsonObject(object)) throw new InvalidDocumentError('object must be a Kubernetes object (a JSON object)', { path: '', input: 'object' });
  const { from, to, subresource } = checkOptions(options);
  const metadata = getOwn(object, 'metadata');
  const list = isJsonObject(metadata) ? getOwn(metadata, 'managedFields') : undefined;
  if (list === undefined || list === null) return { live: object, entries: undefined, upgraded: undefined };
  if (!Array.isArray(list)) throw new InvalidDocumentError('metadata.managedFields must be a list', { path: '/metadata/managedFields', input: 'object' });
  list.forEach((entry, i) => {
    if (!isJsonObject(entry)) throw new InvalidDocumentError(`the managedFields entry ${i} is not an object`, { path: `/metadata/managedFields/${i}`, input: 'object' });
  });
  const entries = list as readonly JsonObject[];
  let current: readonly Tracked[] | undefined;
  for (const name of new Set(from)) current = upgradeFrom(current ?? entries.map((entry, index) => ({ entry, index })), name, to, subresource) ?? current;
  return { live: object, entries, upgraded: current === undefined ? entries : current.map(({ entry }) => entry) };
}

function checkOptions(options: UpgradeManagedFieldsOptions): { from: readonly string[]; to: string; subresource: string } {
  if (!isJsonObject(options)) throw new InvalidDocumentError('options must be an object', { input: 'options' });
  const { from = [CLIENT_SIDE_APPLY_MANAGER], to, subresource = '' } = options;
  if (typeof to !== 'string' || to === '') throw new InvalidDocumentError('options.to must be a non-empty string (the server-side apply manager)', { input: 'options' });
  if (!Array.isArray(from) || from.some((name) => typeof name !== 'string')) throw new InvalidDocumentError('options.from must be a list of manager names', { input: 'options' });
  if (typeof subresource !== 'string') throw new InvalidDocumentError('options.subresource must be a string', { input: 'options' });
  return { from, to, subresource };
}

/** An entry and where it was in the object, for messages. */
interface Tracked {
  readonly entry: JsonObject;
  readonly index: number;
}

/** A string member as Go reads it into `ManagedFieldsEntry`: absent or `null` is `""`. */
function member(entry: JsonObject, key: string): string {
  const value = getOwn(entry, key);
  return typeof value === 'string' ? value : '';
}

const isUpdateOf = (name: string, subresource: string) => (entry: JsonObject) =>
  member(entry, 'manager') === name && member(entry, 'operation') === 'Update' && member(entry, 'subresource') === subresource;

/** `upgradedManagedFields` for one client-side apply manager; `undefined` when it changes nothing ("Nothing to do. Return early"). */
function upgradeFrom(entries: readonly Tracked[], csa: string, ssa: string, subresource: string): Tracked[] | undefined {
  const isCsa = isUpdateOf(csa, subresource);
  const out = [...entries];
  let target = out.findIndex(({ entry }) => member(entry, 'manager') === ssa && member(entry, 'operation') === 'Apply' && member(entry, 'subresource') === subresource);
  if (target < 0) {
    target = out.findIndex(({ entry }) => isCsa(entry));
    if (target < 0) return undefined;
    out[target] = { ...out[target]!, entry: renamed(out[target]!.entry, ssa) };
  }
  const into = out[target]!;
  const apiVersion = member(into.entry, 'apiVersion');
  const source = out.find(({ entry }) => isCsa(entry) && member(entry, 'apiVersion') === apiVersion);
  let set = fieldsOf(into);
  if (source !== undefined) set = set.union(fieldsOf(source));
  out[target] = { ...into, entry: withFields(into.entry, set) };
  return out.filter(({ entry }) => !isCsa(entry));
}

/** The entry as `to`'s `Apply` entry: operation and manager set, everything else kept in place. */
function renamed(entry: JsonObject, manager: string): JsonObject {
  const out: JsonObject = { ...entry };
  setOwn(out, 'manager', manager);
  setOwn(out, 'operation', 'Apply');
  return out;
}

function withFields(entry: JsonObject, set: FieldSet): JsonObject {
  const out: JsonObject = { ...entry };
  setOwn(out, 'fieldsV1', set.toFieldsV1());
  return out;
}

/** `decodeManagedFieldsEntrySet`; an entry without `fieldsV1` (on which Go dereferences nil) owns nothing. */
function fieldsOf({ entry, index }: Tracked): FieldSet {
  const fieldsV1 = getOwn(entry, 'fieldsV1');
  if (fieldsV1 === undefined || fieldsV1 === null) return FieldSet.EMPTY;
  const at = `/metadata/managedFields/${index}/fieldsV1`;
  try {
    return FieldSet.fromFieldsV1(fieldsV1);
  } catch (error) {
    if (!isKubepatchError(error, 'INVALID_DOCUMENT')) throw error;
    throw new InvalidDocumentError(`failed to convert fields to set: ${error.message}`, { path: `${at}${error.path ?? ''}`, input: 'object' });
  }
}

