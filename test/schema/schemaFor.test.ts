import { describe, expect, it } from 'vitest';
import { schemaFor, type TypeMeta, rolloutSchema } from 'kubepatch';
import { readK8sSchema } from '../helpers/conformance.js';

const kinds = readK8sSchema<{ kinds: Record<string, string> }>('builtin-types.json').kinds;

/** `"apps/v1/Deployment"` → `["apps/v1", "Deployment"]`. */
function split(key: string): [string, string] {
  const slash = key.lastIndexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

describe('schemaFor', () => {
  it('knows every kind of Kubernetes 1.33, each as its own type', () => {
    expect(Object.keys(kinds)).toHaveLength(323);
    for (const [key, typeId] of Object.entries(kinds)) {
      const [apiVersion, kind] = split(key);
      expect(schemaFor(apiVersion, kind)?.name, key).toBe(typeId);
    }
  });

  it('names the core group by version alone', () => {
    expect(schemaFor('v1', 'Pod')?.name).toBe('io.k8s.api.core.v1.Pod');
    expect(schemaFor('core/v1', 'Pod')).toBeUndefined();
    expect(schemaFor({ group: '', version: 'v1', kind: 'ConfigMap' })?.name).toBe('io.k8s.api.core.v1.ConfigMap');
  });

  it('takes an object with apiVersion and kind, such as a manifest, or a GroupVersionKind', () => {
    const manifest = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };
    expect(schemaFor(manifest)?.name).toBe('io.k8s.api.apps.v1.Deployment');
    expect(schemaFor({ group: 'apps', version: 'v1', kind: 'Deployment' })).toBe(schemaFor(manifest));
    expect(schemaFor({ apiVersion: 'batch/v1', kind: 'CronJob' })?.name).toBe('io.k8s.api.batch.v1.CronJob');
  });

  it('builds each schema once', () => {
    expect(schemaFor('apps/v1', 'Deployment')).toBe(schemaFor('apps/v1', 'Deployment'));
  });

  it('knows every served version, and no other', () => {
    expect(schemaFor('autoscaling/v2', 'HorizontalPodAutoscaler')?.name).toBe('io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler');
    expect(schemaFor('apps/v1beta2', 'Deployment')?.name).toBe('io.k8s.api.apps.v1beta2.Deployment');
    expect(schemaFor('extensions/v1beta1', 'Ingress')?.name).toBe('io.k8s.api.extensions.v1beta1.Ingress');
    expect(schemaFor('apps/v2', 'Deployment')).toBeUndefined();
  });

  it('knows the Argo Rollout from its CRD, and is undefined for other custom resources and anything else', () => {
    expect(schemaFor('argoproj.io/v1alpha1', 'Rollout')).toBe(rolloutSchema());
    expect(schemaFor({ group: 'argoproj.io', version: 'v1alpha1', kind: 'Rollout' })).toBe(rolloutSchema());
    expect(schemaFor('argoproj.io/v1alpha1', 'Experiment')).toBeUndefined();
    expect(schemaFor('example.com/v1', 'Widget')).toBeUndefined();
    // Served by the API server with Go types, but not part of k8s.io/api, so not in the data.
    expect(schemaFor('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toBeUndefined();
    expect(schemaFor('v1', 'pod')).toBeUndefined();
    expect(schemaFor('', '')).toBeUndefined();
    expect(schemaFor('apps', 'v1/Deployment')).toBeUndefined();
    expect(schemaFor('v1', '__proto__')).toBeUndefined();
    expect(schemaFor('v1', 'constructor')).toBeUndefined();
    expect(schemaFor({ kind: 'Pod' } as unknown as TypeMeta)).toBeUndefined();
    expect(schemaFor({ apiVersion: 1, kind: 'Pod' } as unknown as TypeMeta)).toBeUndefined();
    expect(schemaFor(null as unknown as TypeMeta)).toBeUndefined();
  });

  it('answers the questions strategic merge patch asks', () => {
    const pod = schemaFor('v1', 'Pod')!;
    const containers = pod.field('spec')!.schema.field('containers')!;
    expect(containers.meta).toMatchObject({ patchStrategies: ['merge'], patchMergeKey: 'name' });
    const container = containers.schema.items();
    expect(container.name).toBe('io.k8s.api.core.v1.Container');
    expect(container.field('image')!.meta.patchStrategies).toEqual([]);
    expect(container.field('nosuchfield')).toBeUndefined();
    // A map's keys all share its value schema; a RawExtension has no fields Go's lookups can see.
    expect(pod.field('metadata')!.schema.field('labels')!.schema.field('app')!.schema.type).toEqual({ kind: 'scalar', type: 'string' });
    const raw = schemaFor('apps/v1', 'ControllerRevision')!.field('data')!.schema;
    expect(raw.type).toEqual({ kind: 'opaque' });
    expect(raw.field('anything')).toBeUndefined();
  });
});
