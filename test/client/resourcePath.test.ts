import { describe, expect, it } from 'vitest';
import { guessPlural, referenceOf, resourcePath } from '../../src/client/resourcePath.js';

describe('resourcePath', () => {
  it('guesses the plural as English does, with Endpoints as the exception', () => {
    const cases: Record<string, string> = {
      ReplicaSet: 'replicasets',
      Rollout: 'rollouts',
      Ingress: 'ingresses',
      IngressClass: 'ingressclasses',
      NetworkPolicy: 'networkpolicies',
      Gateway: 'gateways',
      Prometheus: 'prometheuses',
      Endpoints: 'endpoints',
      ConfigMap: 'configmaps',
    };
    for (const [kind, plural] of Object.entries(cases)) expect(guessPlural(kind)).toBe(plural);
  });

  it('builds core, group, namespaced and cluster-scoped paths, escaping names', () => {
    expect(resourcePath({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'a b' })).toBe('/api/v1/namespaces/shop/configmaps/a%20b');
    expect(resourcePath({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: 'shop', name: 'web' })).toBe(
      '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web',
    );
    expect(resourcePath({ apiVersion: 'v1', kind: 'Namespace', name: 'shop' })).toBe('/api/v1/namespaces/shop');
    expect(resourcePath({ apiVersion: 'example.com/v1', kind: 'Odd', name: 'x' }, 'oddities')).toBe('/apis/example.com/v1/oddities/x');
  });

  it('reads a reference from a manifest or a reference, and refuses one that names no object', () => {
    expect(referenceOf({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'shop' } }, 'target')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'web',
      namespace: 'shop',
    });
    expect(referenceOf({ apiVersion: 'v1', kind: 'Namespace', name: 'shop' }, 'target')).toEqual({ apiVersion: 'v1', kind: 'Namespace', name: 'shop' });
    expect(() => referenceOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }, 'desired')).toThrow(
      expect.objectContaining({ code: 'INVALID_DOCUMENT', input: 'desired' }),
    );
    expect(() => referenceOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: '' } }, 'desired')).toThrow(
      expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/metadata/namespace' }),
    );
  });
});
