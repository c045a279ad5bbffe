import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldSet, formatFieldPath, resolveFieldPath, type FieldPath, type PathElement } from 'kubepatch';
import { deepFreeze } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

// Expected texts below were produced by structured-merge-diff v4.6.0 (the version of Kubernetes
// 1.33.13: Set.FromJSON, then Set.ToJSON and Set.String) from the same inputs.

describe('FieldSet: decode and encode fieldsV1 as the API server does', () => {
  it('round-trips every entry kind, with nested "." members', () => {
    const text =
      '{"f:metadata":{"f:finalizers":{".":{},"v:\\"example.com/a\\"":{}},"f:labels":{".":{},"f:app":{}}},' +
      '"f:spec":{"f:ports":{"k:{\\"port\\":53,\\"protocol\\":\\"TCP\\"}":{".":{},"f:name":{},"f:port":{}}},' +
      '"f:values":{"i:0":{},"i:2":{"f:x":{}},"i:10":{}}}}';
    const set = FieldSet.parse(text);
    expect(set.serialize()).toBe(text);
    expect(JSON.stringify(set.toFieldsV1())).toBe(JSON.stringify(JSON.parse(text)));
    expect(JSON.stringify(set)).toBe(JSON.stringify(JSON.parse(text)));
    expect(set.size).toBe(10);
    expect(set.toString().split('\n')).toEqual([
      '.metadata.finalizers',
      '.metadata.labels',
      '.metadata.finalizers[="example.com/a"]',
      '.metadata.labels.app',
      '.spec.ports[port=53,protocol="TCP"]',
      '.spec.ports[port=53,protocol="TCP"].name',
      '.spec.ports[port=53,protocol="TCP"].port',
      '.spec.values[0]',
      '.spec.values[10]',
      '.spec.values[2].x',
    ]);
  });

  it('sorts keys as PathElement.Less: fields by bytes, then k:, v: (numbers, strings, booleans), i: by number; "." first', () => {
    const shuffled = {
      'i:10': {}, 'i:9': {}, 'v:true': {}, 'v:"b"': {}, 'v:"B"': {}, 'v:10': {}, 'v:9': {}, 'v:1e-7': {},
      'k:{"name":"b"}': {}, 'k:{"a":1,"name":"a"}': {}, 'k:{"name":"a"}': {}, 'f:😀': {}, 'f:ﬀ': {}, 'f:b': {}, 'f:B': {}, 'f:a': { 'f:z': {}, '.': {} },
    };
    expect(FieldSet.fromFieldsV1(shuffled).serialize()).toBe(
      '{"f:B":{},"f:a":{".":{},"f:z":{}},"f:b":{},"f:ﬀ":{},"f:😀":{},"k:{\\"a\\":1,\\"name\\":\\"a\\"}":{},"k:{\\"name\\":\\"a\\"}":{},' +
        '"k:{\\"name\\":\\"b\\"}":{},"v:1e-07":{},"v:9":{},"v:10":{},"v:\\"B\\"":{},"v:\\"b\\"":{},"v:true":{},"i:9":{},"i:10":{}}',
    );
  });

  it('writes k: and v: JSON as json-iterator does: sorted fields, HTML escaped values, Go floats; merges duplicates', () => {
    const set = FieldSet.fromFieldsV1({ 'k:{"z":"<&>","a":1.0,"m":{"y":1,"x":[true,null]}}': {}, 'i:03': {}, 'i:3': { 'f:a': {} }, 'v:1e21': {} });
    expect(set.serialize()).toBe('{"k:{\\"a\\":1,\\"m\\":{\\"x\\":[true,null],\\"y\\":1},\\"z\\":\\"\\\\u003c\\\\u0026\\\\u003e\\"}":{},"v:1e+21":{},"i:3":{".":{},"f:a":{}}}');
    expect(set.toString()).toBe('[a=1,m=x=[true,null]y=1,z="<&>"]\n[=1e+21]\n[3]\n[3].a');
  });

  it('refuses malformed fieldsV1 with INVALID_DOCUMENT and the pointer of the offending key', () => {
    const cases: [unknown, string][] = [
      [{ 'f:spec': { 'x:foo': {} } }, '/f:spec/x:foo'],
      [{ 'f:spec': { f: {} } }, '/f:spec/f'],
      [{ 'f:spec': { 'f:replicas': true } }, '/f:spec/f:replicas'],
      [{ 'f:a': { '.': 1 } }, '/f:a/.'],
      [{ 'f:containers': { 'k:{"name":': {} } }, '/f:containers/k:{"name":'],
      [{ 'f:containers': { 'k:["name"]': {} } }, '/f:containers/k:["name"]'],
      [{ 'f:x': { 'v:nope': {} } }, '/f:x/v:nope'],
      [{ 'f:x': { 'i:1.5': {} } }, '/f:x/i:1.5'],
      [{ 'f:a~b/c': { 'q:': {} } }, '/f:a~0b~1c/q:'],
      [[], ''],
      ['{}', ''],
    ];
    for (const [input, path] of cases) {
      const error = thrownKubepatchError('INVALID_DOCUMENT', () => FieldSet.fromFieldsV1(input));
      expect(error.path).toBe(path);
      expect(error.input).toBe('fieldsV1');
    }
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => FieldSet.parse('{')).path).toBe('');
  });

  it('resolves paths to JSON Pointers of the object, k: and v: by the list element they name', () => {
    const pod = deepFreeze({
      metadata: { finalizers: ['a', 'b/c'] },
      spec: { containers: [{ name: 'init' }, { name: 'app', image: 'app:1', ports: [{ containerPort: 80, protocol: 'UDP' }, { containerPort: 80, protocol: 'TCP' }] }] },
    });
    const set = FieldSet.fromFieldsV1({
      'f:metadata': { 'f:finalizers': { 'v:"b/c"': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"app"}': { 'f:image': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { 'f:protocol': {} } } }, 'k:{"name":"gone"}': {} } },
    });
    expect(set.toJsonPointers(pod).map((found) => [found.serverPath, found.pointer])).toEqual([
      ['.metadata.finalizers[="b/c"]', '/metadata/finalizers/1'],
      ['.spec.containers[name="gone"]', undefined], // Set.Iterate: a node's members before its subtrees
      ['.spec.containers[name="app"].image', '/spec/containers/1/image'],
      ['.spec.containers[name="app"].ports[containerPort=80,protocol="TCP"].protocol', '/spec/containers/1/ports/1/protocol'],
    ]);
    expect(set.toJsonPointers(pod, 'prefixes').map((found) => found.pointer)).toContain('/spec/containers/1/ports/1');
    const path = [...set.leafPaths()][2]!;
    expect(resolveFieldPath(pod, path)).toBe('/spec/containers/1/image');
  });

  // Speed is measured in `npm run bench`, never asserted here: this checks a list that size is handled exactly.
  it('encodes, parses and combines a 10,000-element list exactly', () => {
    const big = (n: number) => FieldSet.fromPaths(Array.from({ length: n }, (_, i): FieldPath => [{ kind: 'field', name: 'items' }, { kind: 'key', fields: [{ name: 'name', value: `item-${i}` }] }, { kind: 'field', name: 'value' }]));
    const set = big(10_000);
    const text = set.serialize();
    const again = FieldSet.parse(text);
    expect(again.size).toBe(10_000);
    expect(again.serialize()).toBe(text);
    expect(again.union(set).intersection(set).equals(set)).toBe(true);
  });
});

