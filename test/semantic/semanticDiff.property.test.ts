// Properties of semanticDiff: an object compared with itself has no real change, inputs are never
// changed (they are deep-frozen), and a real edit of a container image is always reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinObject, editOf } from '../helpers/builtinObjects.js';
import { jsonDocument } from '../helpers/arbitraries.js';
import { deployment } from '../helpers/k8sArbitraries.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { isRealChange, semanticDiff } from 'kubepatch';

describe('semanticDiff properties', () => {
  it('finds no real change between an object and itself (built-in kinds, any JSON)', () => {
    fc.assert(
      fc.property(fc.oneof(builtinObject, jsonDocument({ withNull: true })), (value) => {
        const frozen = frozenCopy(value);
        expect(semanticDiff(frozen, frozenCopy(value)).filter(isRealChange)).toEqual([]);
        expect(semanticDiff(frozen, frozen).filter(isRealChange)).toEqual([]);
      }),
    );
  });

  it('never changes its deep-frozen inputs, and hands out values that are not the inputs', () => {
    fc.assert(
      fc.property(builtinObject.chain((object) => fc.tuple(fc.constant(object), editOf(object))), ([a, b]) => {
        const before = JSON.stringify([a, b]);
        const changes = semanticDiff(frozenCopy(a), frozenCopy(b));
        expect(JSON.stringify([a, b])).toBe(before);
        for (const change of changes) expect(Object.isFrozen(change)).toBe(true);
      }),
    );
  });

  it('reports every changed container image at its keyed path', () => {
    fc.assert(
      fc.property(deployment, fc.string({ minLength: 1, maxLength: 8 }), (d, suffix) => {
        const containers = (d as any).spec.template.spec.containers as { name: string; image: string }[];
        fc.pre(containers.length > 0 && new Set(containers.map((c) => c.name)).size === containers.length);
        const edited = structuredClone(d) as any;
        edited.spec.template.spec.containers[0].image += `-${suffix}`;
        const changes = semanticDiff(frozenCopy(d), frozenCopy(edited)).filter(isRealChange);
        expect(changes).toContainEqual(expect.objectContaining({ kind: 'changed', path: `spec.template.spec.containers[name=${containers[0]!.name}].image` }));
      }),
    );
  });
});
