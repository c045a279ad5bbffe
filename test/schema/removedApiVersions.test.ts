import { isKubepatchError, patchTypeFor, schemaFor } from 'kubepatch';
import { describe, expect, it } from 'vitest';

function refusal(apiVersion: string, kind: string): { code: string; path: string | undefined; message: string } | 'chosen' {
  try {
    patchTypeFor(apiVersion, kind);
    return 'chosen';
  } catch (error) {
    if (!isKubepatchError(error)) throw error;
    return { code: error.code, path: error.path, message: error.message };
  }
}

describe('patchTypeFor: group versions Kubernetes 1.33 no longer serves', () => {
  it.each([
    ['apps/v1beta2', 'Deployment', '1.16', 'apps/v1'],
    ['apps/v1beta1', 'StatefulSet', '1.16', 'apps/v1'],
    ['extensions/v1beta1', 'Deployment', '1.22', 'apps/v1'],
    ['extensions/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1'],
    ['policy/v1beta1', 'PodDisruptionBudget', '1.25', 'policy/v1'],
    ['batch/v1beta1', 'CronJob', '1.25', 'batch/v1'],
  ])('%s %s: a typed error naming the release and the apiVersion to use', (apiVersion, kind, release, use) => {
    const answer = refusal(apiVersion, kind);
    expect(answer).toMatchObject({ code: 'INVALID_DOCUMENT', path: '/apiVersion' });
    const message = (answer as { message: string }).message;
    expect(message).toContain(`removed in ${release}`);
    expect(message).toContain('404');
    expect(message).toContain(`convert the object to ${use}`);
  });

  it('a kind removed with its version (PodSecurityPolicy) is said to be gone, not sent a merge patch', () => {
    expect(refusal('policy/v1beta1', 'PodSecurityPolicy')).toMatchObject({ code: 'INVALID_DOCUMENT', message: expect.stringContaining('the kind itself was removed') });
  });

  it('served versions still get their patch type, and schemaFor still reads old manifests', () => {
    expect(patchTypeFor('apps/v1', 'Deployment').type).toBe('strategic');
    expect(patchTypeFor('policy/v1', 'PodDisruptionBudget').type).toBe('strategic');
    expect(patchTypeFor('networking.k8s.io/v1beta1', 'IPAddress').type).toBe('strategic'); // beta, served when enabled
    expect(schemaFor('apps/v1beta2', 'Deployment')?.name).toBe('io.k8s.api.apps.v1beta2.Deployment');
  });
});
