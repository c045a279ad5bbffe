import { describe, expect, it } from 'vitest';
import { findImmutableFieldChanges } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

// Issue #12, item 14: an old Service manifest lacks the clusterIPs the server stores; it is compared
// as stored (checked against the real server in test/e2e/immutable/serviceManifests.test.ts).
const service = (spec: Record<string, unknown>) => deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }], ...spec } });

describe('findImmutableFieldChanges on Service manifests', () => {
  it('refuses a new clusterIP although the old manifest has no clusterIPs', () => {
    expect(findImmutableFieldChanges(service({ clusterIP: '10.0.0.1' }), service({ clusterIP: '10.0.0.2' }))).toEqual([
      { path: '/spec/clusterIPs/0', field: 'spec.clusterIPs[0]', old: '10.0.0.1', new: '10.0.0.2', message: 'spec.clusterIPs[0]: Invalid value: ["10.0.0.2"]: may not change once set' },
    ]);
  });

  it('lets the same IP, a left-out IP and an ExternalName switch through', () => {
    expect(findImmutableFieldChanges(service({ clusterIP: '10.0.0.1' }), service({ clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'] }))).toEqual([]);
    expect(findImmutableFieldChanges(service({ clusterIP: '10.0.0.1' }), service({}))).toEqual([]);
    expect(findImmutableFieldChanges(service({ clusterIP: '10.0.0.1' }), service({ type: 'ExternalName', externalName: 'x.example.com' }))).toEqual([]);
  });
});
