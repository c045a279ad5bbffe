import type { JsonObject } from '../../json/JsonValue.js';

/**
 * One entry of an Application's `spec.ignoreDifferences`, or of a
 * `resource.customizations.ignoreDifferences.<group_kind>` value in `argocd-cm` (there `group` and
 * `kind` come from the key), as written. Argo CD's type (`ResourceIgnoreDifferences`,
 * pkg/apis/application/v1alpha1/types.go): "ResourceIgnoreDifferences contains resource filter and
 * list of json paths which should be ignored during comparison with live state."
 *
 * `group` and `kind` are glob patterns (`*`, `?`, `[a-z]`, `{a,b}`); an absent `group` is the core
 * group `""`, and an entry without `kind` matches nothing. `name` and `namespace` match exactly,
 * absent or `""` matching any.
 *
 * @example
 * ```ts
 * const entry: ArgoIgnoreDifference = { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] };
 * ```
 * @public
 */
export interface ArgoIgnoreDifference {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  /** RFC 6901 pointers, each removed as a JSON Patch `remove` (evanphx/json-patch's reading). */
  readonly jsonPointers?: readonly string[];
  /** jq expressions; every path `path(expr)` yields is removed, as gojq's `del(expr)`. */
  readonly jqPathExpressions?: readonly string[];
  /** Field managers whose fields in the live object's `managedFields` are left out where live and desired differ. */
  readonly managedFieldsManagers?: readonly string[];
}

/**
 * Argo CD's diff settings: the Application's `spec.ignoreDifferences` and `argocd-cm`'s `data`.
 * The `argocd-cm` keys read are `resource.customizations.<type>.<group_kind>` (every type is
 * parsed and checked as Argo CD does, only `ignoreDifferences` is used), the older
 * `resource.customizations` YAML blob (still read by Argo CD 3), and `resource.compareoptions`.
 *
 * @example
 * ```ts
 * const settings: ArgoDiffSettings = {
 *   ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
 *   argocdCm: { 'resource.customizations.ignoreDifferences.all': 'managedFieldsManagers:\n- kube-controller-manager\n' },
 * };
 * ```
 * @public
 */
export interface ArgoDiffSettings {
  /** The Application's `spec.ignoreDifferences`. */
  readonly ignoreDifferences?: readonly ArgoIgnoreDifference[];
  /** The `data` of the `argocd-cm` ConfigMap. */
  readonly argocdCm?: { readonly [key: string]: string };
}

/**
 * Where a rule came from, for the explain report.
 *
 * @example
 * ```ts
 * const source: ArgoRuleSource = {
 *   source: 'argocd-cm', key: 'resource.customizations.ignoreDifferences.apps_Deployment', groupKind: 'apps/Deployment',
 *   index: 0, field: 'jsonPointers', expression: '/spec/replicas',
 * };
 * ```
 * @public
 */
export interface ArgoRuleSource {
  readonly source: 'application' | 'argocd-cm';
  /**
   * The `argocd-cm` key: `resource.customizations.ignoreDifferences.apps_Deployment`,
   * `resource.customizations.ignoreDifferences.all`, `resource.customizations` (the YAML blob), or
   * `resource.compareoptions` for the rules Argo CD derives from it (`/status`, and `/rules` of an
   * aggregated role).
   */
  readonly key?: string;
  /** For `argocd-cm`, the override key the rule is filed under (`apps/Deployment`, `*` + `/` + `*` for `all`). */
  readonly groupKind?: string;
  /** The entry's index in its list: in `spec.ignoreDifferences`; 0 for an `argocd-cm` key (one entry). */
  readonly index: number;
  readonly field: 'jsonPointers' | 'jqPathExpressions' | 'managedFieldsManagers';
  /** The pointer, jq expression or manager name, as written. */
  readonly expression: string;
}

/**
 * A field Argo CD's settings leave out of the comparison, and the rule that does.
 *
 * @example
 * ```ts
 * const ignored: IgnoredField = {
 *   pointer: '/spec/replicas',
 *   rule: { source: 'application', index: 0, field: 'jsonPointers', expression: '/spec/replicas' },
 * };
 * ```
 * @public
 */
export interface IgnoredField {
  /** JSON Pointer of the field in the object given (its list indices, before anything was removed); `""` is the whole object. */
  readonly pointer: string;
  readonly rule: ArgoRuleSource;
}

/**
 * `resource.compareoptions` with Argo CD 3's defaults filled in.
 *
 * @example
 * ```ts
 * const defaults: ArgoCompareOptions = { ignoreAggregatedRoles: false, ignoreResourceStatusField: 'all', ignoreDifferencesOnResourceUpdates: true };
 * ```
 * @public
 */
export interface ArgoCompareOptions {
  /** `rules` of a `Role` or `ClusterRole` with an `aggregationRule` object are not compared (default `false`). */
  readonly ignoreAggregatedRoles: boolean;
  /**
   * Whose `/status` is not compared: `all` resources (the default since Argo CD 3.0, and what an
   * unknown value means), `crd` (CustomResourceDefinitions only, the 2.x default) or `off`
   * (written `off`, `false`, `none`, or YAML's unquoted `off`/`no`, which Go's YAML reads as `false`).
   */
  readonly ignoreResourceStatusField: 'all' | 'crd' | 'off';
  /** The ignore rules also hold back refreshes on resource updates (default `true` since Argo CD 3.0); no effect on diffs. */
  readonly ignoreDifferencesOnResourceUpdates: boolean;
}

/**
 * What {@link argoIgnoredFields} reads besides the object: the two sides of the comparison, for
 * `managedFieldsManagers`, and the CRDs whose schemas say how their lists merge.
 *
 * @example
 * ```ts
 * argoIgnoredFields(desired, settings, { live });
 * argoIgnoredFields(live, settings, { live, desired });
 * ```
 * @public
 */
export interface ArgoIgnoreContext {
  /** The live object, with `metadata.managedFields`. */
  readonly live?: JsonObject | null;
  /** The desired manifest; when absent, `object` is taken as the desired side. */
  readonly desired?: JsonObject | null;
  /** CustomResourceDefinitions: a custom resource's lists merge by its schema (without it, lists are atomic). */
  readonly crds?: readonly object[];
}
