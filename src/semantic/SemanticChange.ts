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
 * - `crd-default`: a `default:` of the custom resource's CRD schema (the CRD given in `crds`),
 *   which the API server fills in when the field is absent;
 * - `string-data`: a Secret's `stringData` value, which the API server folds into `data`
 *   (base64) on every write, against the same value in `data`;
 * - `webhook-written`: a field a webhook, a controller or the API server writes into the live
 *   object when the manifest leaves it out (a webhook's `caBundle`, a Service's `clusterIP`,
 *   the `deployment.kubernetes.io/revision` annotation, …; see {@link WEBHOOK_WRITTEN_FIELDS});
 * - `ignored`: a field an ignore rule leaves out (`status`, `metadata.managedFields`, …, your
 *   `ignore` rules, Argo CD's `ignoreDifferences`); `ignoredBy` says which rule.
 *
 * @example
 * ```ts
 * const reason: EqualBecause = 'quantity';
 * ```
 * @public
 */
export type EqualBecause =
  | 'quantity'
  | 'empty-equals-absent'
  | 'default'
  | 'crd-default'
  | 'string-data'
  | 'webhook-written'
  | 'ignored';

/**
 * The ignore rule behind an `ignored` change:
 *
 * - `source: 'option'`: `options.ignore[index]` of {@link semanticDiff};
 * - `source: 'defaults'`: one of the {@link IGNORED_FIELDS} (`index` is its position there);
 * - `source: 'application'`: `spec.ignoreDifferences[index]` of an Argo CD Application;
 * - `source: 'argocd-cm'`: the `argocd-cm` entry `key` (`resource.customizations.ignoreDifferences.apps_Deployment`,
 *   `resource.customizations.ignoreDifferences.all`, `resource.compareoptions`); `index` 0 (a key holds one entry).
 *
 * `rule` is the rule as written: the path or pointer of an `ignore` rule, `jsonPointers: /spec/replicas`,
 * `jqPathExpressions: .webhooks[]?.clientConfig.caBundle`, `managedFieldsManagers: kube-controller-manager`,
 * `ignoreResourceStatusField: all`.
 *
 * @example
 * ```ts
 * const by: IgnoredBy = { source: 'application', index: 0, rule: 'jsonPointers: /spec/replicas' };
 * ```
 * @public
 */
export interface IgnoredBy {
  /** Where the rule comes from. */
  readonly source: 'option' | 'defaults' | 'application' | 'argocd-cm';
  /** For `argocd-cm`: the ConfigMap key holding the rule. */
  readonly key?: string;
  /** The rule's position in its list (`options.ignore`, `IGNORED_FIELDS`, `spec.ignoreDifferences`; 0 for an `argocd-cm` key). */
  readonly index?: number;
  /** The rule as written. */
  readonly rule: string;
}

/**
 * One difference between two Kubernetes objects, as {@link semanticDiff} reports it.
 *
 * - `added` / `removed` / `changed`: a real difference; `from` and `to` are the values (absent for
 *   the side that lacks it). Secret `data`/`stringData` values are masked.
 * - `reordered`: a keyed list whose elements are the same but in another order (reported apart
 *   from content changes); `from` and `to` are the keys in their two orders.
 * - `equivalent`: the values differ as JSON but a normalization makes them the same;
 *   `equalBecause` says which, and `ignoredBy` which rule for an ignored field.
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
  /** For `equalBecause: 'ignored'`: the rule that left the field out. */
  readonly ignoredBy?: IgnoredBy;
}
