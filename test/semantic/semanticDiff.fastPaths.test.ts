// What the walk's shortcuts must keep: equal parts are passed over before their defaults are filled
// in, yet a default that depends on a struct above (a port's hostPort on the host network), a key
// the defaults complete (a port's protocol) and a map filled entry by entry still count; the
// documents are checked by the walk itself, with the same errors as a check up front; and parts
// shared by reference between the two objects compare as copies would.
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError, semanticDiff } from 'kubepatch';
import { deepFreeze, frozenCopy } from '../helpers/deepFreeze.js';

const pod = (spec: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const app = (extra: object = {}) => ({ name: 'app', image: 'app:1', ports: [{ containerPort: 80 }], ...extra });
const summary = (a: unknown, b: unknown) => semanticDiff(frozenCopy(a), frozenCopy(b)).map((c) => `${c.kind} ${c.path}${c.equalBecause ? ` (${c.equalBecause})` : ''}`);

describe('semanticDiff shortcuts', () => {
  it('fills a default that reads the pod spec on each side with its own spec', () => {
    const container = app({ ports: [{ containerPort: 80, hostPort: null }] });
    expect(summary(pod({ hostNetwork: true, containers: [container] }), pod({ hostNetwork: false, containers: [container] }))).toEqual([
      'changed spec.hostNetwork',
      'changed spec.containers[name=app].ports[containerPort=80,protocol=TCP].hostPort',
    ]);
    expect(summary(pod({ hostNetwork: true, containers: [container] }), pod({ hostNetwork: true, containers: [container] }))).toEqual([]);
  });

  it('reports repeated keys of equal lists, keys completed by defaults included', () => {
    const env = [{ name: 'A', value: '1' }, { name: 'A', value: '2' }];
    expect(summary(pod({ containers: [app({ env })] }), pod({ containers: [app({ env })] }))).toEqual([
      'duplicate-key spec.containers[name=app].env[name=A]',
      'duplicate-key spec.containers[name=app].env[name=A]',
    ]);
    const ports = [{ containerPort: 80 }, { containerPort: 80, protocol: 'TCP' }];
    expect(summary(pod({ containers: [app({ ports })] }), pod({ containers: [app({ ports })] }))).toEqual([
      'duplicate-key spec.containers[name=app].ports[containerPort=80,protocol=TCP]',
      'duplicate-key spec.containers[name=app].ports[containerPort=80,protocol=TCP]',
    ]);
  });

  it('tells a request written out from one the defaults copy from the limits', () => {
    const limits = { cpu: '1', memory: '1Gi' };
    const live = pod({ containers: [app({ resources: { limits, requests: { cpu: '100m', memory: '1Gi' } } })] });
    const sent = pod({ containers: [app({ resources: { limits, requests: { cpu: '100m' } } })] });
    expect(summary(live, sent)).toEqual(['equivalent spec.containers[name=app].resources.requests.memory (default)']);
  });

  it('gives the same changes when the objects share parts by reference', () => {
    const containers = [app({ env: [{ name: 'A', value: '1' }] }), app({ name: 'side', image: 'side:1' })];
    const live = deepFreeze(pod({ containers }));
    const sent = deepFreeze(pod({ containers: [containers[0], { ...containers[1], image: 'side:2' }] }));
    expect(semanticDiff(live, sent)).toEqual(semanticDiff(frozenCopy(live), frozenCopy(sent)));
    expect(semanticDiff(live, live)).toEqual([]);
  });
});

describe('semanticDiff checks its inputs as it walks', () => {
  const error = (a: unknown, b: unknown, options?: object) => {
    try {
      semanticDiff(a, b, options);
    } catch (caught) {
      expect(caught).toBeInstanceOf(InvalidDocumentError);
      const { code, path, input, message } = caught as InvalidDocumentError;
      return { code, path, input, message };
    }
    return undefined;
  };

  it('finds what is not JSON where the two are equal, one-sided, or ignored', () => {
    expect(error({ metadata: { name: Infinity } }, { metadata: { name: Infinity } })).toMatchObject({ path: '/metadata/name', input: 'a' });
    class Instance {
      name = 'k';
      image = 'k';
    }
    expect(error(pod({ containers: [app()] }), pod({ containers: [app(), new Instance()] }))).toMatchObject({
      path: '/spec/containers/1', input: 'b', message: expect.stringContaining('an instance of Instance'),
    });
    expect(error({ kind: 'Pod', status: { replicas: 1 } }, { kind: 'Pod', status: { replicas: NaN } })).toMatchObject({ path: '/status/replicas', input: 'b' });
    // eslint-disable-next-line no-sparse-arrays
    expect(error({ a: [1, , 3] }, { a: [1, 2, 3] })).toMatchObject({ path: '/a/1', input: 'a' });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1000; i++) deep = { k: deep };
    expect(error({ a: deep }, { a: deep })).toMatchObject({ code: 'DOCUMENT_TOO_DEEP', input: 'a' });
  });

  it('reports a document that is not JSON before a bad option, as when it checked them first', () => {
    expect(error({ a: NaN }, { a: 1 }, { ignore: 'x' })).toMatchObject({ path: '/a', input: 'a' });
    expect(error({ a: 1 }, { a: 1 }, { ignore: 'x' })).toMatchObject({ input: 'options.ignore' });
  });
});
