// validateAnnotations against the real server: seeded random annotation keys (case aside, the label
// key rules) and values of any text, and totals around the 256 KiB limit counted in UTF-8 bytes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAnnotationProblems, validateAnnotations } from 'kubepatch';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { metadataKey, seededSample } from '../helpers/metadataArbitraries.js';
import { disagreements, inBatches, serverCauses, thrownMessage } from '../helpers/metadataVerdicts.js';
import { createNamespace } from '../helpers/serverRequest.js';

const LIMIT = 256 * 1024;

/** Annotations whose keys and values add up to `total` bytes of UTF-8, the value made of `unit`. */
function sized(total: number, unit: string, extra: Record<string, string> = {}): Record<string, string> {
  const key = 'example.com/blob';
  let used = Buffer.byteLength(key);
  for (const [k, v] of Object.entries(extra)) used += Buffer.byteLength(k) + Buffer.byteLength(v);
  const unitBytes = Buffer.byteLength(unit);
  const room = total - used;
  const value = unit.repeat(Math.floor(room / unitBytes)) + 'x'.repeat(room % unitBytes);
  return { ...extra, [key]: value };
}

describe.skipIf(skipReason)('validateAnnotations agrees with the API server', () => {
  const namespace = uniqueName('annotations');
  beforeAll(() => createNamespace(namespace));
  const upperCased = metadataKey.map((key) => key.toUpperCase());
  const key = fc.oneof({ weight: 4, arbitrary: metadataKey }, upperCased);
  const value = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant(''), fc.constant('{"json": [1, 2]}\n'));
  const random = seededSample(fc.dictionary(key, value, { minKeys: 1, maxKeys: 3 }), 100, 2);
  const sizes = [
    sized(LIMIT, 'a'),
    sized(LIMIT + 1, 'a'),
    sized(LIMIT, 'é'),
    sized(LIMIT + 1, 'é'),
    sized(LIMIT, '日本'),
    sized(LIMIT - 1, '🙂', { 'Upper.Case/Key': 'v' }),
    sized(LIMIT + 100, 'a', { 'bad key': 'v' }),
  ];

  it(`on ${random.length} seeded annotation sets and ${sizes.length} around the 256 KiB limit`, async () => {
    const collection = `/api/v1/namespaces/${namespace}/configmaps`;
    const cases = [...random, ...sizes];
    const results = await inBatches(cases, 8, async (annotations) => {
      const causes = await serverCauses(collection, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'annotated', annotations } });
      const thrown = thrownMessage(() => validateAnnotations(annotations));
      return { keys: Object.keys(annotations), differences: disagreements(causes, findAnnotationProblems(annotations), thrown), refused: causes.length > 0 };
    });
    expect(results.filter((r) => r.differences.length > 0)).toEqual([]);
    expect(results.slice(random.length).map((r) => r.refused)).toEqual([false, true, false, true, false, false, true]);
    expect(results.filter((r) => r.refused).length).toBeGreaterThan(15);
    expect(results.filter((r) => !r.refused).length).toBeGreaterThan(15);
  });
});
