// CertificateSigningRequest: user info on create, preserved Approved and Denied conditions on
// /status, conditions only on /approval, and the condition timestamps.
import { describe, expect, it } from 'vitest';
import { resetObject } from '../../../src/apply/resetFields/index.ts';
import type { JsonObject } from '../../../src/json/JsonValue.ts';
import { frozenCopy } from '../../helpers/deepFreeze.js';

const NOW = '2026-12-07T10:00:00Z';
const T0 = '2026-01-01T00:00:00Z';
const target = { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest' };
const spec = { request: 'UkVR', signerName: 'example.com/signer', usages: ['digital signature'] };
const approved = { type: 'Approved', status: 'True', reason: 'OK', lastUpdateTime: T0, lastTransitionTime: T0 };
const live = frozenCopy({ ...target, metadata: { name: 'csr' }, spec: { ...spec, username: 'alice' }, status: { conditions: [approved] } });
const written = (status: object, extra: object = {}) => frozenCopy({ ...live, spec: { ...spec, username: 'mallory' }, status, ...extra }) as JsonObject;

describe('CertificateSigningRequest', () => {
  it('create: the user fields of spec come from the request user, never from the body; status is cleared', () => {
    const body = written({ conditions: [approved] }, { spec: { ...spec, username: 'mallory', uid: 'x', groups: ['system:masters'], extra: { k: ['v'] } } });
    expect(resetObject({ ...target, operation: 'create', live: null, written: body })).toEqual({ ...body, spec, status: {} });
    const user = { username: 'alice', uid: 'u-1', groups: ['devs'], extra: { scopes: ['a', 'b'] } };
    expect(resetObject({ ...target, operation: 'create', live: null, written: body, user }).spec).toEqual({ ...spec, username: 'alice', uid: 'u-1', groups: ['devs'], extra: { scopes: ['a', 'b'] } });
    expect(resetObject({ ...target, operation: 'create', live: null, written: body, user: { username: 'bob', groups: [], extra: {} } }).spec).toEqual({ ...spec, username: 'bob' });
  });

  it('update of the resource: spec and status from the live object', () => {
    expect(resetObject({ ...target, operation: 'update', live, written: written({ certificate: 'Q0VSVA==' }) })).toEqual(live);
  });

  it('status: the old Approved and Denied conditions kept as they were when as many are written', () => {
    const rewritten = { ...approved, reason: 'Changed', lastTransitionTime: null };
    const failed = { type: 'Failed', status: 'True', reason: 'Bad' };
    const result = resetObject({ ...target, subresource: 'status', operation: 'update', live, written: written({ conditions: [failed, rewritten], certificate: 'Q0VSVA==' }), now: NOW });
    expect(result).toEqual({ ...live, status: { conditions: [{ ...failed, lastUpdateTime: NOW, lastTransitionTime: NOW }, approved], certificate: 'Q0VSVA==' } });
  });

  it('status: conditions added or removed are left as written, with their timestamps; without now the missing ones stay missing', () => {
    const denied = { type: 'Denied', status: 'True', reason: 'No' };
    const result = resetObject({ ...target, subresource: 'status', operation: 'update', live, written: written({ conditions: [approved, denied] }), now: NOW });
    expect((result.status as JsonObject).conditions).toEqual([approved, { ...denied, lastUpdateTime: NOW, lastTransitionTime: NOW }]);
    const unstamped = resetObject({ ...target, subresource: 'status', operation: 'update', live, written: written({ conditions: [denied] }) });
    expect((unstamped.status as JsonObject).conditions).toEqual([denied]);
  });

  it('status: a condition without lastTransitionTime takes that of the old condition of the same type and status', () => {
    const old = frozenCopy({ ...live, status: { conditions: [{ type: 'Failed', status: 'True', lastTransitionTime: T0, lastUpdateTime: T0 }] } });
    const result = resetObject({ ...target, subresource: 'status', operation: 'update', live: old, written: written({ conditions: [{ type: 'Failed', status: 'True', lastTransitionTime: '0001-01-01T00:00:00Z' }] }), now: NOW });
    expect((result.status as JsonObject).conditions).toEqual([{ type: 'Failed', status: 'True', lastTransitionTime: T0, lastUpdateTime: NOW }]);
  });

  it('approval: only the conditions, stamped; spec and the rest of status from the live object', () => {
    const withCertificate = frozenCopy({ ...live, status: { conditions: [], certificate: 'T0xE' } });
    const body = written({ conditions: [{ type: 'Approved', status: 'True' }], certificate: 'TkVX' }, { metadata: { name: 'csr', labels: { a: 'b' } } });
    expect(resetObject({ ...target, subresource: 'approval', operation: 'update', live: withCertificate, written: body, now: NOW })).toEqual({
      ...body,
      spec: withCertificate.spec,
      status: { conditions: [{ type: 'Approved', status: 'True', lastUpdateTime: NOW, lastTransitionTime: NOW }], certificate: 'T0xE' },
    });
  });
});
