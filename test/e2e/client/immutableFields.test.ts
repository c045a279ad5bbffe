import { beforeAll, describe, expect, it } from 'vitest';
import { isKubepatchError } from 'kubepatch';
import { ApiError, ImmutableFieldError, sendPatch, updateWithFallbackToPatch } from 'kubepatch/client';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import {
  clientNamespace,
  CONFIG_MAPS,
  createRaw,
  readStored,
  REPLICA_SETS,
  replicaSetManifest,
  ROLLOUTS,
  rolloutManifest,
  type Stored,
} from '../helpers/clientObjects.js';

/**
 * 422 answers of the real API server to a change of a field that may not change, in the words
 * kube-apiserver 1.33 uses (which render a Go value, not JSON), and the ImmutableFieldError
 * kubepatch makes of them. Each case also checks that the server stored nothing.
 */

async function refusal(promise: Promise<unknown>): Promise<ImmutableFieldError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImmutableFieldError);
  expect(isKubepatchError(error, 'IMMUTABLE_FIELD')).toBe(true);
  return error as ImmutableFieldError;
}

describe.skipIf(skipReason)('422 "field is immutable" from the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('immutable');
  });

  it('a ReplicaSet selector: the server prints a Go struct, so the refused value is not read back', async () => {
    const live = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'selector'));
    const patch = { spec: { selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } } } } };
    const error = await refusal(sendPatch(adminKubeConfig(), live, { type: 'merge', patch }));
    expect(error.path).toBe('/spec/selector');
    expect(error.changes).toEqual([
      {
        path: '/spec/selector',
        field: 'spec.selector',
        old: undefined,
        new: undefined,
        message: expect.stringMatching(/^spec\.selector: Invalid value: v1\.LabelSelector\{MatchLabels:map\[string\]string\{.*\}: field is immutable$/),
      },
    ]);
    expect(error.message).toContain('ReplicaSet.apps "selector" is invalid: spec.selector: Invalid value: v1.LabelSelector{');
    expect((await readStored({ ...REPLICA_SETS, namespace, name: 'selector' })).spec).toEqual(live.spec);
  });

  it('an Argo Rollout selector (the v1.9.1 CRD rule ".spec.selector is immutable"): CEL prints the schema type, not the value', async () => {
    const live = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'selector'));
    const patch = { spec: { selector: { matchLabels: { app: 'other' } } } };
    const error = await refusal(sendPatch(adminKubeConfig(), live, { type: 'merge', patch }));
    expect(error.changes).toEqual([
      { path: '/spec/selector', field: 'spec.selector', old: undefined, new: undefined, message: 'spec.selector: Invalid value: "object": .spec.selector is immutable' },
    ]);
    expect((await readStored({ ...ROLLOUTS, namespace, name: 'selector' })).spec.selector).toEqual(live.spec.selector);
  });

  it('a Service clusterIP ("may not change once set")', async () => {
    const live = await createRaw({ apiVersion: 'v1', plural: 'services', namespace }, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc', namespace },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    const patch = { spec: { clusterIP: '10.0.0.250', clusterIPs: ['10.0.0.250'] } };
    const error = await refusal(sendPatch(adminKubeConfig(), live, { type: 'strategic', patch }));
    expect(error.changes.map((c) => [c.path, c.field])).toEqual([['/spec/clusterIPs/0', 'spec.clusterIPs[0]']]);
    expect(error.changes[0]?.message).toMatch(/^spec\.clusterIPs\[0\]: Invalid value: \[\]string\{"10\.0\.0\.250"\}: may not change once set$/);
  });

  it('a Job completionMode: a string is printed quoted, so the refused value is read back', async () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'job', namespace },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'job:1' }] } } },
    };
    const live = await createRaw({ apiVersion: 'batch/v1', plural: 'jobs', namespace }, job);
    const error = await refusal(sendPatch(adminKubeConfig(), live, { type: 'merge', patch: { spec: { completionMode: 'Indexed' } } }));
    expect(error.changes).toEqual([
      { path: '/spec/completionMode', field: 'spec.completionMode', old: undefined, new: 'Indexed', message: 'spec.completionMode: Invalid value: "Indexed": field is immutable' },
    ]);
  });

  it('the data of an immutable ConfigMap', async () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'frozen', namespace }, data: { mode: 'fast' }, immutable: true };
    const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMap);
    const error = await refusal(sendPatch(adminKubeConfig(), live, { type: 'merge', patch: { data: { mode: 'slow' } } }));
    expect(error.changes).toEqual([
      { path: '/data', field: 'data', old: undefined, new: undefined, message: 'data: Forbidden: field is immutable when `immutable` is set' },
    ]);
  });

  it('another 422 stays an ApiError', async () => {
    const live = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'negative'));
    const error = await sendPatch(adminKubeConfig(), live, { type: 'merge', patch: { spec: { replicas: -1 } } }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ImmutableFieldError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'API_ERROR', statusCode: 422 });
    expect((error as Error).message).toContain('spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('updateWithFallbackToPatch surfaces a changed selector as ImmutableFieldError and writes nothing', async () => {
    const live: Stored = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'fallback'));
    const desired = structuredClone(live);
    desired.spec.selector.matchLabels.app = 'other';
    desired.spec.template.metadata.labels.app = 'other';
    const error = await refusal(updateWithFallbackToPatch(adminKubeConfig(), desired, { retry: { retries: 3, initialDelayMs: 1 } }));
    expect(error.changes.map((c) => c.field)).toEqual(['spec.selector']);
    expect((await readStored({ ...REPLICA_SETS, namespace, name: 'fallback' })).metadata.resourceVersion).toBe(live.metadata.resourceVersion);
  });
});
