import { readManagedFields } from '../../apply/fieldOwnersEntries.js';
import type { FieldSet } from '../../apply/fieldsV1/FieldSet.js';
import { ApplySchema } from '../../apply/schema/ApplySchema.js';
import { applySchemaFromCRD } from '../../apply/schema/applySchemaFromCRD.js';
import { builtinApplySchemaFor } from '../../apply/schema/builtinApplyTable.js';
import { compareTyped } from '../../apply/typed/compareTyped.js';
import { setOfEntries } from '../../apply/typed/setEntries.js';
import { validateTyped } from '../../apply/typed/validateTyped.js';
import { isKubepatchError } from '../../errors/isKubepatchError.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import type { SourcedRule } from './resourceOverrides.js';

/**
 * One field a trusted manager's rule removes, located in both objects.
 * @example
 * ```ts
 * const removal: ManagedRemoval = { live: '/spec/replicas', desired: '/spec/replicas', rule };
 * ```
 * @internal
 */
export interface ManagedRemoval {
  /** JSON Pointers in the live object and in the desired one. */
  readonly live: string;
  readonly desired: string;
  readonly rule: SourcedRule;
}

/**
 * The fields `managedFieldsManagers` leave out, as Argo CD's `managedfields.Normalize`
 * (util/argo/managedfields/managed_fields.go) finds them before any other normalization:
 * "If config mutates a field that belongs to one of the trustedManagers it will remove that field
 * from both live and config objects". Exactly:
 *
 * 1. both objects are typed with the kind's schema (`scheme.ResolveParseableType`: the built-in
 *    kinds' static schema, a custom resource's from its CRD among `crds`; without one, the
 *    deduced type, whose lists are atomic). If either does not validate (a field the schema
 *    lacks, two list elements with one key), Argo CD leaves both as they are: nothing here;
 * 2. `live.Compare(desired).Modified`: the fields both have, with different values (a leaf, or
 *    an atomic list or map whole). A field only the manifest sets, or only live has, is never
 *    left out;
 * 3. for every entry of the live object's `metadata.managedFields` whose `manager` is trusted
 *    (any operation, any subresource), its `fieldsV1` intersected with that set is removed from
 *    both objects (`TypedValue.RemoveItems`; a map or list left empty becomes `null`).
 *
 * The managers read from the live object apply to both sides: each removal is returned with its
 * pointer in the live object and in the desired one (list indices may differ). A removal is
 * credited to the first rule naming the first trusted entry that owns it.
 * @example
 * ```ts
 * managedFieldsRemovals(live, desired, [{ expression: 'kube-controller-manager', source, pointer: '/ignoreDifferences/0/managedFieldsManagers/0' }], []);
 * // [{ live: '/spec/replicas', desired: '/spec/replicas', rule: … }]
 * ```
 * @internal
 */
export function managedFieldsRemovals(
  live: JsonObject,
  desired: JsonObject,
  managers: readonly SourcedRule[],
  crds: readonly object[],
): ManagedRemoval[] {
  if (managers.length === 0) return [];
  const schema = schemaOf(desired, crds);
  for (const [object, input] of [[live, 'live'], [desired, 'desired']] as const) {
    try {
      validateTyped(object, schema, { input, allowDuplicates: false });
    } catch (error) {
      if (isKubepatchError(error)) return [];
      throw error;
    }
  }
  const modified: FieldSet = setOfEntries(compareTyped(live, desired, schema).modified);
  if (modified.isEmpty()) return [];
  const removals: ManagedRemoval[] = [];
  const seen = new Set<string>();
  for (const entry of readManagedFields(live)) {
    const rule = managers.find((m) => m.expression === entry.owner.manager);
    if (rule === undefined) continue;
    const removed = entry.set.intersection(modified);
    if (removed.isEmpty()) continue;
    const inLive = removed.toJsonPointers(live);
    const inDesired = removed.toJsonPointers(desired);
    inLive.forEach((at, i) => {
      const there = inDesired[i]!;
      if (at.pointer === undefined || there.pointer === undefined || seen.has(at.serverPath)) return;
      seen.add(at.serverPath);
      removals.push({ live: at.pointer, desired: there.pointer, rule });
    });
  }
  return removals;
}

/** `ResolveParseableType`: the static schema of a built-in kind, the CRD's for a custom resource, else deduced. */
function schemaOf(object: JsonObject, crds: readonly object[]): ApplySchema {
  const apiVersion = getOwn(object, 'apiVersion');
  const kind = getOwn(object, 'kind');
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ApplySchema.deduced();
  const builtin = builtinApplySchemaFor(apiVersion, kind);
  if (builtin !== undefined) return builtin;
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  for (const crd of crds) {
    const spec = isJsonObject(crd) ? getOwn(crd, 'spec') : undefined;
    const names = isJsonObject(spec) ? getOwn(spec, 'names') : undefined;
    if (!isJsonObject(spec) || getOwn(spec, 'group') !== group || !isJsonObject(names) || getOwn(names, 'kind') !== kind) continue;
    return applySchemaFromCRD(crd, apiVersion.slice(slash + 1));
  }
  return ApplySchema.deduced();
}
