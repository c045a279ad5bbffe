import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH_CONTENT_TYPES } from 'kubepatch';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { rollout } from './helpers/objects.js';
import { useFakeKubeApiServer } from './helpers/serverFixture.js';
import { client } from './helpers/subject.js';

const { applyObject, ConflictError } = client;

const fixture = useFakeKubeApiServer();

describe('applyObject (server-side apply)', () => {
  // Stays on the fake server: it needs request capture (URL, Content-Type and body sent); test/e2e/client/ checks what the real server stores and its managedFields.
  it('sends application/apply-patch+yaml with fieldManager and force', async () => {
    const config = frozenCopy(rollout('applied'));
    await applyObject(fixture.kc, config, { fieldManager: 'deploy-bot', force: true });
    expect(fixture.lastRequest()).toMatchObject({
      method: 'PATCH',
      url: '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/applied?fieldManager=deploy-bot&force=true',
      contentType: PATCH_CONTENT_TYPES.apply,
      status: 200,
    });
    expect(JSON.parse(fixture.lastRequest().body)).toEqual(config);
  });

  // Stays on the fake server: it needs request capture (the body sent); test/e2e/client/conflicts.test.ts applies a read-back copy for real.
  it('takes managedFields and resourceVersion out of the body (the server refuses managedFields)', async () => {
    const live = fixture.server.create(rollout('read-back'));
    const readBack = frozenCopy({
      ...live,
      metadata: { ...live.metadata, managedFields: [{ manager: 'kubectl', operation: 'Update' }], annotations: { team: 'checkout' } },
    });
    await applyObject(fixture.kc, readBack, { fieldManager: 'team-annotator' });
    const body = JSON.parse(fixture.lastRequest().body) as { metadata: Record<string, unknown> };
    expect(body.metadata).not.toHaveProperty('managedFields');
    expect(body.metadata).not.toHaveProperty('resourceVersion');
    expect(fixture.lastRequest().url).toBe('/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/read-back?fieldManager=team-annotator');
  });

  // Stays on the fake server: it needs request capture (the resourceVersion sent); test/e2e/client/conflicts.test.ts checks the real 409.
  it('keeps resourceVersion when asked, which makes the apply conditional', async () => {
    const live = fixture.server.create(rollout('conditional'));
    fixture.server.touch('rollouts.argoproj.io/shop/conditional', (object) => ((object.spec as { replicas: number }).replicas = 4));
    const error = await applyObject(fixture.kc, live, { fieldManager: 'deploy-bot', keepResourceVersion: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(JSON.parse(fixture.lastRequest().body).metadata.resourceVersion).toBe(live.metadata.resourceVersion);
  });

  // Stays on the fake server: it needs request capture (that nothing was sent).
  it('needs a fieldManager', async () => {
    const sent = fixture.server.requests.length;
    await expect(applyObject(fixture.kc, rollout('no-manager'), { fieldManager: '' })).rejects.toMatchObject({ code: 'INVALID_PATCH' });
    expect(fixture.server.requests.length).toBe(sent);
  });
});
