import type { ResetPath, ResetStep, SpecialRuleName, VersionedResetPaths } from './ResetRules.js';

/** `GetResetFields()`'s map: the same `paths` for each of `apiVersions`. */
export function resetIn(apiVersions: readonly string[], ...paths: ResetPath[]): VersionedResetPaths {
  const map: Record<string, readonly ResetPath[]> = {};
  for (const apiVersion of apiVersions) map[apiVersion] = paths;
  return map;
}

/** `new.X = old.X`. */
export const restore = (...path: string[]): ResetStep => ({ op: 'restore', path });

/** `new.X = old.X`, but these members of X as written. */
export const restoreBut = (path: ResetPath, ...except: ResetPath[]): ResetStep => ({ op: 'restoreBut', path, except });

/** `metav1.ResetObjectMetaForStatus(&new.ObjectMeta, &old.ObjectMeta)`. */
export const RESET_OBJECT_META_FOR_STATUS: ResetStep = { op: 'resetObjectMetaForStatus' };

/** `new.Status = XStatus{}`. */
export const ZERO_STATUS: ResetStep = { op: 'zeroStatus' };

/** A kind-specific rule. */
export const special = (rule: SpecialRuleName): ResetStep => ({ op: 'special', rule });

/** The fields of `metav1.ResetObjectMetaForStatus`, in its order. */
export const OBJECT_META_FOR_STATUS: readonly string[] = [
  'deletionTimestamp',
  'generation',
  'selfLink',
  'labels',
  'annotations',
  'finalizers',
  'ownerReferences',
];

/** Where the registry sources are, for `source`. */
export const K8S = 'k8s.io/kubernetes@v1.33.13/pkg/registry/';
