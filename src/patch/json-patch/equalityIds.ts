import { jsonEqual } from '../../json/jsonEqual.js';
import { jsonEqualChecking } from '../../json/jsonEqualChecking.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { structuralHashChecking } from '../../json/structuralHash.js';

/** Up to this many elements in all, equal elements are found without a map. */
const linearSearchLimit = 48;

/**
 * Numbers the elements `from[start..endFrom)` and `to[start..endTo)` so that two elements get the
 * same id exactly when they are {@link jsonEqual}: a structural hash finds the candidates (and
 * checks each element, `depth` deep), `jsonEqual` decides. Ids count up from 0 in order of first
 * appearance, `from` first. Both sides hold elements, and not one each (the caller handles those
 * cases without ids).
 */
export function equalityIds(from: unknown[], to: unknown[], start: number, endFrom: number, endTo: number, depth: number): [number[], number[]] {
  const fromCount = endFrom - start;
  const toCount = endTo - start;
  // Plain arrays, filled in order (no holes, which V8 would check for on every read): a typed
  // array costs more to make than these few numbers cost to store.
  const fromIds: number[] = [];
  const toIds: number[] = [];
  const ids = new ContentIds(depth, fromCount + toCount <= linearSearchLimit);
  // Holes included: a hole must reach the hash, which rejects it.
  const fromIndexOfId: number[] = [];
  for (let i = 0; i < fromCount; i++) {
    const id = ids.idOf(from[start + i]);
    fromIds.push(id);
    // Ids are numbered in order: a new one is the next index (a repeated one keeps its first).
    if (id === fromIndexOfId.length) fromIndexOfId.push(i);
  }
  // Most elements of `to` equal the element of `from` after the one the previous element matched:
  // that one is compared first (which checks the element too; the same object on both sides was
  // checked as it was hashed), and the hash is made only when it differs. The first pair of the
  // middle is known to differ (the equal ends were trimmed).
  let matched = -1;
  for (let j = 0; j < toCount; j++) {
    const next = matched + 1;
    if (j + next > 0 && next < fromCount) {
      const candidate = from[start + next];
      const target = to[start + j];
      if (candidate === target || jsonEqualChecking(candidate, target, depth)) {
        toIds.push(fromIds[next]!);
        matched = next;
        continue;
      }
    }
    const id = ids.idOf(to[start + j]);
    toIds.push(id);
    // Not in `from`: taken as changed in place, so the next element is compared with the next one.
    matched = fromIndexOfId[id] ?? next;
  }
  return [fromIds, toIds];
}

/** Ids by content: one representative element per id, found by hash and confirmed by `jsonEqual`. */
class ContentIds {
  readonly #representatives: JsonValue[] = [];
  /** Few elements: the hashes of the representatives, searched one by one (quicker than a map). */
  readonly #hashes: number[] | undefined;
  /** Many elements: the newest id with each hash, the next older one with the same hash by id. */
  readonly #newestWithHash: Map<number, number> | undefined;
  readonly #olderWithSameHash: number[] = [];

  constructor(
    /** The nesting of the elements in their documents. */
    readonly depth: number,
    linear: boolean,
  ) {
    if (linear) this.#hashes = [];
    else this.#newestWithHash = new Map();
  }

  /** The element's id; the element is checked as it is hashed. */
  idOf(element: unknown): number {
    const hash = structuralHashChecking(element, this.depth);
    const checked = element as JsonValue;
    const representatives = this.#representatives;
    const hashes = this.#hashes;
    if (hashes !== undefined) {
      for (let id = 0; id < representatives.length; id++) {
        if (hashes[id] === hash && jsonEqual(representatives[id], checked)) return id;
      }
      hashes.push(hash);
      return representatives.push(checked) - 1;
    }
    // Cut to 30 bits: small integers are Map keys V8 need not box.
    const key = hash & 0x3fffffff;
    const newest = this.#newestWithHash!.get(key) ?? -1;
    for (let id = newest; id !== -1; id = this.#olderWithSameHash[id]!) {
      if (jsonEqual(representatives[id], checked)) return id;
    }
    const id = representatives.length;
    representatives.push(checked);
    this.#olderWithSameHash.push(newest);
    this.#newestWithHash!.set(key, id);
    return id;
  }
}
