import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatchFor, PATCH_CONTENT_TYPES } from 'kubepatch';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { deployment, replicaSet } from './helpers/objects.js';
import { useFakeKubeApiServer } from './helpers/serverFixture.js';
import { client } from './helpers/subject.js';

const { sendPatch, getObject } = client;

const fixture = useFakeKubeApiServer();

describe('sendPatch', () => {
  // Stays on the fake server: it needs request capture (the Content-Type, path and credentials sent).
  it('sends each patch format under its own Content-Type', async () => {
    const rs = fixture.server.create(replicaSet('formats'));
    await sendPatch(fixture.kc, rs, { type: 'merge', patch: { spec: { replicas: 4 } } });
    expect(fixture.lastRequest()).toMatchObject({ method: 'PATCH', contentType: PATCH_CONTENT_TYPES.merge, status: 200 });
    expect(fixture.lastRequest().url).toBe('/apis/apps/v1/namespaces/shop/replicasets/formats');
    await sendPatch(fixture.kc, rs, { type: 'strategic', patch: { spec: { replicas: 5 } } });
    expect(fixture.lastRequest()).toMatchObject({ contentType: PATCH_CONTENT_TYPES.strategic, status: 200 });
    const stored = await sendPatch(fixture.kc, rs, {
      type: 'json',
      patch: [
        { op: 'test', path: '/spec/replicas', value: 5 },
        { op: 'replace', path: '/spec/replicas', value: 6 },
      ],
    });
    expect(fixture.lastRequest()).toMatchObject({ contentType: PATCH_CONTENT_TYPES.json, status: 200 });
    expect(stored.spec).toMatchObject({ replicas: 6 });
    expect(fixture.lastRequest().authorization).toBe('Bearer test-token');
  });

  // Stays on the fake server: it needs request capture (the body as sent); test/e2e/client/sendPatch.test.ts checks what the real server stores.
  it('sends strategic merge patch directives byte for byte ($patch: delete removes one container)', async () => {
    const live = fixture.server.create(deployment('directives'));
    const desired = frozenCopy({ ...live, spec: { ...live.spec, template: { ...live.spec.template, spec: { containers: [{ name: 'app', image: 'api:2' }] } } } });
    const update = createPatchFor(live, desired);
    expect(JSON.stringify(update.patch)).toContain('"$patch":"delete"');
    const stored = await sendPatch(fixture.kc, live, update);
    expect(JSON.parse(fixture.lastRequest().body)).toEqual(update.patch);
    expect(fixture.lastRequest().contentType).toBe(PATCH_CONTENT_TYPES.strategic);
    expect((stored.spec as { template: { spec: unknown } }).template.spec).toEqual({ containers: [{ name: 'app', image: 'api:2' }] });
  });

  // Stays on the fake server: it needs request capture (that nothing was sent).
  it('refuses, before sending, a patch that does not fit its format or options', async () => {
    const rs = fixture.server.create(replicaSet('checks'));
    const sent = fixture.server.requests.length;
    await expect(sendPatch(fixture.kc, rs, { type: 'json', patch: { spec: {} } })).rejects.toMatchObject({ code: 'INVALID_PATCH' });
    await expect(sendPatch(fixture.kc, rs, { type: 'merge', patch: [] })).rejects.toMatchObject({ code: 'INVALID_PATCH' });
    await expect(sendPatch(fixture.kc, rs, { type: 'merge', patch: {}, contentType: PATCH_CONTENT_TYPES.json })).rejects.toMatchObject({
      code: 'INVALID_PATCH',
    });
    await expect(sendPatch(fixture.kc, rs, { type: 'merge', patch: {} }, { force: true })).rejects.toMatchObject({ code: 'INVALID_PATCH', input: 'options' });
    await expect(sendPatch(fixture.kc, rs, { type: 'apply', patch: {} })).rejects.toMatchObject({ code: 'INVALID_PATCH', input: 'options' });
    await expect(sendPatch(fixture.kc, rs, { type: 'yaml' as never, patch: {} })).rejects.toMatchObject({ code: 'INVALID_PATCH' });
    await expect(sendPatch(fixture.kc, { kind: 'ReplicaSet', metadata: { name: 'x' } }, { type: 'merge', patch: {} })).rejects.toMatchObject({
      code: 'INVALID_DOCUMENT',
    });
    expect(fixture.server.requests.length).toBe(sent);
  });

  // Stays on the fake server: it needs request capture (the query string sent).
  it('does not change its inputs', async () => {
    const rs = frozenCopy(fixture.server.create(replicaSet('frozen')));
    const patch = frozenCopy({ type: 'merge' as const, patch: { spec: { replicas: 2 } } });
    await sendPatch(fixture.kc, rs, patch, frozenCopy({ fieldManager: 'tester' }));
    expect(fixture.lastRequest().url).toBe('/apis/apps/v1/namespaces/shop/replicasets/frozen?fieldManager=tester');
  });
});

// What the real server answers to getObject and replaceObject (a conditional PUT, its 409, a 404) is in test/e2e/client/.
describe('getObject and replaceObject', () => {
  // Stays on the fake server: it makes no claim about a server (the request is aborted before it goes out).
  it('honour an abort signal', async () => {
    fixture.server.create(replicaSet('aborted'));
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'aborted' };
    await expect(getObject(fixture.kc, ref, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
