const offsetBasis = 0x811c9dc5;
const prime = 0x01000193;

/**
 * The 32-bit FNV-1a hash of `bytes`, as Go's `hash/fnv.New32a().Sum32()`: for each byte,
 * "hash ^= byte; hash *= prime" (fnv.go `sum32a.Write`), starting from the offset basis
 * 2166136261, with the FNV prime 16777619, modulo 2³².
 *
 * @example
 * ```ts
 * fnv1a32(new TextEncoder().encode('null')); // 1996966820 (as Argo hashes a Rollout without steps)
 * ```
 * @internal
 */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = offsetBasis;
  for (const byte of bytes) {
    hash ^= byte;
    // Math.imul multiplies modulo 2³² without losing the low bits to floating point.
    hash = Math.imul(hash, prime);
  }
  return hash >>> 0;
}
