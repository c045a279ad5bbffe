import { apiGroupKinds } from './apiGroupKinds.js';
import { coreKinds } from './coreKinds.js';
import type { StatusSubresourceKind } from './ResetRules.js';
import { workloadKinds } from './workloadKinds.js';

/**
 * Every built-in kind a Kubernetes 1.33 API server serves with a `status` subresource: the
 * registries whose `storage.go` makes a `StatusREST` (k8s.io/kubernetes v1.33.13
 * `pkg/registry/**`, the CustomResourceDefinition registry of k8s.io/apiextensions-apiserver and
 * the APIService registry of k8s.io/kube-aggregator), with what their strategies reset and
 * restore. Kinds whose versions are all off by default (`served: []`: ResourceClaim,
 * StorageVersionMigration, StorageVersion) are listed too; the server serves them when enabled.
 *
 * @example
 * ```ts
 * statusSubresourceKinds.find((k) => k.kind === 'Deployment')?.subresources.status?.resetFields?.['apps/v1'];
 * // → [['spec'], ['metadata', 'labels']]
 * ```
 * @public
 */
export const statusSubresourceKinds: readonly StatusSubresourceKind[] = [...workloadKinds, ...coreKinds, ...apiGroupKinds];

const byGroupKind = new Map(statusSubresourceKinds.map((entry) => [`${entry.group}/${entry.kind}`, entry]));

/** The built-in entry of `group` and `kind`, if the kind has a status subresource. @internal */
export function builtinStatusKind(group: string, kind: string): StatusSubresourceKind | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}
