// The normalizations of the out-of-sync report against the real server: what it stores for a
// manifest (a Secret with stringData, a Service, a webhook configuration the server gives a
// caBundle, a Rollout whose CRD defaults fields) is explained away, and a real change is not.
import { beforeAll, describe, expect, it } from 'vitest';
import { semanticDiff, type SemanticChange } from 'kubepatch';
import { rolloutManifest } from '../helpers/clientObjects.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk } from '../helpers/serverRequest.js';
import { ROLLOUT_CRD } from '../apply/sequences/targets.js';

const real = (changes: readonly SemanticChange[]) => changes.filter((c) => c.kind !== 'equivalent');
const reasons = (changes: readonly SemanticChange[]) => new Set(changes.filter((c) => c.kind === 'equivalent').map((c) => c.equalBecause));

describe.skipIf(skipReason)('out-of-sync normalizations against the real API server', () => {
  const namespace = uniqueName('out-of-sync');
  beforeAll(() => createNamespace(namespace));

  it('a Secret written with stringData is in sync with its manifest; another value is not', async () => {
    const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace }, stringData: { password: 'pa ss wörd' } };
    const live = await serverOk('POST', `/api/v1/namespaces/${namespace}/secrets`, manifest);
    expect(live.stringData).toBeUndefined();
    const changes = semanticDiff(live, manifest);
    expect(real(changes)).toEqual([]);
    expect(reasons(changes).has('string-data')).toBe(true);
    expect(real(semanticDiff(live, { ...manifest, stringData: { password: 'other' } })).length).toBeGreaterThan(0);
  });

  it('a Service with the addresses the server allocated is in sync with its manifest', async () => {
    const manifest = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } };
    const live = await serverOk('POST', `/api/v1/namespaces/${namespace}/services`, manifest);
    expect(live.spec.clusterIP).toMatch(/\d/);
    expect(real(semanticDiff(live, manifest))).toEqual([]);
    const moved = { ...manifest, spec: { ...manifest.spec, ports: [{ port: 81 }] } };
    expect(real(semanticDiff(live, moved)).length).toBeGreaterThan(0);
  });

  it('a webhook configuration whose caBundle was written after the apply is in sync; one set to another value is not', async () => {
    const webhook = (caBundle?: string) => ({
      name: 'check.example.com',
      admissionReviewVersions: ['v1'],
      sideEffects: 'None',
      clientConfig: { url: 'https://example.com/check', ...(caBundle === undefined ? {} : { caBundle }) },
      rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['configmaps'] }],
      failurePolicy: 'Ignore',
      namespaceSelector: { matchLabels: { 'kubepatch-test': namespace } },
    });
    const name = uniqueName('hook');
    const manifest = { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name }, webhooks: [webhook()] };
    // A cert-manager-like controller fills in the caBundle after the apply.
    const live = await serverOk('POST', '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations', { ...manifest, webhooks: [webhook('Y2EK')] });
    const changes = semanticDiff(live, manifest);
    expect(real(changes)).toEqual([]);
    expect(reasons(changes).has('webhook-written')).toBe(true);
    expect(real(semanticDiff(live, { ...manifest, webhooks: [webhook('b3RoZXIK')] })).length).toBeGreaterThan(0);
    await serverOk('DELETE', `/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/${name}`);
  });

  it("a Rollout is in sync with its manifest once its CRD's defaults are known", async () => {
    const manifest = rolloutManifest(namespace, 'defaulted') as { spec: { template: { spec: { containers: object[] } } } };
    manifest.spec.template.spec.containers = [{ name: 'app', image: 'web:1', ports: [{ containerPort: 8080 }] }];
    const live = await serverOk('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts`, manifest);
    expect(live.spec.template.spec.containers[0].ports[0].protocol).toBe('TCP');
    const changes = semanticDiff(live, manifest, { crds: [ROLLOUT_CRD] });
    expect(real(changes)).toEqual([]);
    expect(reasons(changes).has('crd-default')).toBe(true);
  });
});
