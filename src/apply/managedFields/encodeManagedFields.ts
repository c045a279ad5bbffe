import { compareUtf8 } from '../../text/utf8.js';
import type { ManagedFieldsEntry } from './ManagedFieldsEntry.js';
import type { ManagedState } from './ManagedState.js';
import { parseManagerIdentifier } from './managerIdentifier.js';

/** Seconds since the epoch of an entry's time, 0 without one (`Time.Unix()` of a nil time is taken as 0). */
function seconds(time: string | undefined): number {
  if (time === undefined) return 0;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/**
 * `metadata.managedFields` as the API server writes them (`encodeManagedFields`): one entry per
 * manager, with its time when it has one, sorted as `sortEncodedManagedFields` sorts: `Apply`
 * before `Update`, then oldest first, then by manager, apiVersion and subresource. No managers:
 * `undefined` (the field is left out).
 * @internal
 */
export function encodeManagedFields(state: ManagedState): ManagedFieldsEntry[] | undefined {
  if (state.sets.size === 0) return undefined;
  const entries: ManagedFieldsEntry[] = [];
  for (const [id, owned] of state.sets) {
    const info = parseManagerIdentifier(id);
    const time = state.times.get(id);
    entries.push({
      ...(info.manager === '' ? {} : { manager: info.manager }),
      operation: owned.applied ? 'Apply' : info.operation,
      apiVersion: owned.apiVersion,
      ...(time === undefined ? {} : { time }),
      fieldsType: 'FieldsV1',
      fieldsV1: owned.set.toFieldsV1(),
      ...(info.subresource === undefined ? {} : { subresource: info.subresource }),
    });
  }
  return entries.sort(
    (p, q) =>
      compareUtf8(p.operation!, q.operation!) ||
      seconds(p.time) - seconds(q.time) ||
      compareUtf8(p.manager ?? '', q.manager ?? '') ||
      compareUtf8(p.apiVersion ?? '', q.apiVersion ?? '') ||
      compareUtf8(p.subresource ?? '', q.subresource ?? ''),
  );
}
