import { FieldSet } from '../fieldsV1/FieldSet.js';
import { findWriteRules, type WriteTarget } from './findWriteRules.js';
import type { ResetPath } from './ResetRules.js';

const cache = new WeakMap<readonly ResetPath[], FieldSet>();

/**
 * The fields the API server's field manager leaves out of a writer's ownership for a write to
 * this endpoint: the registry strategy's `GetResetFields()` for the request's apiVersion, as a
 * {@link FieldSet} (`{.status}` for a Deployment, `{.spec, .metadata.labels}` for its status).
 * `undefined` when there are none: a kind without a status subresource, a custom resource whose
 * CRD has no `subresources.status`, an apiVersion the strategy's map does not name (ServiceCIDR's
 * map says `networking/v1`, so `networking.k8s.io/v1` gets none), or an endpoint whose storage
 * reports none (`pods/ephemeralcontainers`, `pods/resize`).
 *
 * The server drops each path and everything under it, from the applied or updated set and
 * from the comparison that finds conflicts (structured-merge-diff's `NewExcludeSetFilter`:
 * `set.RecursiveDifference(resetFields)`), so a writer neither owns nor conflicts on them.
 *
 * Throws `InvalidDocumentError` (`input: 'options'`) for a subresource the kind does not have or
 * that is not modelled (`scale`, `binding`, …) and `InvalidSchemaError` (`input: 'crd'`) for a CRD
 * that does not define the kind.
 *
 * @example
 * ```ts
 * resetFieldsFor({ apiVersion: 'apps/v1', kind: 'Deployment' })?.toString(); // → '.status'
 * resetFieldsFor({ apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'status' })?.toString();
 * // → '.metadata.labels\n.spec'
 * owned.recursiveDifference(resetFieldsFor(target) ?? FieldSet.EMPTY); // what the writer owns
 * ```
 * @public
 */
export function resetFieldsFor(input: WriteTarget): FieldSet | undefined {
  const { apiVersion, rules } = findWriteRules(input);
  const byVersion = rules?.resetFields;
  if (byVersion === undefined || !Object.prototype.hasOwnProperty.call(byVersion, apiVersion)) return undefined;
  const paths = byVersion[apiVersion]!;
  let set = cache.get(paths);
  if (set === undefined) {
    set = FieldSet.fromPaths(paths.map((path) => path.map((name) => ({ kind: 'field' as const, name }))));
    cache.set(paths, set);
  }
  return set;
}
