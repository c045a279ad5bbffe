/**
 * Names one object on the API server: its `apiVersion`, `kind`, `name` and, for a namespaced
 * kind, its `namespace`. A manifest (`{ apiVersion, kind, metadata: { name, namespace } }`) can be
 * passed wherever a reference is expected.
 * @example
 * ```ts
 * const ref: ObjectReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'web-7d9f8' };
 * ```
 * @public
 */
export interface ObjectReference {
  /** `group/version`, or `v1` for the core group. */
  readonly apiVersion: string;
  /** The kind, e.g. `ReplicaSet` or `Rollout`. */
  readonly kind: string;
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace`; absent for a cluster-scoped object. */
  readonly namespace?: string;
}

/**
 * A manifest, as far as it names its object.
 * @example
 * ```ts
 * const target: ObjectTarget = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: 'shop' } };
 * ```
 * @public
 */
export interface ObjectManifestReference {
  /** `group/version`, or `v1` for the core group. */
  readonly apiVersion?: string;
  /** The kind. */
  readonly kind?: string;
  /** The object's metadata; `name` (and `namespace` for a namespaced kind) name the object. */
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
}

/**
 * An {@link ObjectReference} or a manifest that names its object.
 * @example
 * ```ts
 * await getObject(kc, { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'settings' });
 * await getObject(kc, liveReplicaSet); // a manifest works too
 * ```
 * @public
 */
export type ObjectTarget = ObjectReference | ObjectManifestReference;
