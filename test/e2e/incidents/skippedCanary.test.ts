import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertImmutableSelector, diffRollout, isKubepatchError, type JsonObject } from 'kubepatch';
import { findControlPlaneBinaries, startControlPlane, type ControlPlane } from 'kubepatch/envtest';
import { clientNode } from '../../client/helpers/clientNode.js';
import { ROLLOUT_CRD_V184 } from '../helpers/crds.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';

const ROLLOUTS = (namespace: string) => `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts`;

/** A canary Rollout whose template carries every label the selectors below ask for. */
const rollout = (name: string): JsonObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name },
  spec: {
    replicas: 10,
    selector: { matchLabels: { app: 'checkout' } },
    template: {
      metadata: { labels: { app: 'checkout', version: 'v2' } },
      spec: { containers: [{ name: 'app', image: 'registry.example/checkout:2' }] },
    },
    strategy: { canary: { steps: [{ setWeight: 10 }, { pause: { duration: '10m' } }, { setWeight: 50 }, { pause: {} }] } },
  },
});

/** The edit of the incident: one more label in `spec.selector.matchLabels`, the template already has it. */
function withNewSelector(live: JsonObject): JsonObject {
  const edited = structuredClone(live) as { spec: { selector: { matchLabels: Record<string, string> } } };
  edited.spec.selector.matchLabels['version'] = 'v2';
  return edited as unknown as JsonObject;
}

/** What kubepatch says before sending: the ImmutableFieldError of assertImmutableSelector. */
function kubepatchRefusal(live: JsonObject, edited: JsonObject) {
  try {
    assertImmutableSelector(live, edited);
  } catch (error) {
    if (isKubepatchError(error, 'IMMUTABLE_FIELD')) return error;
    throw error;
  }
  throw new Error('assertImmutableSelector let the selector change through');
}

describe.skipIf(skipReason)('the skipped canary (argo-rollouts #1761, #4070) on a real API server', () => {
  it('with the v1.9.1 CRD the server refuses a selector change with 422, in the words assertImmutableSelector uses', async () => {
    const namespace = uniqueName('incident-canary');
    await createNamespace(namespace);
    const live: JsonObject = await serverOk('POST', ROLLOUTS(namespace), rollout('checkout'));
    const edited = withNewSelector(live);
    const answer = await serverRequest('PUT', `${ROLLOUTS(namespace)}/checkout`, edited);

    expect(answer.statusCode).toBe(422);
    const error = kubepatchRefusal(live, edited);
    expect(error.message).toBe(answer.body.message);
    expect(answer.body.details.causes).toHaveLength(1);
    const [cause] = answer.body.details.causes;
    expect(error.changes.map((change) => [change.field, change.message])).toEqual([[cause.field, `${cause.field}: ${cause.message}`]]);
    expect(answer.body.message).toBe('Rollout.argoproj.io "checkout" is invalid: spec.selector: Invalid value: "object": .spec.selector is immutable');
  });

  it('with the v1.9.1 CRD a JSON merge patch of the selector is refused the same way', async () => {
    const namespace = uniqueName('incident-canary');
    await createNamespace(namespace);
    const live: JsonObject = await serverOk('POST', ROLLOUTS(namespace), rollout('checkout'));
    const patch = { spec: { selector: { matchLabels: { version: 'v2' } } } };
    const answer = await serverRequest('PATCH', `${ROLLOUTS(namespace)}/checkout`, patch, 'application/merge-patch+json');
    expect(answer.statusCode).toBe(422);
    expect(kubepatchRefusal(live, withNewSelector(live)).message).toBe(answer.body.message);
  });

  describe('with the v1.8.4 CRD (a control plane of its own)', () => {
    let controlPlane: ControlPlane;
    const rollouts = () => controlPlane.kubeConfig.makeApiClient(clientNode.CustomObjectsApi);
    const target = (namespace: string) => ({ group: 'argoproj.io', version: 'v1alpha1', namespace, plural: 'rollouts' });

    beforeAll(async () => {
      controlPlane = await startControlPlane({ binaryAssetsDirectory: findControlPlaneBinaries().directory, crds: [ROLLOUT_CRD_V184] });
    });
    afterAll(async () => {
      await controlPlane?.stop();
    });

    it('the server accepts the same change, which kubepatch refuses and diffRollout reports as the high-risk selector-change', async () => {
      const namespace = uniqueName('incident-canary');
      await controlPlane.kubeConfig.makeApiClient(clientNode.CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } });
      const live = (await rollouts().createNamespacedCustomObject({ ...target(namespace), body: rollout('checkout') })) as JsonObject;
      const edited = withNewSelector(live);
      // Throws unless the server answers 2xx.
      const stored = (await rollouts().replaceNamespacedCustomObject({ ...target(namespace), name: 'checkout', body: edited })) as JsonObject;

      expect((stored as { spec: { selector: unknown } }).spec.selector).toEqual({ matchLabels: { app: 'checkout', version: 'v2' } });
      expect(() => assertImmutableSelector(live, edited)).toThrow('.spec.selector is immutable');
      const report = diffRollout(live, stored);
      expect(report.risk).toBe('high');
      expect(report.reactions.find((reaction) => reaction.reaction === 'selector-change')).toMatchObject({ risk: 'high' });
    });
  });
});