const fieldNames = fc.constantFrom('a', 'b', 'B', 'aa', 'é', '😀', 'ﬀ', 'x<y');
const scalar = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom('a', 'b', '', 'A'), fc.boolean(), fc.constant(null));
const element: fc.Arbitrary<PathElement> = fc.oneof(
  fieldNames.map((name) => ({ kind: 'field' as const, name })),
  fc.uniqueArray(fc.tuple(fieldNames, scalar), { minLength: 1, maxLength: 2, selector: ([name]) => name }).map((pairs) => ({
    kind: 'key' as const,
    fields: pairs.map(([name, value]) => ({ name, value })).sort((x, y) => (Buffer.compare(Buffer.from(x.name), Buffer.from(y.name)))),
  })),
  scalar.map((value) => ({ kind: 'value' as const, value })),
  fc.integer({ min: 0, max: 11 }).map((index) => ({ kind: 'index' as const, index })),
);
const fieldSet = fc.array(fc.array(element, { minLength: 1, maxLength: 3 }), { maxLength: 12 }).map((paths) => FieldSet.fromPaths(paths));

describe('FieldSet: set algebra laws (fast-check)', () => {
  it('union and intersection are commutative, associative and idempotent; the empty set is neutral', () => {
    fc.assert(
      fc.property(fieldSet, fieldSet, fieldSet, (a, b, c) => {
        expect(a.union(b).equals(b.union(a))).toBe(true);
        expect(a.intersection(b).equals(b.intersection(a))).toBe(true);
        expect(a.union(b).union(c).equals(a.union(b.union(c)))).toBe(true);
        expect(a.intersection(b).intersection(c).equals(a.intersection(b.intersection(c)))).toBe(true);
        expect(a.union(a).equals(a) && a.intersection(a).equals(a)).toBe(true);
        expect(a.union(FieldSet.EMPTY).equals(a) && a.intersection(FieldSet.EMPTY).isEmpty()).toBe(true);
      }),
    );
  });

  it('difference: (a − b) ∩ b = ∅, (a − b) ∪ (a ∩ b) = a, a − a = ∅; sizes add up', () => {
    fc.assert(
      fc.property(fieldSet, fieldSet, (a, b) => {
        expect(a.difference(b).intersection(b).isEmpty()).toBe(true);
        expect(a.difference(b).union(a.intersection(b)).equals(a)).toBe(true);
        expect(a.difference(a).isEmpty()).toBe(true);
        expect(a.union(b).size).toBe(a.size + b.size - a.intersection(b).size);
        expect(a.recursiveDifference(b).difference(a).isEmpty()).toBe(true);
      }),
    );
  });

  it('membership agrees with the operations, and paths() lists exactly the members', () => {
    fc.assert(
      fc.property(fieldSet, fieldSet, (a, b) => {
        const paths = [...a.paths()];
        expect(paths).toHaveLength(a.size);
        for (const path of paths) expect(a.has(path)).toBe(true);
        expect(FieldSet.fromPaths(paths).equals(a)).toBe(true);
        for (const path of [...a.paths(), ...b.paths()]) {
          expect(a.union(b).has(path)).toBe(a.has(path) || b.has(path));
          expect(a.intersection(b).has(path)).toBe(a.has(path) && b.has(path));
          expect(a.difference(b).has(path)).toBe(a.has(path) && !b.has(path));
        }
        expect([...a.leafPaths()].map(formatFieldPath)).toEqual([...a.leaves().paths()].map(formatFieldPath));
      }),
    );
  });

  it('decode(encode(x)) = x and encode(decode(text)) = text for canonical text; no operation changes its operands', () => {
    fc.assert(
      fc.property(fieldSet, fieldSet, (a, b) => {
        const text = a.serialize();
        const before = b.serialize();
        expect(FieldSet.parse(text).equals(a)).toBe(true);
        expect(FieldSet.parse(text).serialize()).toBe(text);
        expect(FieldSet.fromFieldsV1(deepFreeze(a.toFieldsV1())).serialize()).toBe(text);
        a.union(b), a.intersection(b), a.difference(b), a.leaves(), a.with([{ kind: 'field', name: 'new' }]);
        expect(a.serialize()).toBe(text);
        expect(b.serialize()).toBe(before);
      }),
    );
  });
});
