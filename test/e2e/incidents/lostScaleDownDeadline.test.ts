import { beforeAll, describe, expect, it } from 'vitest';
import { buildFallbackPatch, type JsonObject } from 'kubepatch';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { argoRollouts171FallbackPatch } from '../helpers/incidentFallback171.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';

const DEADLINE = 'scale-down-deadline';
const WHEN = '2026-11-23T10:30:00Z';
const STRATEGIC = 'application/strategic-merge-patch+json';

/** An old ReplicaSet of a Rollout as the controller leaves it: hash label, revision annotation, a user's annotation. */
function replicaSet(name: string, annotations: Record<string, string>): JsonObject {
  const labels = { app: 'web', 'rollouts-pod-template-hash': '6d4b' };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, labels, annotations: { 'rollout.argoproj.io/revision': '3', team: 'payments', ...annotations } },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'registry.example/web:3' }] } },
    },
  };
}

const annotationsOf = (object: JsonObject) => (object['metadata'] as { annotations?: Record<string, string> }).annotations ?? {};
const withChanges = (live: JsonObject, annotations: Record<string, string | undefined>, replicas: number): JsonObject => {
  const desired = structuredClone(live) as { metadata: { annotations: Record<string, string> }; spec: { replicas: number } };
  for (const [key, value] of Object.entries(annotations)) {
    if (value === undefined) delete desired.metadata.annotations[key];
    else desired.metadata.annotations[key] = value;
  }
  desired.spec.replicas = replicas;
  return desired as unknown as JsonObject;
};

describe.skipIf(skipReason)('the lost scale-down deadline (Argo Rollouts 1.7.1) on a real API server', () => {
  let namespace: string;
  const path = (name: string) => `/apis/apps/v1/namespaces/${namespace}/replicasets/${name}`;
  /** Creates the ReplicaSet and returns it as the server stored it: the controller's `live`. */
  const stored = async (name: string, annotations: Record<string, string>): Promise<JsonObject> =>
    serverOk('POST', `/apis/apps/v1/namespaces/${namespace}/replicasets`, replicaSet(name, annotations));

  beforeAll(async () => {
    namespace = uniqueName('incident-deadline');
    await createNamespace(namespace);
  });

  it('setting a deadline: the 1.7.1 fallback stores "", buildFallbackPatch stores the deadline', async () => {
    const buggyLive = await stored('buggy-set', {});
    const buggy = await serverOk('PATCH', path('buggy-set'), argoRollouts171FallbackPatch(withChanges(buggyLive, { [DEADLINE]: WHEN }, 3)), STRATEGIC);
    expect(annotationsOf(buggy)[DEADLINE]).toBe('');

    const live = await stored('safe-set', {});
    const { patch, contentType } = buildFallbackPatch(withChanges(live, { [DEADLINE]: WHEN }, 3), live, { resourceVersion: true });
    const safe = await serverOk('PATCH', path('safe-set'), patch, contentType);
    expect(annotationsOf(safe)).toEqual({ 'rollout.argoproj.io/revision': '3', team: 'payments', [DEADLINE]: WHEN });
  });

  it('the next conflict: the 1.7.1 fallback blanks a deadline the ReplicaSet already had, buildFallbackPatch keeps it', async () => {
    // The controller re-added the deadline and scales the ReplicaSet down; the update hit a 409 again.
    const buggyLive = await stored('buggy-again', { [DEADLINE]: WHEN });
    const buggy = await serverOk('PATCH', path('buggy-again'), argoRollouts171FallbackPatch(withChanges(buggyLive, {}, 1)), STRATEGIC);
    expect(annotationsOf(buggy)[DEADLINE]).toBe('');

    const live = await stored('safe-again', { [DEADLINE]: WHEN });
    const { patch, contentType } = buildFallbackPatch(withChanges(live, {}, 1), live, { resourceVersion: true });
    const safe = await serverOk('PATCH', path('safe-again'), patch, contentType);
    expect(annotationsOf(safe)[DEADLINE]).toBe(WHEN);
    expect((safe['spec'] as { replicas: number }).replicas).toBe(1);
  });

  it('scaled down to zero: the 1.7.1 fallback cannot delete the deadline, buildFallbackPatch deletes it and leaves the rest', async () => {
    const buggyLive = await stored('buggy-done', { [DEADLINE]: WHEN });
    const buggy = await serverOk('PATCH', path('buggy-done'), argoRollouts171FallbackPatch(withChanges(buggyLive, { [DEADLINE]: undefined }, 0)), STRATEGIC);
    expect(annotationsOf(buggy)).toHaveProperty(DEADLINE);

    const live = await stored('safe-done', { [DEADLINE]: WHEN });
    const { patch, contentType } = buildFallbackPatch(withChanges(live, { [DEADLINE]: undefined }, 0), live, { resourceVersion: true });
    const safe = await serverOk('PATCH', path('safe-done'), patch, contentType);
    expect(annotationsOf(safe)).toEqual({ 'rollout.argoproj.io/revision': '3', team: 'payments' });
    expect((safe['spec'] as { replicas: number }).replicas).toBe(0);
  });

  it('a buildFallbackPatch made from a stale read is refused with 409, not applied over the newer object', async () => {
    const live = await stored('stale', {});
    const { patch, contentType } = buildFallbackPatch(withChanges(live, { [DEADLINE]: WHEN }, 3), live, { resourceVersion: true });
    await serverOk('PATCH', path('stale'), { metadata: { annotations: { team: 'billing' } } }, 'application/merge-patch+json');
    const answer = await serverRequest('PATCH', path('stale'), patch, contentType);
    expect(answer.statusCode).toBe(409);
    expect(annotationsOf(await serverOk('GET', path('stale')))).not.toHaveProperty(DEADLINE);
  });
});
