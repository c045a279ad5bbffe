/**
 * The `apiVersion` and `kind` an object declares, as in every manifest. A whole manifest will
 * do; only these two members are read.
 *
 * @example
 * ```ts
 * const rollout: TypeMeta = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' };
 * ```
 * @public
 */
export interface TypeMeta {
  /** `<group>/<version>`, or just `<version>` for the core group (`"v1"`). */
  readonly apiVersion: string;
  /** The kind, e.g. `"Deployment"`. */
  readonly kind: string;
}

/**
 * A kind named by group, version and kind, as client libraries spell it. The core group is `""`.
 *
 * @example
 * ```ts
 * const deployment: GroupVersionKind = { group: 'apps', version: 'v1', kind: 'Deployment' };
 * const pod: GroupVersionKind = { group: '', version: 'v1', kind: 'Pod' };
 * ```
 * @public
 */
export interface GroupVersionKind {
  /** The API group, `""` for the core group. */
  readonly group: string;
  /** The version within the group, e.g. `"v1"`. */
  readonly version: string;
  /** The kind, e.g. `"Deployment"`. */
  readonly kind: string;
}

/**
 * The `apiVersion` and `kind` named by `(apiVersion, kind)` or by one object of either form, or
 * `undefined` when they are not both strings (a caller without types may pass anything).
 * @internal
 */
export function readTypeMeta(args: readonly [unknown, unknown?]): TypeMeta | undefined {
  const [first, second] = args;
  if (typeof first === 'string') return typeof second === 'string' ? { apiVersion: first, kind: second } : undefined;
  if (typeof first !== 'object' || first === null) return undefined;
  const input = first as { readonly [key: string]: unknown };
  const { kind } = input;
  if (typeof kind !== 'string') return undefined;
  if (typeof input.apiVersion === 'string') return { apiVersion: input.apiVersion, kind };
  if (typeof input.group === 'string' && typeof input.version === 'string') {
    // client-go's GroupVersion.String(): the core group has no "/" prefix.
    return { apiVersion: input.group === '' ? input.version : `${input.group}/${input.version}`, kind };
  }
  return undefined;
}
