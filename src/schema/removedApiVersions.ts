import { builtinSchemas } from './builtinTable.js';
import type { TypeMeta } from './GroupVersionKind.js';

/**
 * Group versions that k8s.io/api v0.33 still has types for, but that kube-apiserver 1.33 does not
 * serve: none of its REST storage providers (k8s.io/kubernetes `pkg/registry/<group>/rest/storage_*.go`
 * at v1.33.13) registers them, so every request for them is 404 Not Found (checked on the real
 * server by test/e2e/schema/removedApiVersions.test.ts). Each maps to the release that stopped
 * serving it (the Kubernetes deprecated API migration guide).
 */
const REMOVED: ReadonlyMap<string, string> = new Map([
  ['apps/v1beta1', '1.16'],
  ['apps/v1beta2', '1.16'],
  ['extensions/v1beta1', '1.22'], // its workloads, NetworkPolicy and PodSecurityPolicy in 1.16, Ingress in 1.22
  ['authorization.k8s.io/v1beta1', '1.22'],
  ['rbac.authorization.k8s.io/v1beta1', '1.22'],
  ['scheduling.k8s.io/v1beta1', '1.22'],
  ['batch/v1beta1', '1.25'],
  ['policy/v1beta1', '1.25'],
  ['autoscaling/v2beta1', '1.25'],
  ['discovery.k8s.io/v1beta1', '1.25'],
  ['events.k8s.io/v1beta1', '1.25'],
  ['node.k8s.io/v1beta1', '1.25'],
  ['autoscaling/v2beta2', '1.26'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', '1.26'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', '1.29'],
]);

/** What to know about a built-in kind whose group version Kubernetes 1.33 no longer serves. */
export interface RemovedApiVersion {
  readonly removedIn: string;
  /** The served apiVersions (GA first) with a kind of the same name, or `[]` when the kind is gone. */
  readonly servedAs: readonly string[];
}

/**
 * The removal of `typeMeta`'s group version, or `undefined` when 1.33 serves it. Any kind counts,
 * not only those k8s.io/api still has (PodSecurityPolicy): these groups are Kubernetes' own, and a
 * CustomResourceDefinition cannot use them (a CRD group must contain a dot, and `*.k8s.io` needs approval).
 */
export function removedApiVersion(typeMeta: TypeMeta): RemovedApiVersion | undefined {
  const removedIn = REMOVED.get(typeMeta.apiVersion);
  if (removedIn === undefined) return undefined;
  const group = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
  const ga = (apiVersion: string) => /\/v[0-9]+$|^v[0-9]+$/.test(apiVersion);
  const servedAs = [...builtinSchemas().kinds.keys()]
    .filter((key) => key.endsWith(`/${typeMeta.kind}`))
    .map((key) => key.slice(0, -typeMeta.kind.length - 1))
    .filter((apiVersion) => !REMOVED.has(apiVersion) && ga(apiVersion))
    .sort((a, b) => Number(group(b) === group(typeMeta.apiVersion)) - Number(group(a) === group(typeMeta.apiVersion)) || b.localeCompare(a));
  return { removedIn, servedAs };
}
