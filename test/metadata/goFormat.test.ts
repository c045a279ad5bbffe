import { describe, expect, it } from 'vitest';
import { goMarshal, goPrint, goQuote } from '../../src/metadata/goFormat.js';
import { kindType, typeAt } from '../../src/metadata/goTypes.js';
import { aggregateMessage, fieldPathOf, formatFieldError } from '../../src/metadata/fieldErrors.js';
import { deepFreeze } from '../helpers/deepFreeze.js';

const deployment = kindType('apps/v1', 'Deployment')!;
const selectorType = typeAt(deployment, ['spec', 'selector']);
const podTemplateType = typeAt(deployment, ['spec', 'template']);

describe('goQuote (Go %q)', () => {
  it.each([
    ['web', '"web"'],
    ['', '""'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there\nnew line', '"tab\\there\\nnew line"'],
    ['\u0007\u000b\u0001\u007f', '"\\a\\v\\x01\\x7f"'],
    ['soft\u00adhyphen', '"soft\\u00adhyphen"'],
    ['line\u2028separator', '"line\\u2028separator"'],
    ['café 日本 😀', '"café 日本 😀"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['lone \ud800 surrogate', '"lone \ufffd surrogate"'],
    ['<&>', '"<&>"'],
  ])('%j → %s', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });
});

describe('goMarshal (Go json.Marshal of the decoded value)', () => {
  it('escapes like encoding/json: HTML characters, U+2028, control characters', () => {
    expect(goMarshal('a<b>&c\u2028\u0001\b\f\n')).toBe('"a\\u003cb\\u003e\\u0026c\\u2028\\u0001\\b\\f\\n"');
    expect(goMarshal('lone \udc00')).toBe('"lone \\ufffd"');
  });

  it('sorts the keys of maps and untyped objects by their UTF-8 bytes', () => {
    expect(goMarshal(deepFreeze({ b: 1, a: [true, null], '😀': 0, '\uffff': 0 }))).toBe('{"a":[true,null],"b":1,"\uffff":0,"😀":0}');
  });

  it('writes a struct in Go field order, leaving out empty omitempty fields and unknown fields', () => {
    const selector = deepFreeze({ matchExpressions: [{ values: ['a'], operator: 'In', key: 'tier' }], matchLabels: { b: 'x', a: 'y' }, extra: 1 });
    expect(goMarshal(selector, selectorType)).toBe(
      '{"matchLabels":{"a":"y","b":"x"},"matchExpressions":[{"key":"tier","operator":"In","values":["a"]}]}',
    );
    expect(goMarshal(deepFreeze({ matchLabels: {}, matchExpressions: [] }), selectorType)).toBe('{}');
  });

  it('writes an absent field without omitempty as its zero value', () => {
    expect(goMarshal(deepFreeze({ matchExpressions: [{ operator: 'Exists' }] }), selectorType)).toBe(
      '{"matchExpressions":[{"key":"","operator":"Exists"}]}',
    );
    // metav1.Time is a struct: omitempty never drops it, and its zero value is null.
    expect(goMarshal(deepFreeze({ spec: { containers: [{ name: 'a', image: 'x' }] } }), podTemplateType)).toBe(
      '{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"a","image":"x","resources":{}}]}}',
    );
  });

  it('writes times in RFC 3339 UTC, and null for nothing', () => {
    const time = typeAt(deployment, ['metadata', 'creationTimestamp']);
    expect(goMarshal('2024-05-01T12:00:00.250+02:00', time)).toBe('"2024-05-01T10:00:00Z"');
    expect(goMarshal(undefined)).toBe('null');
    expect(goMarshal(null, selectorType)).toBe('null');
  });
});

describe('field errors', () => {
  it('renders field.Error as the API server does', () => {
    expect(formatFieldError({ type: 'Invalid value', field: 'spec.selector', value: '{}', detail: 'field is immutable' })).toBe(
      'spec.selector: Invalid value: {}: field is immutable',
    );
    expect(formatFieldError({ type: 'Forbidden', field: 'spec', detail: 'no' })).toBe('spec: Forbidden: no');
    expect(formatFieldError({ type: 'Required value', field: 'spec.x', detail: '' })).toBe('spec.x: Required value');
    expect(goPrint(5)).toBe('5');
    expect(goPrint(1e21)).toBe('1e+21');
    expect(goPrint(true)).toBe('true');
  });

  it('names fields as field.Path does', () => {
    expect(fieldPathOf(['spec', 'clusterIPs', '0'])).toBe('spec.clusterIPs[0]');
    expect(fieldPathOf(['spec', 'selector', 'matchExpressions', '12', 'values', '3'])).toBe('spec.selector.matchExpressions[12].values[3]');
    expect(fieldPathOf([])).toBe('');
  });

  it('aggregates like utilerrors: one bare, several de-duplicated in brackets', () => {
    expect(aggregateMessage(['a'])).toBe('a');
    expect(aggregateMessage(['a', 'a'])).toBe('a');
    expect(aggregateMessage(['a', 'b', 'a'])).toBe('[a, b]');
  });
});
