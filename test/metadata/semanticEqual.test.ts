import { describe, expect, it } from 'vitest';
import { kindType, typeAt } from '../../src/metadata/goTypes.js';
import { memberEqual, semanticEqual } from '../../src/metadata/semanticEqual.js';
import { deepFreeze } from '../helpers/deepFreeze.js';

const pod = kindType('v1', 'Pod')!;
const podSpec = typeAt(pod, ['spec']);
const container = typeAt(pod, ['spec', 'containers', '0']);

describe('semanticEqual (apiequality.Semantic.DeepEqual on decoded values)', () => {
  it('treats absent, null and the zero value alike, but for pointers', () => {
    expect(semanticEqual(deepFreeze({ name: 'a', image: '' }), deepFreeze({ name: 'a', image: null }), container)).toBe(true);
    expect(semanticEqual(deepFreeze({ name: 'a', args: [] }), deepFreeze({ name: 'a' }), container)).toBe(true);
    expect(semanticEqual(deepFreeze({ name: 'a', resources: {} }), deepFreeze({ name: 'a' }), container)).toBe(true);
    expect(semanticEqual(deepFreeze({ name: 'a', stdin: false }), deepFreeze({ name: 'a' }), container)).toBe(true);
    // PodSpec.activeDeadlineSeconds and securityContext are pointers: 0 and {} are not nil.
    expect(memberEqual(podSpec, 'activeDeadlineSeconds', 0, undefined)).toBe(false);
    expect(memberEqual(podSpec, 'securityContext', {}, null)).toBe(false);
    expect(memberEqual(podSpec, 'hostNetwork', false, undefined)).toBe(true);
  });

  it('ignores fields the Go struct does not have, and compares quantities by value and times by instant', () => {
    expect(semanticEqual(deepFreeze({ name: 'a', x: 1 }), deepFreeze({ name: 'a', x: 2 }), container)).toBe(true);
    const limits = (cpu: string | number, memory: string) => deepFreeze({ name: 'a', resources: { limits: { cpu, memory } } });
    expect(semanticEqual(limits('1', '1Gi'), limits('1000m', '1024Mi'), container)).toBe(true);
    expect(semanticEqual(limits(0.5, '1G'), limits('500m', '1Gi'), container)).toBe(false);
    const time = typeAt(pod, ['metadata', 'creationTimestamp']);
    expect(semanticEqual('2025-01-01T02:00:00+02:00', '2025-01-01T00:00:00Z', time)).toBe(true);
  });

  it('keeps list order and map keys', () => {
    const env = (...names: string[]) => deepFreeze({ name: 'a', env: names.map((name) => ({ name, value: '1' })) });
    expect(semanticEqual(env('A', 'B'), env('B', 'A'), container)).toBe(false);
    const selector = typeAt(podSpec, ['nodeSelector']);
    expect(semanticEqual(deepFreeze({ a: '' }), deepFreeze({}), selector)).toBe(false);
    expect(semanticEqual(deepFreeze({}), null, selector)).toBe(true);
  });
});
