import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, createJsonPatch, PatchTestFailedError, schemaFor } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const schema = schemaFor('v1', 'Pod')!;
const pod = (...containers: object[]) => deepFreeze({ apiVersion: 'v1', kind: 'Pod', spec: { containers } });
const c = (name: string, image = `${name}:1`) => ({ name, image });

describe('createJsonPatch with a schema: keyed lists', () => {
  it('removes by key and tests the key first', () => {
    expect(createJsonPatch(pod(c('a'), c('b'), c('c')), pod(c('a'), c('c')), { schema })).toEqual([
      { op: 'test', path: '/spec/containers/1/name', value: 'b' },
      { op: 'remove', path: '/spec/containers/1' },
    ]);
  });

  it('patches inside a matched element, guarded by its key', () => {
    expect(createJsonPatch(pod(c('a'), c('b')), pod(c('a'), c('b', 'b:2')), { schema })).toEqual([
      { op: 'test', path: '/spec/containers/1/name', value: 'b' },
      { op: 'replace', path: '/spec/containers/1/image', value: 'b:2' },
    ]);
  });

  it('moves instead of rewriting when elements are reordered', () => {
    const before = pod(c('a'), c('b'), c('c'));
    const after = pod(c('c'), c('a'), c('b'));
    const patch = createJsonPatch(before, after, { schema });
    expect(patch).toEqual([
      { op: 'test', path: '/spec/containers/2/name', value: 'c' },
      { op: 'move', from: '/spec/containers/2', path: '/spec/containers/0' },
    ]);
    expectJsonEqual(applyJsonPatch(before, patch), after);
  });

  it('fails on a stale read instead of changing another element', () => {
    const patch = createJsonPatch(pod(c('a'), c('b'), c('c')), pod(c('a'), c('c', 'c:2')), { schema });
    const someoneRemovedA = pod(c('b'), c('c'));
    expect(() => applyJsonPatch(someoneRemovedA, patch)).toThrow(PatchTestFailedError);
  });

  it('keys ports by containerPort and protocol, tolerating a defaulted protocol', () => {
    const ports = (...list: object[]) => pod({ name: 'a', image: 'a:1', ports: list });
    const patch = createJsonPatch(
      ports({ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }),
      ports({ containerPort: 80 }, { containerPort: 53, protocol: 'TCP' }),
      { schema },
    );
    expect(patch).toEqual([
      { op: 'test', path: '/spec/containers/0/name', value: 'a' },
      { op: 'test', path: '/spec/containers/0/ports/1/containerPort', value: 53 },
      { op: 'test', path: '/spec/containers/0/ports/1/protocol', value: 'UDP' },
      { op: 'remove', path: '/spec/containers/0/ports/1' },
    ]);
  });

  it('falls back to a positional diff when keys repeat', () => {
    const before = pod(c('a'), c('a', 'x'));
    const after = pod(c('a'));
    const patch = createJsonPatch(before, after, { schema });
    expect(patch.some((op) => op.op === 'test')).toBe(false);
    expectJsonEqual(applyJsonPatch(before, patch), after);
  });

  const container = fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), image: fc.constantFrom('x:1', 'x:2', 'y:1') }, { noNullPrototype: true });
  const containers = fc.uniqueArray(container, { maxLength: 7, selector: (item) => item.name });

  test.prop([containers, containers], { numRuns: 300 })('apply(a, create(a, b, { schema })) equals b', (a, b) => {
    const before = pod(...a);
    const after = pod(...b);
    expectJsonEqual(applyJsonPatch(before, createJsonPatch(before, after, { schema })), after);
  });
});
