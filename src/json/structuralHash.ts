import type { JsonValue } from './JsonValue.js';

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);
/** Where the hash of an array and of an object start, so that `[]` and `{}` differ. */
export const arraySeed = 0x7f4a7c15;
export const objectSeed = 0x510e527f;

/**
 * A 32-bit hash of a checked JSON value that agrees with {@link jsonEqual}: object members are
 * summed, so key order does not matter, and numbers hash by value, so `0` and `-0` agree.
 * Unequal values can collide, so a caller must confirm a match with `jsonEqual`. Cheaper than
 * building sorted JSON text, and allocates nothing but the key lists.
 */
export function structuralHash(value: JsonValue): number {
  switch (typeof value) {
    case 'string':
      return hashString(value);
    case 'number':
      // `-0 | 0` is `0`, so both zeros take the integer path with the same bits.
      if ((value | 0) === value) return mix(0x3c6ef372, value);
      float[0] = value;
      return mix(mix(0x3c6ef372, floatWords[0]!), floatWords[1]!);
    case 'boolean':
      return value ? 0x1b873593 : 0x2e1b2138;
  }
  if (value === null) return 0x68e31da4;
  if (Array.isArray(value)) {
    let hash = mix(arraySeed, value.length);
    for (let i = 0; i < value.length; i++) hash = mix(hash, structuralHash(value[i] as JsonValue));
    return hash;
  }
  let sum = 0;
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member !== undefined) sum = (sum + mix(hashString(key), structuralHash(member))) | 0;
  }
  return mix(objectSeed, sum);
}

function hashString(text: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** Folds `value` into `hash` (a MurmurHash2 step). */
export function mix(hash: number, value: number): number {
  hash = Math.imul(hash ^ value, 0x5bd1e995);
  return hash ^ (hash >>> 15);
}
