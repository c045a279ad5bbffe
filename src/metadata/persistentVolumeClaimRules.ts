import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import type { JsonValue } from '../json/JsonValue.js';
import { memberType, typeAt } from './goTypes.js';
import { changeAt, immutableValue, keysOf, member, reportValues, valueAt, withMember, type UpdatePair } from './immutableRule.js';
import { compareQuantities } from '../semantic/quantity/compareQuantities.js';
import { isValidQuantity } from '../semantic/quantity/isValidQuantity.js';
import type { QuantityInput } from '../semantic/quantity/Quantity.js';
import { memberEqual } from './semanticEqual.js';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

const specMessage = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

const isNil = (value: JsonValue | undefined) => value === undefined || value === null;

/**
 * PersistentVolumeClaim (pkg/apis/core/validation `ValidatePersistentVolumeClaimUpdate`). The new
 * spec, with what may change put back from the old one, must equal the old spec:
 *
 * - `volumeName` may be set once ("volumeName changes are allowed once");
 * - a claim with no class (and no beta annotation) may be given a non-empty one;
 * - `storageClassName` may be set to the class the old beta annotation
 *   `volume.beta.kubernetes.io/storage-class` named;
 * - for a `Bound` claim, `resources.requests.storage` and `volumeAttributesClassName` may change.
 *
 * ```go
 * allErrs = append(allErrs, field.Forbidden(field.NewPath("spec"), fmt.Sprintf("spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n%v", specDiff)))
 * ```
 *
 * The server appends a `cmp.Diff` of its internal specs after a newline; kubepatch leaves it out
 * and reports one change per spec field instead. Then a storage request below the old one must
 * stay above `status.capacity` (RecoverVolumeExpansionFailure, on by default since 1.32),
 * `volumeMode` is immutable (its field path is `volumeMode`, sic), and a set
 * `volumeAttributesClassName` may not be cleared.
 * @internal
 */
export function persistentVolumeClaimChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const specType = typeAt(pair.type, ['spec']);
  const oldSpec = member(pair.old, 'spec');
  const newSpec = member(pair.new, 'spec');
  // PrepareForUpdate copies the old status: the claim is bound when the old one was.
  const bound = valueAt(pair.old, ['status', 'phase']) === 'Bound';
  let oldClone = oldSpec;
  let newClone = newSpec;
  if (isNil(member(oldSpec, 'volumeName')) || member(oldSpec, 'volumeName') === '') {
    oldClone = withMember(oldClone, 'volumeName', member(newSpec, 'volumeName'));
  }
  if (storageClassUpgrade(pair) || storageClassFromNil(pair)) newClone = withMember(newClone, 'storageClassName', undefined);
  const requests = valueAt(newClone, ['resources', 'requests']);
  if (bound && !isNil(requests)) {
    const storage = valueAt(oldSpec, ['resources', 'requests', 'storage']);
    const resources = withMember(member(newClone, 'resources'), 'requests', withMember(requests, 'storage', storage ?? null));
    newClone = withMember(newClone, 'resources', resources);
  }
  if (bound && !isNil(member(newClone, 'volumeAttributesClassName'))) {
    newClone = withMember(newClone, 'volumeAttributesClassName', member(oldClone, 'volumeAttributesClassName'));
  }

  const changes: ImmutableFieldChange[] = [];
  for (const key of keysOf(oldClone, newClone)) {
    if (memberType(specType, key) === undefined || key === 'volumeMode') continue;
    if (memberEqual(specType, key, member(oldClone, key), member(newClone, key))) continue;
    changes.push(changeAt(['spec', key], member(oldSpec, key), member(newSpec, key), { type: 'Forbidden', field: 'spec', detail: specMessage }));
  }
  // The default `volumeMode` is Filesystem (SetDefaults_PersistentVolumeClaimSpec): an absent
  // mode equals it, in the spec comparison as in the check below.
  const oldMode = member(oldSpec, 'volumeMode') ?? 'Filesystem';
  const newMode = member(newSpec, 'volumeMode') ?? 'Filesystem';
  const rawModes = [member(oldSpec, 'volumeMode'), member(newSpec, 'volumeMode')] as const;
  if (oldMode !== newMode) {
    changes.push(changeAt(['spec', 'volumeMode'], ...rawModes, { type: 'Forbidden', field: 'spec', detail: specMessage }));
  }
  changes.push(...storageChanges(pair));
  changes.push(
    ...immutableValue(pair.type, ['spec', 'volumeMode'], oldMode, newMode).map((change) => ({
      ...reportValues(change, ...rawModes),
      field: 'volumeMode',
      message: change.message.replace(/^spec\.volumeMode/, 'volumeMode'),
    })),
  );
  changes.push(...volumeAttributesClassChanges(oldSpec, newSpec));
  return changes;
}

