/**
 * Argo CD's diff settings, read as Argo CD 3 reads them: the Application's `ignoreDifferences`
 * and `argocd-cm`'s `resource.customizations*` and `resource.compareoptions`, resolved to the
 * fields of an object they leave out.
 */
export type { ArgoCompareOptions, ArgoDiffSettings, ArgoIgnoreContext, ArgoIgnoreDifference, ArgoRuleSource, IgnoredField } from './ArgoDiffSettings.js';
export { argoCompareOptions } from './compareOptions.js';
export { argoIgnoredFields } from './argoIgnoredFields.js';
