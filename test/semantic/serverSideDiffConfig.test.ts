import { describe, expect, it } from 'vitest';
import { argoCdApplyConfig } from '../../src/semantic/serverSideDiffConfig.js';
import { frozenCopy } from '../helpers/deepFreeze.js';

const secret = (rest: object) => frozenCopy({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...rest });

describe("argoCdApplyConfig: the manifest as Argo CD's server-side diff sends it", () => {
  it("remarshals a built-in kind: omitempty zero values and nulls drop out, quantities are canonical, the rest stays", () => {
    const desired = frozenCopy({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: {}, annotations: { a: 'b' } },
      spec: {
        paused: false,
        replicas: 0,
        minReadySeconds: 0,
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'app', image: 'app:1', ports: [], env: null, resources: { limits: { cpu: 0.5, memory: '1Gi' } } }] },
        },
      },
    });
    expect(argoCdApplyConfig(desired)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', annotations: { a: 'b' } },
      spec: {
        replicas: 0, // a pointer: 0 is a value
        // Only the top-level creationTimestamp is removed, as Argo CD's Normalize does.
        template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '500m', memory: '1Gi' } } }] } },
      },
    });
  });

  it('removes metadata.creationTimestamp, whatever its value', () => {
    expect(argoCdApplyConfig(frozenCopy({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: '2026-01-01T00:00:00Z' }, data: { a: '1' } }))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { a: '1' },
    });
  });

  it('leaves a manifest with a field its Go struct lacks as it is (but for creationTimestamp), and a custom kind too', () => {
    const unknown = frozenCopy({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: {} }, spec: { paused: false, replicaz: 2 } });
    expect(argoCdApplyConfig(unknown)).toEqual(unknown);
    const custom = frozenCopy({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', creationTimestamp: null }, spec: { parts: [], on: false } });
    expect(argoCdApplyConfig(custom)).toEqual({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { parts: [], on: false } });
  });

  it("folds a Secret's stringData into data (base64 of UTF-8), over data's own keys", () => {
    expect(argoCdApplyConfig(secret({ data: { user: 'YWRtaW4=', token: 'b2xk' }, stringData: { token: 'new', name: 'héllo' } }))).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { user: 'YWRtaW4=', token: 'bmV3', name: 'aMOpbGxv' },
    });
  });

  it("writes data back as Go writes a []byte: null and empty as \"\", line breaks gone, padding bits canonical", () => {
    expect(argoCdApplyConfig(secret({ data: { a: null, b: '', c: 'YWJj\nZGVm', d: 'YR==' } })).data).toEqual({ a: '', b: '', c: 'YWJjZGVm', d: 'YQ==' });
  });

  it('leaves data as it is when a value is not valid base64 (the conversion fails), stringData folded all the same', () => {
    expect(argoCdApplyConfig(secret({ data: { bad: 'not base64!', ok: 'YWJj\n' }, stringData: { k: 'v' } })).data).toEqual({ bad: 'not base64!', ok: 'YWJj\n', k: 'dg==' });
    expect(argoCdApplyConfig(secret({ data: { bad: 'YWJ' } })).data).toEqual({ bad: 'YWJ' }); // no padding: Go's StdEncoding refuses it
  });

  it('keeps a non-string stringData value as it is (the apply then fails, as in Argo CD)', () => {
    expect(argoCdApplyConfig(secret({ stringData: { port: 80 } })).data).toEqual({ port: 80 });
  });

  it('returns a new object and never changes its input', () => {
    const desired = secret({ stringData: { k: 'v' } });
    const config = argoCdApplyConfig(desired);
    expect(config).not.toBe(desired);
    expect(desired).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: 'v' } });
  });
});
