import type { JsonObject } from 'kubepatch';

/** The kinds the fake API server serves. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  /** Built into the API server: takes strategic merge patch (custom resources answer 415). */
  readonly builtIn: boolean;
  /** `spec.selector` may not change (apps/v1 Deployment, ReplicaSet). */
  readonly immutableSelector: boolean;
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', builtIn: true, immutableSelector: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', builtIn: true, immutableSelector: true },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', builtIn: true, immutableSelector: false },
  { group: 'argoproj.io', version: 'v1alpha1', kind: 'Rollout', plural: 'rollouts', builtIn: false, immutableSelector: false },
];

export const qualified = (type: ResourceType) => (type.group === '' ? type.plural : `${type.plural}.${type.group}`);
export const groupKind = (type: ResourceType) => (type.group === '' ? type.kind : `${type.kind}.${type.group}`);
export const apiVersionOf = (type: ResourceType) => (type.group === '' ? type.version : `${type.group}/${type.version}`);

/** The APIResourceList of a group version (`/apis/apps/v1`), which client-node's KubernetesObjectApi reads. */
export function discoveryOf(path: string): JsonObject | undefined {
  const types = RESOURCE_TYPES.filter((t) => (t.group === '' ? `/api/${t.version}` : `/apis/${t.group}/${t.version}`) === path);
  if (types.length === 0) return undefined;
  const verbs = ['get', 'list', 'update', 'patch'];
  const resources = types.map((t) => ({ name: t.plural, singularName: t.kind.toLowerCase(), namespaced: true, kind: t.kind, verbs }));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(types[0]!), resources };
}

