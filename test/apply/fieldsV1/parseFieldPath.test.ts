import { describe, expect, it } from 'vitest';
import { formatFieldPath, type FieldPath, type PathElement } from 'kubepatch';
import { goUnquote, parseFieldPath } from '../../../src/apply/fieldsV1/parseFieldPath.js';
import { deepFreeze } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

const field = (name: string): PathElement => ({ kind: 'field', name });
const fields = (...names: string[]): PathElement[] => names.map(field);

// The `field` of every cause below is kube-apiserver 1.33.13's, from the 409s that
// test/e2e/client/applyConflicts.test.ts provokes (a Deployment created by one manager, applied by another).
describe('parseFieldPath: the API server\'s field paths', () => {
  it('reads fields, keys, set values and indexes', () => {
    expect(parseFieldPath('.spec.replicas')).toEqual(fields('spec', 'replicas'));
    expect(parseFieldPath('.spec.template.spec.containers[name="app"].image')).toEqual([
      ...fields('spec', 'template', 'spec', 'containers'),
      { kind: 'key', fields: [{ name: 'name', value: 'app' }] },
      field('image'),
    ]);
    expect(parseFieldPath('.spec.template.spec.containers[name="app"].ports[containerPort=80,protocol="TCP"].containerPort')).toEqual([
      ...fields('spec', 'template', 'spec', 'containers'),
      { kind: 'key', fields: [{ name: 'name', value: 'app' }] },
      field('ports'),
      { kind: 'key', fields: [{ name: 'containerPort', value: 80 }, { name: 'protocol', value: 'TCP' }] },
      field('containerPort'),
    ]);
    expect(parseFieldPath('.metadata.finalizers[="example.com/protect"]')).toEqual([
      ...fields('metadata', 'finalizers'),
      { kind: 'value', value: 'example.com/protect' },
    ]);
    expect(parseFieldPath('.spec.args[3]')).toEqual([...fields('spec', 'args'), { kind: 'index', index: 3 }]);
    expect(parseFieldPath('')).toEqual([]);
  });

  it('reads every value form: numbers as Go prints a float64 or an int, true, false, null, lists', () => {
    const valueOf = (text: string) => (parseFieldPath(`[=${text}]`)[0] as { value: unknown }).value;
    expect([valueOf('80'), valueOf('-1.25'), valueOf('1e+06'), valueOf('1e-07'), valueOf('1000000'), valueOf('-0')]).toEqual([80, -1.25, 1e6, 1e-7, 1e6, -0]);
    expect([valueOf('true'), valueOf('false'), valueOf('null')]).toEqual([true, false, null]);
    expect(valueOf('[1,"a",[true],[]]')).toEqual([1, 'a', [true], []]);
    expect(parseFieldPath('.x[a=null,b=true]')[1]).toEqual({ kind: 'key', fields: [{ name: 'a', value: null }, { name: 'b', value: true }] });
  });

  it('unquotes Go strings (%q): \\" \\\\ \\n \\t \\x.. \\u.... \\U........ and octal', () => {
    // The env var value the e2e test conflicts on is `x\ty"`; the server prints it as Go does.
    expect(parseFieldPath('.env[name="A.B",value="x\\ty\\""]')[1]).toEqual({
      kind: 'key',
      fields: [{ name: 'name', value: 'A.B' }, { name: 'value', value: 'x\ty"' }],
    });
    expect(goUnquote('"a\\\\b\\nc\\x7f\\u00e9\\U0001f600\\a\\b\\f\\r\\v\\101"')).toBe('a\\b\nc\u007fé😀\u0007\b\f\r\u000bA');
    expect(goUnquote('"\\ufeffBOM"')).toBe('\ufeffBOM');
    expect(goUnquote('"é😀"')).toBe('é😀');
    expect(goUnquote('"\\xff"')).toBe('\ufffd'); // a byte that is not UTF-8
    expect(goUnquote('"\\xc3\\xa9"')).toBe('é'); // bytes that are
    for (const bad of ['"\\q"', '"\\x4"', '"\\ud800"', '"\\U00110000"', '"\\\'"', '"a"b"', '"a\nb"', 'abc', '"', '"\\400"']) {
      expect(goUnquote(bad), bad).toBeUndefined();
    }
  });

  it('sorts key fields by name, by UTF-8 bytes as Go does, and takes any name up to its "="', () => {
    expect(parseFieldPath('[protocol="TCP",containerPort=80]')[0]).toEqual({
      kind: 'key',
      fields: [{ name: 'containerPort', value: 80 }, { name: 'protocol', value: 'TCP' }],
    });
    expect(parseFieldPath('[😀=1,ﬀ=2,b=3]')[0]).toEqual({
      kind: 'key',
      fields: [{ name: 'b', value: 3 }, { name: 'ﬀ', value: 2 }, { name: '😀', value: 1 }],
    });
    expect(parseFieldPath('[a.b[c],d"e=1]')[0]).toEqual({ kind: 'key', fields: [{ name: 'a.b[c],d"e', value: 1 }] });
  });

  it('splits at every "." without an object: a label key with dots reads as several fields', () => {
    expect(parseFieldPath('.metadata.labels.app.kubernetes.io/name')).toEqual(fields('metadata', 'labels', 'app', 'kubernetes', 'io/name'));
    expect(parseFieldPath('..a.')).toEqual(fields('', 'a', ''));
    expect(parseFieldPath('.a]')).toEqual(fields('a]')); // only "." and "[" end a name
  });

  it('with an object, keeps the names it has whole: label keys, env names, ConfigMap keys', () => {
    const deployment = deepFreeze({
      metadata: { labels: { app: 'web', 'app.kubernetes.io/name': 'web' } },
      spec: {
        replicas: 5,
        template: { spec: { containers: [{ name: 'app', image: 'web:2', env: [{ name: 'A.B', value: 'z' }] }] } },
      },
    });
    const labelPath = '.metadata.labels.app.kubernetes.io/name';
    expect(parseFieldPath(labelPath, { object: deployment })).toEqual(fields('metadata', 'labels', 'app.kubernetes.io/name'));
    expect(parseFieldPath('.spec.template.spec.containers[name="app"].env[name="A.B"].value', { object: deployment })).toEqual([
      ...fields('spec', 'template', 'spec', 'containers'),
      { kind: 'key', fields: [{ name: 'name', value: 'app' }] },
      field('env'),
      { kind: 'key', fields: [{ name: 'name', value: 'A.B' }] },
      field('value'),
    ]);
    // `app` is a label too, but `.kubernetes` cannot follow a string: the walk backs up and takes the longer name.
    const configMap = { data: { 'application.properties': 'x', application: 'y' } };
    expect(parseFieldPath('.data.application.properties', { object: configMap })).toEqual(fields('data', 'application.properties'));
    expect(parseFieldPath('.data.application', { object: configMap })).toEqual(fields('data', 'application'));
  });

  it('with an object that does not hold the path, keeps what it matched and splits the rest at every "."', () => {
    const object = { metadata: { labels: { 'a.b': { c: 1 } } }, spec: { ports: [{ containerPort: 80 }] } };
    expect(parseFieldPath('.metadata.labels.a.b.x.y', { object })).toEqual(fields('metadata', 'labels', 'a.b', 'x', 'y'));
    expect(parseFieldPath('.spec.ports[containerPort=80,protocol="TCP"].x.y', { object })).toEqual([
      ...fields('spec', 'ports'),
      { kind: 'key', fields: [{ name: 'containerPort', value: 80 }, { name: 'protocol', value: 'TCP' }] },
      ...fields('x', 'y'),
    ]);
    expect(parseFieldPath('.a.b', { object: 'not an object' })).toEqual(fields('a', 'b'));
    expect(parseFieldPath('.list[1].a.b', { object: { list: [{}, { 'a.b': 1 }] } })).toEqual([field('list'), { kind: 'index', index: 1 }, field('a.b')]);
    expect(parseFieldPath('.set[="x"].a.b', { object: { set: ['x'] } })).toEqual([field('set'), { kind: 'value', value: 'x' }, ...fields('a', 'b')]);
  });

  it('does not change the object it is given', () => {
    const object = deepFreeze({ metadata: { labels: { 'a.b': 'c' } } });
    expect(parseFieldPath('.metadata.labels.a.b', { object })).toEqual(fields('metadata', 'labels', 'a.b'));
  });

  it('refuses what is not a field path with InvalidDocumentError, input "path"', () => {
    const bad = [
      'spec', // no leading "." or "["
      '[name="app"', // unterminated
      '[name="app]',
      '[name=app]', // an unquoted string
      '[=]',
      '[name="a"x]',
      '[=a=1]', // a Go map value: its entries have no delimiters
      '[a=1,a=2]',
      '[a=1,=2]',
      '[abc]',
      '[=1e999]',
      '[="\\q"]',
      '[=+Inf]',
      '[=[1,2]',
    ];
    for (const text of bad) {
      const error = thrownKubepatchError('INVALID_DOCUMENT', () => parseFieldPath(text));
      expect(error.input, text).toBe('path');
      expect(error.message, text).toMatch(/^not a field path: .+ at offset \d+ of ".*"$/);
    }
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => parseFieldPath('[name="a"x]')).message).toBe(
      'not a field path: expected "," at offset 9 of "[name=\\"a\\"x]"',
    );
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => parseFieldPath(42 as never)).input).toBe('path');
  });

  it('reads back what formatFieldPath writes for the examples of docs/server-side-apply.md', () => {
    const paths: FieldPath[] = [
      [...fields('spec', 'template', 'spec', 'containers'), { kind: 'key', fields: [{ name: 'name', value: 'app' }] }],
      [...fields('spec', 'ports'), { kind: 'key', fields: [{ name: 'port', value: 53 }, { name: 'protocol', value: 'TCP' }] }, field('name')],
      [...fields('metadata', 'finalizers'), { kind: 'value', value: 'example.com/guard' }],
      [...fields('spec', 'values'), { kind: 'index', index: 10 }, field('x')],
    ];
    for (const path of paths) expect(parseFieldPath(formatFieldPath(path))).toEqual(path);
  });
});
