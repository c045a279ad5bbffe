/**
 * The patch formats the Kubernetes API server accepts, by `Content-Type`:
 *
 * - `json`: JSON Patch (RFC 6902), for every kind;
 * - `merge`: JSON Merge Patch (RFC 7386), for every kind;
 * - `strategic`: strategic merge patch, for built-in kinds only;
 * - `apply`: server-side apply, for every kind.
 *
 * @example
 * ```ts
 * await fetch(url, { method: 'PATCH', headers: { 'Content-Type': PATCH_CONTENT_TYPES.merge }, body });
 * ```
 * @public
 */
export const PATCH_CONTENT_TYPES = Object.freeze({
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const);

/**
 * A patch format: a key of {@link PATCH_CONTENT_TYPES}.
 *
 * @example
 * ```ts
 * const type: PatchType = 'strategic';
 * PATCH_CONTENT_TYPES[type]; // 'application/strategic-merge-patch+json'
 * ```
 * @public
 */
export type PatchType = keyof typeof PATCH_CONTENT_TYPES;
