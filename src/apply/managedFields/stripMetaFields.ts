import { FieldSet } from '../fieldsV1/FieldSet.js';
import type { FieldPath } from '../fieldsV1/PathElement.js';
import type { ManagedState } from './ManagedState.js';

const field = (...names: string[]): FieldPath => names.map((name) => ({ kind: 'field', name }) as const);

/**
 * The fields no manager keeps (`NewStripMetaManager`): `apiVersion`, `kind`, `metadata` itself and
 * the metadata the server sets (`name`, `namespace`, `creationTimestamp`, `selfLink`, `uid`,
 * `clusterName`, `generation`, `managedFields`, `resourceVersion`). Taken away with a plain set
 * difference, so `.metadata.labels.app` stays.
 * @internal
 */
export const STRIPPED_FIELDS: FieldSet = FieldSet.fromPaths([
  field('apiVersion'),
  field('kind'),
  field('metadata'),
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((name) =>
    field('metadata', name),
  ),
]);

/** `stripFields`: the manager's set without {@link STRIPPED_FIELDS}; a manager left with nothing is dropped. Changes `state`. @internal */
export function stripMetaFields(state: ManagedState, id: string): void {
  const owned = state.sets.get(id);
  if (owned === undefined) return;
  const set = owned.set.difference(STRIPPED_FIELDS);
  if (set.isEmpty()) state.sets.delete(id);
  else state.sets.set(id, { ...owned, set });
}
