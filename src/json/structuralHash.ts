import { isPlainPrototype, MAX_DEPTH } from './assertJsonValue.js';
import { notJson } from './notJson.js';
import { forInListsOwnKeys } from './ownKeysByForIn.js';

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);
/** Where the hash of an array and of an object start, so that `[]` and `{}` differ. */
const arraySeed = 0x7f4a7c15;
const objectSeed = 0x510e527f;

/**
 * A 32-bit hash of a JSON value that agrees with {@link jsonEqual}: object members are summed,
 * so key order does not matter, and numbers hash by value, so `0` and `-0` agree. Unequal values
 * can collide, so a caller must confirm a match with `jsonEqual`. Cheaper than building sorted
 * JSON text, and allocates nothing but key lists.
 *
 * The value need not be checked yet: it is checked in the same walk, giving up with
 * {@link NOT_JSON} on anything {@link assertJsonValue} rejects. `depth` is the nesting of `value`
 * in its document (the root is 1). Strings, most of the work, are hashed two characters at a time.
 */
export function structuralHashChecking(value: unknown, depth: number): number {
  switch (typeof value) {
    case 'string':
      return hashString(value);
    case 'boolean':
      return value ? 0x1b873593 : 0x2e1b2138;
    case 'number':
      return Number.isFinite(value) ? numberHash(value) : notJson();
    case 'object':
      break;
    default:
      return notJson();
  }
  if (value === null) return 0x68e31da4;
  if (depth > MAX_DEPTH) notJson();
  if (Array.isArray(value)) {
    let hash = mix(arraySeed, value.length);
    for (let i = 0; i < value.length; i++) hash = mix(hash, structuralHashChecking(value[i], depth + 1));
    return hash;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!isPlainPrototype(prototype)) notJson();
  // Members are summed, so that key order does not matter.
  const record = value as Record<string, unknown>;
  let sum = 0;
  if (forInListsOwnKeys(prototype)) {
    let position = 0;
    for (const key in record) {
      const member = record[key];
      if (member !== undefined) {
        // Most members are strings: hashed here, without the call.
        const memberHash = typeof member === 'string' ? hashString(member) : structuralHashChecking(member, depth + 1);
        sum = (sum + mix(keyHash(key, position), memberHash)) | 0;
      }
      position++;
    }
  } else {
    for (const key of Object.keys(record)) {
      const member = record[key];
      if (member !== undefined) sum = (sum + mix(hashString(key), structuralHashChecking(member, depth + 1))) | 0;
    }
  }
  return mix(objectSeed, sum);
}

/**
 * The hash of a key, remembered by the key's place in its object: the elements of a list mostly
 * have the same keys in the same order, so their key strings are hashed once, not once each.
 */
const keysAt: string[] = [];
const keyHashesAt: number[] = [];
function keyHash(key: string, position: number): number {
  if (keysAt[position] === key) return keyHashesAt[position]!;
  const hash = hashString(key);
  if (position < 64) {
    keysAt[position] = key;
    keyHashesAt[position] = hash;
  }
  return hash;
}

/** FNV-1a over pairs of UTF-16 code units, seeded with the length. */
function hashString(text: string): number {
  const length = text.length;
  let hash = 0x811c9dc5 ^ length;
  let i = 0;
  for (; i + 1 < length; i += 2) hash = Math.imul(hash ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), 0x01000193);
  if (i < length) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return mix(hash, length);
}

/** A finite number, by value: `-0 | 0` is `0`, so both zeros take the integer path with the same bits. */
function numberHash(value: number): number {
  if ((value | 0) === value) return mix(0x3c6ef372, value);
  float[0] = value;
  return mix(mix(0x3c6ef372, floatWords[0]!), floatWords[1]!);
}

/** Folds `value` into `hash` (a MurmurHash2 step). */
function mix(hash: number, value: number): number {
  hash = Math.imul(hash ^ value, 0x5bd1e995);
  return hash ^ (hash >>> 15);
}
