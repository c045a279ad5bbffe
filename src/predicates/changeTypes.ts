import type { JsonInput } from '../json/JsonValue.js';

/**
 * The most significant part of an object that an update changed, in this order:
 *
 * - `'spec'`: the desired state, any top-level field other than `apiVersion`, `kind`, `metadata`
 *   and `status` (`spec`, a ConfigMap's `data`, a Role's `rules`, …);
 * - `'metadata'`: labels, annotations, finalizers, owner references, `generation` or any other
 *   metadata field (`deletionTimestamp`, `uid`, …), and not the spec;
 * - `'status'`: the status only;
 * - `'resourceVersionOnly'`: nothing but `metadata.resourceVersion` and `metadata.managedFields`;
 * - `'none'`: nothing (the two objects are equal, as on a resync).
 *
 * @example
 * ```ts
 * const kind: ObjectChangeKind = objectChanges(before, after).kind; // 'status'
 * ```
 * @public
 */
export type ObjectChangeKind = 'spec' | 'metadata' | 'status' | 'resourceVersionOnly' | 'none';

/**
 * What kind of change an update is: one flag per part of the object, and a summary `kind`. Made by
 * {@link objectChanges}.
 *
 * Absent, `null` and empty (`{}`, `[]`) count as the same value of a field (Go decodes them alike,
 * and the API server leaves empty fields out); anything else is compared as JSON.
 * `apiVersion` and `kind` are not compared: the items of a list of a built-in kind come without
 * them.
 *
 * @example
 * ```ts
 * // A Deployment's status written through /status:
 * const changes: ObjectChanges = objectChanges(before, after);
 * // { kind: 'status', status: true, resourceVersion: true, managedFields: true, generation: false,
 * //   spec: false, labels: false, …, fields: ['metadata.managedFields', 'metadata.resourceVersion', 'status'] }
 * ```
 * @public
 */
export interface ObjectChanges {
  /** The summary: the most significant part that changed ({@link ObjectChangeKind}). */
  readonly kind: ObjectChangeKind;
  /**
   * The spec changed as the server counts it: `metadata.generation` differs (absent counts as 0).
   * When neither object has a generation (a ConfigMap, a Secret), the same as {@link ObjectChanges.spec}.
   * Unlike `generationChanged`, which follows controller-runtime and is always false for kinds
   * without a generation. The server bumps the generation on other writes too: a Deployment's
   * on an annotation change, a custom resource without a status subresource on a status change.
   */
  readonly generation: boolean;
  /** A top-level field other than `apiVersion`, `kind`, `metadata` and `status` differs (`spec`, `data`, …). */
  readonly spec: boolean;
  /** `metadata.labels` differ (what `labelsChanged` says). */
  readonly labels: boolean;
  /** `metadata.annotations` differ (what `annotationsChanged` says). */
  readonly annotations: boolean;
  /** `metadata.finalizers` differ (order counts, as in the stored list). */
  readonly finalizers: boolean;
  /** `metadata.ownerReferences` differ. */
  readonly ownerReferences: boolean;
  /**
   * Any other metadata field differs: `deletionTimestamp` (the object is being deleted),
   * `deletionGracePeriodSeconds`, `uid` (the object was replaced by one of the same name), … Not
   * `generation`, `resourceVersion` or `managedFields`, which have flags of their own.
   */
  readonly otherMetadata: boolean;
  /** `status` differs. */
  readonly status: boolean;
  /** `metadata.resourceVersion` differs (what `resourceVersionChanged` says). */
  readonly resourceVersion: boolean;
  /** `metadata.managedFields` differ. */
  readonly managedFields: boolean;
  /**
   * Every field that differs, as `spec`, `status`, `data` or `metadata.<field>`, sorted by code
   * unit; `[]` when nothing does.
   */
  readonly fields: readonly string[];
}

/**
 * A predicate on an update, with controller-runtime's meaning of `Update(event.UpdateEvent) bool`:
 * true when the update should be processed. `generationChanged`, `labelsChanged`,
 * `annotationsChanged` and `resourceVersionChanged` are ones; combine them with `||` and `&&` as
 * controller-runtime's `predicate.Or` and `predicate.And` do.
 *
 * @example
 * ```ts
 * const specOrLabels: ChangePredicate = (oldObject, newObject) =>
 *   generationChanged(oldObject, newObject) || labelsChanged(oldObject, newObject);
 * ```
 * @public
 */
export type ChangePredicate = (oldObject: JsonInput | null | undefined, newObject: JsonInput | null | undefined) => boolean;
