import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import type { JsonValue } from '../json/JsonValue.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { GO_NIL_VALUE, goPrint } from './goFormat.js';
import { memberType, typeAt } from './goTypes.js';
import { changeAt, keysOf, member, withMember, type UpdatePair } from './immutableRule.js';
import { memberEqual, semanticEqual } from './semanticEqual.js';

/**
 * Go's `updatablePodSpecFields` (1.33), joined with "," and no space: the list the message gives;
 * container resources are not in it, since they change through the `resize` subresource.
 */
const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

const specMessage = `pod updates may not change fields other than ${updatablePodSpecFields}`;

const isNil = (value: JsonValue | undefined) => value === undefined || value === null;
const list = (value: JsonValue | undefined): JsonValue[] => (Array.isArray(value) ? value : []);

/**
 * Pod (pkg/apis/core/validation `ValidatePodUpdate`), what an update of the pod (not of its
 * `resize`, `ephemeralcontainers` or `status` subresources) may change:
 *
 * - containers and init containers may not be added or removed ("pod updates may not add or
 *   remove containers"; the server stops there);
 * - `activeDeadlineSeconds` may be set, or lowered, but not raised or removed;
 * - existing tolerations may not change, except their `tolerationSeconds`;
 * - everything else in `spec` but container images, `activeDeadlineSeconds`, tolerations,
 *   scheduling gates and a `terminationGracePeriodSeconds` going from negative to 1 must stay:
 *
 * ```go
 * errs := field.Forbidden(specPath, fmt.Sprintf("pod updates may not change fields other than %s\n%v", strings.Join(updatablePodSpecFields, ","), specDiff))
 * ```
 *
 * The server appends a `cmp.Diff` of its internal specs after a newline; kubepatch leaves it out
 * and reports one change per spec field instead. Simplified: the extra freedom of pods still
 * held by scheduling gates (adding to `nodeSelector` and node affinity) is not modelled, and
 * removing a scheduling gate is not checked.
 * @internal
 */
export function podChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const oldSpec = member(pair.old, 'spec');
  const newSpec = member(pair.new, 'spec');
  const specType = typeAt(pair.type, ['spec']);
  for (const key of ['containers', 'initContainers']) {
    if (list(member(oldSpec, key)).length !== list(member(newSpec, key)).length) {
      return [
        changeAt(['spec', key], member(oldSpec, key), member(newSpec, key), {
          type: 'Forbidden',
          field: `spec.${key}`,
          detail: 'pod updates may not add or remove containers',
        }),
      ];
    }
  }
  const deadline = activeDeadlineChanges(member(oldSpec, 'activeDeadlineSeconds'), member(newSpec, 'activeDeadlineSeconds'));
  if (deadline.stop) return deadline.changes;
  return [...deadline.changes, ...tolerationChanges(oldSpec, newSpec, specType), ...specChanges(oldSpec, mungedSpec(oldSpec, newSpec), newSpec, specType)];
}

/**
 * "two types of updates are allowed: 1. from nil to a positive value 2. from a positive value to
 * a lesser, non-negative value". Go returns at once after the first two errors.
 */
function activeDeadlineChanges(oldValue: JsonValue | undefined, newValue: JsonValue | undefined): { changes: ImmutableFieldChange[]; stop: boolean } {
  const tokens = ['spec', 'activeDeadlineSeconds'];
  // Go passes the int64 itself (printed with %v), or the nil *int64 (printed as the string "null").
  const error = (detail: string, value: number | null) =>
    changeAt(tokens, oldValue, newValue, { type: 'Invalid value', field: 'spec.activeDeadlineSeconds', value: value === null ? GO_NIL_VALUE : goPrint(value), detail });
  if (typeof newValue === 'number') {
    if (newValue < 0 || newValue > 2147483647) return { changes: [error('must be between 0 and 2147483647, inclusive', newValue)], stop: true };
    if (typeof oldValue === 'number' && oldValue < newValue) return { changes: [error('must be less than or equal to previous value', newValue)], stop: true };
    return { changes: [], stop: false };
  }
  if (!isNil(oldValue)) return { changes: [error('must not update from a positive integer to nil value', null)], stop: false };
  return { changes: [], stop: false };
}

/**
 * `validateOnlyAddedTolerations`: each old toleration must still be there, `tolerationSeconds`
 * aside (compared with `reflect.DeepEqual`); the first one missing ends the check.
 */
function tolerationChanges(oldSpec: JsonValue | undefined, newSpec: JsonValue | undefined, specType: TypeRef): ImmutableFieldChange[] {
  const tolerationType = typeAt(specType, ['tolerations', '0']);
  const newTolerations = list(member(newSpec, 'tolerations'));
  for (const old of list(member(oldSpec, 'tolerations'))) {
    const found = newTolerations.some((toleration) =>
      semanticEqual(withMember(old, 'tolerationSeconds', member(toleration, 'tolerationSeconds') ?? undefined), toleration, tolerationType),
    );
    if (!found) {
      return [
        changeAt(['spec', 'tolerations'], member(oldSpec, 'tolerations'), member(newSpec, 'tolerations'), {
          type: 'Forbidden',
          field: 'spec.tolerations',
          detail: 'existing toleration can not be modified except its tolerationSeconds',
        }),
      ];
    }
  }
  return [];
}

/** The new spec with what may change put back from the old one, as Go "munges" it. */
function mungedSpec(oldSpec: JsonValue | undefined, newSpec: JsonValue | undefined): JsonValue {
  let spec = withMember(newSpec, 'containers', withImagesOf(member(newSpec, 'containers'), member(oldSpec, 'containers')));
  spec = withMember(spec, 'initContainers', withImagesOf(member(newSpec, 'initContainers'), member(oldSpec, 'initContainers')));
  for (const key of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations']) spec = withMember(spec, key, member(oldSpec, key));
  const oldGrace = member(oldSpec, 'terminationGracePeriodSeconds');
  if (typeof oldGrace === 'number' && oldGrace < 0 && member(spec, 'terminationGracePeriodSeconds') === 1) {
    spec = withMember(spec, 'terminationGracePeriodSeconds', oldGrace);
  }
  return spec;
}

function withImagesOf(containers: JsonValue | undefined, oldContainers: JsonValue | undefined): JsonValue | undefined {
  if (!Array.isArray(containers)) return containers;
  const old = list(oldContainers);
  return containers.map((container, i) => withMember(container, 'image', member(old[i], 'image')));
}

function specChanges(oldSpec: JsonValue | undefined, munged: JsonValue, newSpec: JsonValue | undefined, specType: TypeRef): ImmutableFieldChange[] {
  const keys = keysOf(oldSpec, munged);
  const changes: ImmutableFieldChange[] = [];
  for (const key of keys) {
    if (memberType(specType, key) === undefined) continue;
    if (memberEqual(specType, key, member(oldSpec, key), member(munged, key))) continue;
    changes.push(changeAt(['spec', key], member(oldSpec, key), member(newSpec, key), { type: 'Forbidden', field: 'spec', detail: specMessage }));
  }
  return changes;
}
