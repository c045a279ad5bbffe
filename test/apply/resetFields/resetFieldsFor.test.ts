// resetFieldsFor: the GetResetFields sets of registry strategies, per endpoint and apiVersion.
import { describe, expect, it } from 'vitest';
import { resetFieldsFor } from '../../../src/apply/resetFields/index.ts';
import { frozenCopy } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

const lines = (apiVersion: string, kind: string, subresource?: string) =>
  resetFieldsFor({ apiVersion, kind, ...(subresource === undefined ? {} : { subresource }) })?.toString().split('\n');

describe('resetFieldsFor on built-in kinds', () => {
  it('the common pattern: the resource resets status, its status subresource resets spec', () => {
    for (const [apiVersion, kind] of [
      ['apps/v1', 'StatefulSet'],
      ['apps/v1', 'DaemonSet'],
      ['apps/v1', 'ReplicaSet'],
      ['batch/v1', 'Job'],
      ['batch/v1', 'CronJob'],
      ['autoscaling/v2', 'HorizontalPodAutoscaler'],
      ['autoscaling/v1', 'HorizontalPodAutoscaler'],
      ['policy/v1', 'PodDisruptionBudget'],
      ['networking.k8s.io/v1', 'Ingress'],
      ['v1', 'Service'],
      ['v1', 'PersistentVolumeClaim'],
      ['v1', 'PersistentVolume'],
      ['v1', 'ReplicationController'],
      ['v1', 'ResourceQuota'],
      ['v1', 'Node'],
      ['v1', 'Namespace'],
    ] as const) {
      expect(lines(apiVersion, kind), `${kind} ${apiVersion}`).toEqual(['.status']);
      expect(lines(apiVersion, kind, 'status'), `${kind} ${apiVersion} status`).toEqual(['.spec']);
    }
  });

  it('status subresources that reset more: metadata.labels, ownerReferences and deletionTimestamp, all metadata, status.conditions', () => {
    expect(lines('apps/v1', 'Deployment', 'status')).toEqual(['.spec', '.metadata.labels']);
    expect(lines('v1', 'Pod', 'status')).toEqual(['.spec', '.metadata.deletionTimestamp', '.metadata.ownerReferences']);
    expect(lines('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', 'status')).toEqual(['.metadata', '.spec']);
    expect(lines('storage.k8s.io/v1', 'VolumeAttachment', 'status')).toEqual(['.metadata', '.spec']);
    expect(lines('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'status')).toEqual(['.metadata', '.spec']);
    expect(lines('apiregistration.k8s.io/v1', 'APIService', 'status')).toEqual(['.metadata', '.spec']);
    expect(lines('certificates.k8s.io/v1', 'CertificateSigningRequest')).toEqual(['.spec', '.status']);
    expect(lines('certificates.k8s.io/v1', 'CertificateSigningRequest', 'status')).toEqual(['.spec', '.status.conditions']);
    expect(lines('certificates.k8s.io/v1', 'CertificateSigningRequest', 'approval')).toEqual(['.spec', '.status.certificate']);
    expect(lines('v1', 'Namespace', 'finalize')).toEqual(['.status']);
  });

  it('only the apiVersions the strategy names: none for ServiceCIDR (keyed "networking/v1"), none for an unnamed version', () => {
    expect(resetFieldsFor({ apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR' })).toBeUndefined();
    expect(resetFieldsFor({ apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', subresource: 'status' })).toBeUndefined();
    expect(resetFieldsFor({ apiVersion: 'apps/v1beta2', kind: 'Deployment' })).toBeUndefined();
    expect(lines('batch/v1beta1', 'CronJob')).toEqual(['.status']);
    expect(lines('autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'status')).toEqual(['.spec']);
  });

  it('no reset fields for pods/ephemeralcontainers and pods/resize, whose storage does not report the strategy filter', () => {
    expect(resetFieldsFor({ apiVersion: 'v1', kind: 'Pod', subresource: 'ephemeralcontainers' })).toBeUndefined();
    expect(resetFieldsFor({ apiVersion: 'v1', kind: 'Pod', subresource: 'resize' })).toBeUndefined();
  });

  it('none for kinds without a status subresource', () => {
    expect(resetFieldsFor({ apiVersion: 'v1', kind: 'ConfigMap' })).toBeUndefined();
    expect(resetFieldsFor({ apiVersion: 'example.com/v1', kind: 'Widget' })).toBeUndefined();
    expect(resetFieldsFor({ apiVersion: 'v1', kind: 'Pod', subresource: '' })?.toString()).toBe('.status');
  });

  it('the same set object on each call (a FieldSet is a value)', () => {
    const a = resetFieldsFor({ apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(resetFieldsFor({ apiVersion: 'apps/v1', kind: 'Deployment' })).toBe(a);
    expect(a?.toFieldsV1()).toEqual({ 'f:status': {} });
  });
});

describe('resetFieldsFor on custom resources', () => {
  const crd = (versions: object[], extra: object = {}) =>
    frozenCopy({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' }, versions, ...extra },
    });

  it('status when the version has subresources.status, and spec for the status subresource', () => {
    const widgets = crd([{ name: 'v1', subresources: { status: {} } }, { name: 'v2' }]);
    expect(resetFieldsFor({ apiVersion: 'example.com/v1', kind: 'Widget', crd: widgets })?.toString()).toBe('.status');
    expect(resetFieldsFor({ apiVersion: 'example.com/v1', kind: 'Widget', subresource: 'status', crd: widgets })?.toString()).toBe('.spec');
    expect(resetFieldsFor({ apiVersion: 'example.com/v2', kind: 'Widget', crd: widgets })).toBeUndefined();
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => resetFieldsFor({ apiVersion: 'example.com/v2', kind: 'Widget', subresource: 'status', crd: widgets }));
    expect(error.input).toBe('options');
  });

  it('the v1beta1 spec.subresources for every version, and spec.version', () => {
    const legacy = crd([], { version: 'v1', subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas' } } });
    expect(resetFieldsFor({ apiVersion: 'example.com/v1', kind: 'Widget', crd: legacy })?.toString()).toBe('.status');
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => resetFieldsFor({ apiVersion: 'example.com/v1', kind: 'Widget', subresource: 'scale', crd: legacy }));
    expect(error.message).toContain('not modelled');
  });

  it('a CRD of another group, kind or version is INVALID_SCHEMA on input crd', () => {
    const widgets = crd([{ name: 'v1', subresources: { status: {} } }]);
    for (const [apiVersion, kind, path] of [
      ['other.com/v1', 'Widget', '/spec/group'],
      ['example.com/v1', 'Gadget', '/spec/names/kind'],
      ['example.com/v9', 'Widget', '/spec/versions'],
    ] as const) {
      const error = thrownKubepatchError('INVALID_SCHEMA', () => resetFieldsFor({ apiVersion, kind, crd: widgets }));
      expect([error.input, error.path]).toEqual(['crd', path]);
    }
    expect(thrownKubepatchError('INVALID_SCHEMA', () => resetFieldsFor({ apiVersion: 'example.com/v1', kind: 'Widget', crd: frozenCopy({ kind: 'ConfigMap' }) })).path).toBe('/kind');
  });
});

describe('resetFieldsFor refuses endpoints it does not know', () => {
  it('INVALID_DOCUMENT on input options for a subresource the kind does not have, names included that an object has by inheritance', () => {
    for (const subresource of ['scale', 'constructor', '__proto__', 'toString', 'Status']) {
      const error = thrownKubepatchError('INVALID_DOCUMENT', () => resetFieldsFor({ apiVersion: 'v1', kind: 'Pod', subresource }));
      expect(error.input).toBe('options');
      expect(error.message).toContain(JSON.stringify(subresource));
    }
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resetFieldsFor({ apiVersion: 'v1', kind: 'ConfigMap', subresource: 'status' })).message).toContain('pass its CRD');
  });

  it('says when a subresource exists but is not modelled', () => {
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => resetFieldsFor({ apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'scale' }));
    expect(error.message).toBe('the "scale" subresource of Deployment apps/v1 is not modelled: it takes another kind or is not a write of the Deployment');
  });

  it('INVALID_DOCUMENT for an empty apiVersion or kind', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resetFieldsFor({ apiVersion: '', kind: 'Pod' })).input).toBe('options');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resetFieldsFor({ apiVersion: 'v1', kind: '' })).input).toBe('options');
  });
});