/**
 * `validateStorageClassUpgradeFromAnnotation`: the old claim names its class only in the beta
 * annotation, and the new one sets `storageClassName` to that class (and keeps the annotation, if
 * it has one, unchanged).
 */
function storageClassUpgrade(pair: UpdatePair): boolean {
  const oldAnnotation = valueAt(pair.old, ['metadata', 'annotations', BETA_STORAGE_CLASS_ANNOTATION]);
  const newAnnotation = valueAt(pair.new, ['metadata', 'annotations', BETA_STORAGE_CLASS_ANNOTATION]);
  const oldClass = valueAt(pair.old, ['spec', 'storageClassName']);
  const newClass = valueAt(pair.new, ['spec', 'storageClassName']);
  return (
    typeof oldAnnotation === 'string' &&
    isNil(oldClass) &&
    newClass === oldAnnotation &&
    (newAnnotation === undefined || newAnnotation === oldAnnotation)
  );
}

/**
 * `validateStorageClassUpgradeFromNil` (RetroactiveDefaultStorageClass, GA since 1.28): a claim
 * with no class and no beta annotation may be given a class, as the default class controller
 * does, but not `""`.
 */
function storageClassFromNil(pair: UpdatePair): boolean {
  const annotations = valueAt(pair.old, ['metadata', 'annotations']);
  const annotated = member(annotations, BETA_STORAGE_CLASS_ANNOTATION) !== undefined;
  const newClass = valueAt(pair.new, ['spec', 'storageClassName']);
  return !annotated && isNil(valueAt(pair.old, ['spec', 'storageClassName'])) && typeof newClass === 'string' && newClass !== '';
}

/**
 * ```go
 * if newSize.Cmp(oldSize) < 0 {
 *   if newSize.Cmp(statusSize) <= 0 {
 *     allErrs = append(allErrs, field.Forbidden(field.NewPath("spec", "resources", "requests", "storage"), "field can not be less than status.capacity"))
 *   }
 * }
 * ```
 */
function storageChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const tokens = ['spec', 'resources', 'requests', 'storage'];
  const oldValue = valueAt(pair.old, tokens);
  const newValue = valueAt(pair.new, tokens);
  const oldSize = quantity(oldValue);
  const newSize = quantity(newValue);
  if (oldSize === undefined || newSize === undefined || compareQuantities(newSize, oldSize) >= 0) return [];
  const statusSize = quantity(valueAt(pair.old, ['status', 'capacity', 'storage']));
  if (statusSize === undefined || compareQuantities(newSize, statusSize) > 0) return [];
  return [
    changeAt(tokens, oldValue, newValue, {
      type: 'Forbidden',
      field: 'spec.resources.requests.storage',
      detail: 'field can not be less than status.capacity',
    }),
  ];
}

/** An absent quantity is Go's zero `Quantity`, 0. */
function quantity(value: JsonValue | undefined): QuantityInput | undefined {
  if (value === undefined || value === null) return 0;
  return isValidQuantity(value) ? value : undefined;
}

/** A set `volumeAttributesClassName` may be changed (on a bound claim) but not cleared. */
function volumeAttributesClassChanges(oldSpec: JsonValue | undefined, newSpec: JsonValue | undefined): ImmutableFieldChange[] {
  const oldClass = member(oldSpec, 'volumeAttributesClassName');
  const newClass = member(newSpec, 'volumeAttributesClassName');
  if (isNil(oldClass) || oldClass === newClass) return [];
  const detail = isNil(newClass) ? 'update from non-nil value to nil is forbidden' : newClass === '' ? 'update from non-nil value to an empty string is forbidden' : undefined;
  if (detail === undefined) return [];
  return [changeAt(['spec', 'volumeAttributesClassName'], oldClass, newClass, { type: 'Forbidden', field: 'spec.volumeAttributesClassName', detail })];
}
