import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hash, indexKeys, KeyIndex, type ScalarKey } from '../../src/patch/strategic/keyIndex.js';

/** What the index must answer: the first position of each key by `===`, or `undefined` when one repeats. */
function expected(keys: readonly ScalarKey[]): Map<ScalarKey, number> | undefined {
  const positions = new Map<ScalarKey, number>();
  for (let i = 0; i < keys.length; i++) {
    if (positions.has(keys[i]!)) return undefined;
    positions.set(keys[i]!, i);
  }
  return positions;
}

// Few distinct values, so that repeats are common; strings and numbers with one text ("1" and 1) side by side.
const key = fc.oneof(fc.constantFrom<ScalarKey>('a', 'b', '1', 1, 0, -0, true, 'true', null, 'null', ''), fc.string({ maxLength: 3 }), fc.integer({ min: -50, max: 50 }));

describe('indexKeys: the position of each merge key, as a Map would give it', () => {
  test.prop([fc.array(key, { maxLength: 80 }), fc.array(key, { maxLength: 20 })], { numRuns: 2000 })('same answers as a Map', (keys, probes) => {
    const index = indexKeys(keys);
    const map = expected(keys);
    expect(index === undefined).toBe(map === undefined);
    if (index === undefined || map === undefined) return;
    for (const probe of [...keys, ...probes]) expect(index(probe)).toBe(map.get(probe) ?? -1);
  });

  it('tells keys of one text and different types apart', () => {
    const find = indexKeys(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? String(i) : i)))!;
    expect(find('4')).toBe(4);
    expect(find(4)).toBe(-1);
    expect(find(5)).toBe(5);
    expect(find('5')).toBe(-1);
  });

  it('stays right when keys collide: past a run of collisions, the table gives way to a Map', () => {
    // 40 keys whose hashes all land in the same slot of the 128-slot table that 40 keys get.
    const colliding: string[] = [];
    for (let i = 0; colliding.length < 40; i++) if ((hash(`x${i}`) & 127) === 5) colliding.push(`x${i}`);
    const index = KeyIndex.of(colliding)!;
    colliding.forEach((k, i) => expect(index.find(k)).toBe(i));
    expect(index.find('absent')).toBe(-1);
    expect(KeyIndex.of([...colliding, colliding[7]!])).toBeUndefined();
  });
});
