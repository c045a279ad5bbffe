/**
 * k8s.io/apimachinery/pkg/util/rand: "We omit vowels from the set of available characters to
 * reduce the chances of 'bad words' being formed", and the digits 0, 1 and 3 that look like letters.
 */
const alphanums = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * k8s.io/apimachinery's `rand.SafeEncodeString`: "encodes s using the same characters as rand.String.
 * This reduces the chances of bad words and ensures that strings generated from hash functions appear
 * consistent throughout the API." Each rune `r` becomes `alphanums[r % 27]`. Kubernetes and Argo
 * pass it the decimal form of a hash, so each digit maps to one fixed letter.
 *
 * @example
 * ```ts
 * safeEncodeString('1996966820'); // '5ffbfbbd64'
 * ```
 * @internal
 */
export function safeEncodeString(s: string): string {
  let encoded = '';
  for (const char of s) encoded += alphanums[(char.codePointAt(0) as number) % alphanums.length];
  return encoded;
}
