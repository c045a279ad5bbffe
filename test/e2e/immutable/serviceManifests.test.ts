// Immutable fields on manifests (issue #12, item 14): findImmutableFieldChanges(oldManifest,
// newManifest) must say what the server says when the old manifest is created and the new one is
// PUT over it, although the old manifest lacks what the server fills in (clusterIPs from clusterIP,
// clusterIP from clusterIPs).
import { beforeAll, describe, expect, it } from 'vitest';
import { findImmutableFieldChanges } from 'kubepatch';
import { deepFreeze } from '../../helpers/deepFreeze.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { compareFieldErrors, serverFieldErrors } from '../helpers/immutableServerErrors.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';

type Spec = { clusterIP?: string; clusterIPs?: string[] };
// Fixed cluster IPs in 10.0.0.0-10.0.0.255, which the run's server (10.0.0.0/16) never hands out at
// random while the rest of its range is free: another test file's Service cannot hold them.
// `otherError`: the server refuses for another reason first (the new manifest is invalid on its
// own: clusterIPs[0] must match the clusterIP kept from the stored object), which kubepatch does not
// model; it reports the immutable change instead. Both refuse.
const cases: readonly { title: string; old: Spec; next: Spec; refused: boolean; otherError?: true }[] = [
  { title: 'clusterIP 10.0.0.61 → 10.0.0.62, no clusterIPs on either side', old: { clusterIP: '10.0.0.61' }, next: { clusterIP: '10.0.0.62' }, refused: true },
  { title: 'clusterIP 10.0.0.63 → clusterIP and clusterIPs 10.0.0.64', old: { clusterIP: '10.0.0.63' }, next: { clusterIP: '10.0.0.64', clusterIPs: ['10.0.0.64'] }, refused: true },
  { title: 'clusterIP 10.0.0.65 → clusterIPs [10.0.0.66]', old: { clusterIP: '10.0.0.65' }, next: { clusterIPs: ['10.0.0.66'] }, refused: true, otherError: true },
  { title: 'clusterIP 10.0.0.67 → None', old: { clusterIP: '10.0.0.67' }, next: { clusterIP: 'None' }, refused: true },
  { title: 'clusterIP 10.0.0.68 kept', old: { clusterIP: '10.0.0.68' }, next: { clusterIP: '10.0.0.68' }, refused: false },
  { title: 'clusterIP 10.0.0.69 → clusterIPs [10.0.0.69]', old: { clusterIP: '10.0.0.69' }, next: { clusterIPs: ['10.0.0.69'] }, refused: false },
  { title: 'clusterIP 10.0.0.70 → left out (kept by the server)', old: { clusterIP: '10.0.0.70' }, next: {}, refused: false },
];

describe.skipIf(skipReason)('immutable Service fields between two manifests (real API server)', () => {
  const namespace = uniqueName('service-manifests');
  beforeAll(() => createNamespace(namespace));

  it.each(cases.map((c, i) => [c.title, c, i] as const))('%s', async (_title, c, i) => {
    const manifest = (spec: Spec) => deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: `web-${i}` }, spec: { ...spec, ports: [{ port: 80 }], selector: { app: 'web' } } });
    const oldManifest = manifest(c.old);
    const newManifest = manifest(c.next);
    const stored = await serverOk('POST', `/api/v1/namespaces/${namespace}/services`, oldManifest);
    const put = { ...newManifest, metadata: { ...newManifest.metadata, resourceVersion: stored.metadata.resourceVersion } };
    const answer = await serverRequest('PUT', `/api/v1/namespaces/${namespace}/services/web-${i}`, put);
    const changes = findImmutableFieldChanges(oldManifest, newManifest);
    expect(answer.statusCode, JSON.stringify(answer.body)).toBe(c.refused ? 422 : 200);
    expect(changes.length > 0).toBe(c.refused);
    if (c.otherError) return;
    const server = serverFieldErrors(answer.body);
    expect(changes.map((change) => change.message)).toHaveLength(server.length);
    // 1.33 prints the bad list with Go's %#v ([]string{"10.0.0.62"}), kubepatch as JSON (1.34+).
    server.forEach((error, k) => expect(compareFieldErrors(error, changes[k]!.message), `${error} / ${changes[k]!.message}`).not.toBe('different'));
  });
});
