import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { podTemplateGoForm } from 'kubepatch';

const go = (template: unknown): string => JSON.stringify(podTemplateGoForm(deepFreeze(template) as object));

describe('podTemplateGoForm', () => {
  it('writes an absent template as Go writes a zero PodTemplateSpec (v1.9: no creationTimestamp)', () => {
    expect(go(undefined)).toBe('{"metadata":{},"spec":{"containers":null}}');
    expect(go({ metadata: { creationTimestamp: null } })).toBe('{"metadata":{},"spec":{"containers":null}}');
  });

  it('canonicalises quantities as Go does, keeping the text Go caches verbatim', () => {
    const template = {
      spec: {
        containers: [{ name: 'a', resources: { limits: { cpu: '1000m', memory: '1024Mi' }, requests: { cpu: 0.5, memory: '1.500' } } }],
        volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '2048Mi' } }],
      },
    };
    expect(go(template)).toBe(
      '{"metadata":{},"spec":{"volumes":[{"name":"scratch","emptyDir":{"sizeLimit":"2Gi"}}],' +
        '"containers":[{"name":"a","resources":{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"500m","memory":"1.500"}}}]}}',
    );
  });

  it('drops omitempty zero values, nil pointers and unknown fields; keeps pointers to empty structs', () => {
    const template = {
      metadata: { labels: {}, annotations: null, name: '' },
      spec: {
        containers: [{ name: 'a', image: 'x', command: [], env: null, resources: {}, unknownField: 1 }],
        securityContext: {},
        affinity: null,
        hostNetwork: false,
        terminationGracePeriodSeconds: 0,
      },
    };
    expect(go(template)).toBe(
      '{"metadata":{},"spec":{"containers":[{"name":"a","image":"x","resources":{}}],"terminationGracePeriodSeconds":0,"securityContext":{}}}',
    );
  });

  it('puts fields in Go order and sorts map keys', () => {
    expect(go({ spec: { containers: [{ image: 'x', name: 'a' }] }, metadata: { labels: { b: '1', a: '2', B: '3' } } })).toBe(
      '{"metadata":{"labels":{"B":"3","a":"2","b":"1"}},"spec":{"containers":[{"name":"a","image":"x","resources":{}}]}}',
    );
  });

  it('keeps IntOrString values as written: 8080 and "8080" differ', () => {
    const probe = (port: unknown): string => go({ spec: { containers: [{ name: 'a', readinessProbe: { httpGet: { port } } }] } });
    expect(probe(8080)).not.toBe(probe('8080'));
  });
});
