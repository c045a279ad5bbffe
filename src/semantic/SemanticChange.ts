import type { JsonValue } from '../json/JsonValue.js';

/**
 * Why two values that differ as JSON count as the same for Kubernetes:
 *
 * - `quantity`: the same `resource.Quantity` written differently (`1000m` and `1`);
 * - `empty-equals-absent`: `{}`, `[]`, `""`, `0`, `false` or `null` against an absent field that
 *   Go's `omitempty` leaves out on the wire anyway;
 * - (no `int-or-string`: an IntOrString `"10"` and `10` are never the same, since a number is a
 *   port and a string a port name, and the API server keeps the two apart; see
 *   docs/normalizations/int-or-string.md);
 * - `default`: a value the API server fills in when it is absent (`protocol: TCP`, …);
 * - `ignored`: a field the caller or the defaults ignore (`status`, `metadata.managedFields`, …).
 *
 * @example
 * ```ts
 * const reason: EqualBecause = 'quantity';
 * ```
 * @public
 */
export type EqualBecause = 'quantity' | 'empty-equals-absent' | 'default' | 'ignored';

/**
 * One difference between two Kubernetes objects, as {@link semanticDiff} reports it.
 *
 * - `added` / `removed` / `changed`: a real difference; `from` and `to` are the values (absent for
 *   the side that lacks it). Secret `data`/`stringData` values are masked.
 * - `reordered`: a keyed list whose elements are the same but in another order (reported apart
 *   from content changes); `from` and `to` are the keys in their two orders.
 * - `equivalent`: the values differ as JSON but a normalization makes them the same;
 *   `equalBecause` says which.
 * - `duplicate-key`: a keyed list holds two elements with the same key (reported, not crashed on).
 *
 * @example
 * ```ts
 * const change: SemanticChange = {
 *   path: 'spec.template.spec.containers[name=app].image',
 *   pointer: '/spec/template/spec/containers/0/image',
 *   kind: 'changed', from: 'app:1', to: 'app:2',
 * };
 * ```
 * @public
 */
export interface SemanticChange {
  /** Where, Kubernetes-style: keyed list elements by key (`containers[name=app]`, `ports[containerPort=80,protocol=TCP]`). */
  readonly path: string;
  /** JSON Pointer of the value in the new object (in the old one for `removed`). */
  readonly pointer: string;
  /** What kind of difference. */
  readonly kind: 'added' | 'removed' | 'changed' | 'reordered' | 'equivalent' | 'duplicate-key';
  /** The old value (absent when added). */
  readonly from?: JsonValue;
  /** The new value (absent when removed). */
  readonly to?: JsonValue;
  /** For `equivalent`: which normalization made the two the same. */
  readonly equalBecause?: EqualBecause;
}
