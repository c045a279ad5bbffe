import { compareUtf8 } from '../../text/utf8.js';
import { copyState, type ManagedState } from './ManagedState.js';
import { managerIdentifier } from './managerIdentifier.js';

/** `DefaultMaxUpdateManagers`. @internal */
export const MAX_UPDATE_MANAGERS = 10;

/** The manager the oldest updates are merged into. @internal */
export const ANCIENT_CHANGES = 'ancient-changes';

const seconds = (time: string | undefined) => (time === undefined ? 0 : Math.floor((Date.parse(time) || 0) / 1000));

/**
 * `capUpdateManagers`: with more than ten `Update` entries, the oldest are merged, per apiVersion,
 * into one `ancient-changes` entry until ten are left; the bucket takes the time of the last
 * update merged into it.
 * @internal
 */
export function capUpdateManagers(state: ManagedState): ManagedState {
  const updaters = [...state.sets].filter(([, owned]) => !owned.applied).map(([id]) => id);
  if (updaters.length <= MAX_UPDATE_MANAGERS) return state;
  const out = copyState(state);
  updaters.sort((i, j) => seconds(state.times.get(i)) - seconds(state.times.get(j)) || compareUtf8(i, j));
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > MAX_UPDATE_MANAGERS; i++) {
    const id = updaters[i]!;
    const owned = out.sets.get(id)!;
    const time = out.times.get(id);
    const bucket = managerIdentifier({ manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: owned.apiVersion });
    const first = firstByVersion.get(owned.apiVersion);
    if (first === undefined) {
      firstByVersion.set(owned.apiVersion, id);
      continue;
    }
    if (!out.sets.has(bucket)) {
      out.sets.set(bucket, out.sets.get(first)!);
      out.sets.delete(first);
      out.times.delete(first);
    }
    out.sets.set(bucket, { ...owned, set: owned.set.union(out.sets.get(bucket)!.set) });
    out.sets.delete(id);
    out.times.delete(id);
    length--;
    out.times.set(bucket, time);
  }
  return out;
}
