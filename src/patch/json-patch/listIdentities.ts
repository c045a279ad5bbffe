import type { JsonObject } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';

/**
 * Lists up to this long are searched one by one. Identities are mostly strings, which V8 compares
 * character by character unless they are the same string; a `Map` hashes each once.
 */
const pairwiseLimit = 4;

/**
 * One identity per element of a keyed list, from its key fields, or `undefined` when the list
 * cannot be keyed (an element that is not an object, has none of the key fields, or has an object
 * as a key). Whether an identity repeats, {@link allDifferent} and {@link IdentityIndex.of} say.
 *
 * Identities are compared as `Set` and `Map` keys (SameValueZero): with one key field (the usual
 * `name`) the identity is the key's value itself, so no string is built; `"1"` and `1` stay apart.
 * With several (`containerPort` and `protocol`) it is a string that spells each value with its
 * type and length, so that no two different combinations spell the same.
 *
 * The elements need not be checked yet: only their key fields are read, and whatever is not JSON
 * there is caught when the elements themselves are checked.
 */
export function listIdentities(list: readonly unknown[], keys: readonly string[]): unknown[] | undefined {
  const identities: unknown[] = [];
  const single = keys.length === 1 ? keys[0]! : undefined;
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    if (!isJsonObject(element)) return undefined;
    const identity = single !== undefined ? scalarIdentity(getOwn(element, single)) : compoundIdentity(element, keys);
    if (identity === undefined) return undefined;
    identities.push(identity);
  }
  return identities;
}

function scalarIdentity(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? undefined : value;
}

function compoundIdentity(element: JsonObject, keys: readonly string[]): string | undefined {
  let identity = '';
  let present = false;
  for (const key of keys) {
    const value: unknown = getOwn(element, key);
    if (value === undefined) {
      identity += 'u|';
      continue;
    }
    if (typeof value === 'object' && value !== null) return undefined;
    present = true;
    // A string's length says where it ends, whatever it holds; other scalars never hold `|`.
    identity += typeof value === 'string' ? `s${value.length}:${value}|` : `v${String(value)}|`;
  }
  return present ? identity : undefined;
}

/**
 * Where each identity of a list is, for lookups by identity; `undefined` from {@link IdentityIndex.of}
 * when an identity repeats. Identities are compared as `Map` keys compare them (SameValueZero).
 */
export class IdentityIndex {
  private constructor(
    private readonly identities: readonly unknown[],
    /** `undefined` for short lists, searched one by one: quicker than hashing their strings. */
    private readonly positions: Map<unknown, number> | undefined,
  ) {}

  static of(identities: readonly unknown[]): IdentityIndex | undefined {
    const n = identities.length;
    if (n <= pairwiseLimit) {
      for (let i = 1; i < n; i++) {
        for (let k = 0; k < i; k++) if (sameValueZero(identities[i], identities[k])) return undefined;
      }
      return new IdentityIndex(identities, undefined);
    }
    const positions = new Map<unknown, number>();
    for (let i = 0; i < n; i++) positions.set(identities[i], i);
    return positions.size === n ? new IdentityIndex(identities, positions) : undefined;
  }

  /** The position of `identity` in the list, or -1. */
  positionOf(identity: unknown): number {
    if (this.positions !== undefined) return this.positions.get(identity) ?? -1;
    for (let i = 0; i < this.identities.length; i++) if (sameValueZero(this.identities[i], identity)) return i;
    return -1;
  }

  /**
   * By identity of `others` (another list's): its position in this list, or -1; `undefined` when
   * an identity repeats in `others`. One table serves both questions: an identity found twice
   * claims a position twice, and one missing here is noted as seen (in the map, or in a set for
   * short lists).
   */
  positionsOf(others: readonly unknown[]): number[] | undefined {
    const positions: number[] = [];
    const claimed: boolean[] = [];
    for (let j = 0; j < this.identities.length; j++) claimed.push(false);
    let missing: Set<unknown> | undefined;
    for (const identity of others) {
      const position = this.positions !== undefined ? (this.positions.get(identity) ?? -2) : this.positionOf(identity);
      if (position >= 0) {
        if (claimed[position]) return undefined;
        claimed[position] = true;
      } else if (this.positions !== undefined) {
        if (position === -1) return undefined;
        this.positions.set(identity, -1);
      } else {
        missing ??= new Set();
        if (missing.has(identity)) return undefined;
        missing.add(identity);
      }
      positions.push(position < 0 ? -1 : position);
    }
    return positions;
  }
}

/** Lists up to this long are checked for repeats with a small table, made once and reused. */
const tableLimit = 64;
/** A power of two, at least twice {@link tableLimit}, so that probing ends soon. */
const tableSize = 128;
/** A slot is taken in this call when its stamp is the call's: no clearing between calls. */
const slotStamps = new Int32Array(tableSize);
const slotIndices = new Int32Array(tableSize);
let stamp = 0;

/**
 * Whether no identity repeats (as `Map` keys compare them). Cheaper than {@link IdentityIndex.of}
 * where no lookups follow: lists of typical length go through a reused table with a hash of a few
 * characters (V8 hashes every character of a string the first time it is a `Map` key).
 */
export function allDifferent(identities: readonly unknown[]): boolean {
  const n = identities.length;
  if (n <= pairwiseLimit || n > tableLimit) return IdentityIndex.of(identities) !== undefined;
  if (++stamp === 0x7fffffff) {
    slotStamps.fill(0);
    stamp = 1;
  }
  for (let i = 0; i < n; i++) {
    const identity = identities[i];
    let slot = quickHash(identity) & (tableSize - 1);
    while (slotStamps[slot] === stamp) {
      if (sameValueZero(identities[slotIndices[slot]!], identity)) return false;
      slot = (slot + 1) & (tableSize - 1);
    }
    slotStamps[slot] = stamp;
    slotIndices[slot] = i;
  }
  return true;
}

/** Equal identities hash alike (`-0` and `0`, `NaN` and `NaN` included); others mostly differ. */
function quickHash(identity: unknown): number {
  if (typeof identity === 'string') {
    const length = identity.length;
    if (length === 0) return 0;
    const ends = identity.charCodeAt(length - 1) * 31 + identity.charCodeAt(length >> 1);
    return Math.imul(ends ^ Math.imul(length, 0x9e3779b1), 0x85ebca6b) >>> 7;
  }
  if (typeof identity === 'number') return Math.imul(identity | 0, 0x9e3779b1) >>> 7;
  return identity === true ? 1 : identity === false ? 2 : 3;
}

/** Equality as `Set` and `Map` keys have it: `NaN` equals itself. */
function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}
