import type { ArgoCompareOptions, ArgoDiffSettings } from './ArgoDiffSettings.js';
import { goBool, goField, goString, goStruct, readGoYaml } from './goYamlDecode.js';

const KEY = 'resource.compareoptions';

/**
 * `resource.compareoptions` of `argocd-cm` parsed as Argo CD 3 parses it (`ArgoCDDiffOptions`,
 * util/settings/settings.go), its defaults filled in (`GetDefaultDiffOptions`):
 *
 * - `ignoreAggregatedRoles` (default `false`): gitops-engine's `normalizeRole` sets `rules` of an
 *   `rbac.authorization.k8s.io` `Role` or `ClusterRole` whose `aggregationRule` is an object to
 *   `null` on both sides;
 * - `ignoreResourceStatusField`: `/status` is ignored for `all` kinds (the default since 3.0:
 *   "the compare options to ignore the status field has been changed from `crd` to `all`"),
 *   `crd` (CustomResourceDefinitions), or none for `off`, `false` and `none`; any other value means
 *   `all`. The Go field is a string: YAML's unquoted `off`, `no` and `false` reach it as `"false"`;
 * - `ignoreDifferencesOnResourceUpdates` (default `true` since 3.0): only about refreshes.
 *
 * A value Go cannot decode (`ignoreAggregatedRoles: "yes"`, a list) throws
 * `InvalidDocumentError` (`input: 'settings'`, `path: '/argocdCm/resource.compareoptions/…'`),
 * as Argo CD then computes no diff.
 *
 * @example
 * ```ts
 * argoCompareOptions({}); // { ignoreAggregatedRoles: false, ignoreResourceStatusField: 'all', ignoreDifferencesOnResourceUpdates: true }
 * argoCompareOptions({ argocdCm: { 'resource.compareoptions': 'ignoreResourceStatusField: crd\nignoreAggregatedRoles: true\n' } });
 * // { ignoreAggregatedRoles: true, ignoreResourceStatusField: 'crd', ignoreDifferencesOnResourceUpdates: true }
 * ```
 * @public
 */
export function argoCompareOptions(settings: ArgoDiffSettings): ArgoCompareOptions {
  return readCompareOptions(settings.argocdCm ?? {});
}

/**
 * {@link argoCompareOptions} of `argocd-cm`'s data.
 * @example
 * ```ts
 * readCompareOptions({ 'resource.compareoptions': 'ignoreResourceStatusField: crd' }).ignoreResourceStatusField; // 'crd'
 * ```
 * @internal
 */
export function readCompareOptions(data: { readonly [key: string]: string }): ArgoCompareOptions {
  const at = `/argocdCm/${KEY}`;
  const text = Object.hasOwn(data, KEY) ? data[KEY] : undefined;
  const object = typeof text === 'string' ? goStruct(readGoYaml(text, at), at, 'settings.ArgoCDDiffOptions') : {};
  const status = goString(goField(object, 'ignoreResourceStatusField'), `${at}/ignoreResourceStatusField`);
  return {
    ignoreAggregatedRoles: goBool(goField(object, 'ignoreAggregatedRoles'), false, `${at}/ignoreAggregatedRoles`),
    ignoreResourceStatusField: status === 'crd' ? 'crd' : status === 'off' || status === 'false' || status === 'none' ? 'off' : 'all',
    ignoreDifferencesOnResourceUpdates: goBool(goField(object, 'ignoreDifferencesOnResourceUpdates'), true, `${at}/ignoreDifferencesOnResourceUpdates`),
  };
}
