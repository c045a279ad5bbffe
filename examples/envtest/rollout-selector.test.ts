import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { describe, expect, inject, it } from 'vitest';
import { assertImmutableSelector, isKubepatchError, type JsonObject } from 'kubepatch';
import { sendPatch } from 'kubepatch/client';

const kubeConfig = new KubeConfig();
kubeConfig.loadFromFile(inject('kubeconfigPath'));

const rollout = (app: string): JsonObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app } },
    strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
});

describe('a Rollout selector, on a real API server', () => {
  it('cannot change: the server refuses it, and kubepatch says so before sending', async () => {
    await kubeConfig.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: 'shop' } } });
    const live = rollout('web');
    await kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'shop',
      plural: 'rollouts',
      body: live,
    });

    // Offline: kubepatch names the change and the server's message.
    const desired = rollout('web-v2');
    const predicted = (() => {
      try {
        assertImmutableSelector(live, desired);
      } catch (error) {
        if (isKubepatchError(error, 'IMMUTABLE_FIELD')) return error.changes[0]!.message;
        throw error;
      }
      return undefined;
    })();
    expect(predicted).toContain('.spec.selector is immutable');

    // Online: the server refuses the same change with 422, surfaced as ImmutableFieldError.
    const sent = await sendPatch(
      kubeConfig,
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: 'shop', name: 'web' },
      { type: 'merge', patch: { spec: { selector: { matchLabels: { app: 'web-v2' } } } } },
    ).then(
      () => 'accepted',
      (error: unknown) => error,
    );
    expect(isKubepatchError(sent, 'IMMUTABLE_FIELD')).toBe(true);
    if (isKubepatchError(sent, 'IMMUTABLE_FIELD')) expect(sent.changes[0]!.message).toContain('.spec.selector is immutable');
  });
});
