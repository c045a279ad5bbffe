// semanticDiff: the false-diff complaints of ../shared/reference/semantic-diff-and-style.md §A1
// (each equal, with its reason reported), the real differences that must never be hidden, keyed
// paths, duplicate keys, ignore rules and options. Every input is deep-frozen.
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError, isRealChange, type JsonValue, type SemanticChange, semanticDiff, type SemanticDiffOptions } from 'kubepatch';
import { frozenCopy } from '../helpers/deepFreeze.js';

type Obj = { [key: string]: JsonValue };

/** A Deployment with one container `app`, changed by `edit` (on a copy). */
function deployment(edit: (d: any) => void = () => {}): Obj {
  const d: any = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{
            name: 'app', image: 'app:1.2',
            ports: [{ containerPort: 8080 }],
            env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
            resources: { limits: { cpu: '1', memory: '1Gi' } },
          }],
        },
      },
    },
  };
  edit(d);
  return frozenCopy(d);
}

const diff = (a: unknown, b: unknown, options?: SemanticDiffOptions) => semanticDiff(frozenCopy(a), frozenCopy(b), options);
const real = (changes: readonly SemanticChange[]) => changes.filter(isRealChange);
const app = (d: any) => d.spec.template.spec.containers[0];

describe('false diffs: equal, with the reason reported', () => {
  const cases: [string, (d: any) => void, string, string, ((d: any) => void)?][] = [
    ['cpu 1000m vs "1"', (d) => (app(d).resources.limits.cpu = '1000m'), 'spec.template.spec.containers[name=app].resources.limits.cpu', 'quantity'],
    ['cpu 1 (number) vs "1"', (d) => (app(d).resources.limits.cpu = 1), 'spec.template.spec.containers[name=app].resources.limits.cpu', 'quantity'],
    ['memory 1024Mi vs 1Gi', (d) => (app(d).resources.limits.memory = '1024Mi'), 'spec.template.spec.containers[name=app].resources.limits.memory', 'quantity'],
    ['resources: {} vs absent', (d) => (app(d).resources = {}), 'spec.template.spec.containers[name=app].resources', 'empty-equals-absent', (d) => delete app(d).resources],
    ['annotations: {} vs absent', (d) => (d.metadata.annotations = {}), 'metadata.annotations', 'empty-equals-absent'],
    ['creationTimestamp: null in the template', (d) => (d.spec.template.metadata.creationTimestamp = null), 'spec.template.metadata.creationTimestamp', 'empty-equals-absent'],
    ['initialDelaySeconds: 0 vs absent', (d) => (app(d).livenessProbe = { tcpSocket: { port: 8080 }, initialDelaySeconds: 0 }), 'spec.template.spec.containers[name=app].livenessProbe.initialDelaySeconds', 'empty-equals-absent',
      (d) => (app(d).livenessProbe = { tcpSocket: { port: 8080 } })],
    ['protocol: TCP filled in', (d) => (app(d).ports[0].protocol = 'TCP'), 'spec.template.spec.containers[name=app].ports[containerPort=8080,protocol=TCP].protocol', 'default'],
    ['imagePullPolicy IfNotPresent for a tagged image', (d) => (app(d).imagePullPolicy = 'IfNotPresent'), 'spec.template.spec.containers[name=app].imagePullPolicy', 'default'],
    ['terminationMessagePath', (d) => (app(d).terminationMessagePath = '/dev/termination-log'), 'spec.template.spec.containers[name=app].terminationMessagePath', 'default'],
    ['dnsPolicy', (d) => (d.spec.template.spec.dnsPolicy = 'ClusterFirst'), 'spec.template.spec.dnsPolicy', 'default'],
    ['pod securityContext {}', (d) => (d.spec.template.spec.securityContext = {}), 'spec.template.spec.securityContext', 'default'],
    ['terminationGracePeriodSeconds 30', (d) => (d.spec.template.spec.terminationGracePeriodSeconds = 30), 'spec.template.spec.terminationGracePeriodSeconds', 'default'],
    ['revisionHistoryLimit 10', (d) => (d.spec.revisionHistoryLimit = 10), 'spec.revisionHistoryLimit', 'default'],
    ['progressDeadlineSeconds 600', (d) => (d.spec.progressDeadlineSeconds = 600), 'spec.progressDeadlineSeconds', 'default'],
    ['strategy 25%/25%', (d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }), 'spec.strategy', 'default'],
    ['status', (d) => (d.status = { replicas: 3, readyReplicas: 3 }), 'status', 'ignored'],
    ['managedFields', (d) => (d.metadata.managedFields = [{ manager: 'kubectl', operation: 'Apply' }]), 'metadata.managedFields', 'ignored'],
    ['resourceVersion', (d) => (d.metadata.resourceVersion = '42'), 'metadata.resourceVersion', 'ignored'],
    ['last-applied annotation', (d) => (d.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }),
      'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]', 'ignored'],
  ];
  it.each(cases)('%s', (_, edit, path, because, base) => {
    const changes = diff(deployment(edit), deployment(base));
    expect(real(changes)).toEqual([]);
    expect(changes).toContainEqual(expect.objectContaining({ path, kind: 'equivalent', equalBecause: because }));
  });

  it('env reordered is one `reordered` entry, not a content change', () => {
    const changes = diff(deployment((d) => app(d).env.reverse()), deployment());
    expect(changes).toEqual([{
      path: 'spec.template.spec.containers[name=app].env', pointer: '/spec/template/spec/containers/0/env',
      kind: 'reordered', from: [{ name: 'B' }, { name: 'A' }], to: [{ name: 'A' }, { name: 'B' }],
    }]);
  });

  it('a live object with every server-filled field equals its manifest', () => {
    const live = deployment((d) => {
      Object.assign(d.metadata, { uid: 'u', generation: 3, resourceVersion: '9', creationTimestamp: '2024-01-01T00:00:00Z', annotations: {} });
      Object.assign(d.spec, { replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
      Object.assign(d.spec.template.spec, { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30 });
      Object.assign(app(d), { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
      app(d).ports[0].protocol = 'TCP';
      app(d).resources.limits.cpu = '1000m';
      d.status = { observedGeneration: 3 };
    });
    expect(real(diff(live, deployment()))).toEqual([]);
  });
});

describe('real differences are never hidden', () => {
  const cases: [string, (d: any) => void, Partial<SemanticChange>, ((d: any) => void)?][] = [
    ['a changed image', (d) => (app(d).image = 'app:1.3'), { path: 'spec.template.spec.containers[name=app].image', kind: 'changed', from: 'app:1.3', to: 'app:1.2' }],
    ['a removed env var', (d) => app(d).env.pop(), { path: 'spec.template.spec.containers[name=app].env[name=B]', kind: 'added', to: { name: 'B', value: '2' } }],
    ['replicas 3 → 4', (d) => (d.spec.replicas = 3), { path: 'spec.replicas', kind: 'changed', from: 3, to: 4 }, (d) => (d.spec.replicas = 4)],
    ['1G vs 1Gi', (d) => (app(d).resources.limits.memory = '1G'), { path: 'spec.template.spec.containers[name=app].resources.limits.memory', kind: 'changed', from: '1G', to: '1Gi' }],
    ['replicas 0 vs absent (a pointer: 0 is not the default 1)', (d) => (d.spec.replicas = 0), { path: 'spec.replicas', kind: 'changed', from: 0, to: 1 }],
    ['imagePullPolicy Always on a tagged image', (d) => (app(d).imagePullPolicy = 'Always'), { path: 'spec.template.spec.containers[name=app].imagePullPolicy', kind: 'changed', from: 'Always', to: 'IfNotPresent' }],
    ['a label "" vs absent (map values are not omitempty)', (d) => (d.metadata.labels = { tier: '' }), { path: 'metadata.labels', kind: 'removed' }],
    ['maxSurge 30% vs the default', (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: '30%' } }), { path: 'spec.strategy.rollingUpdate.maxSurge', kind: 'changed', from: '30%', to: '25%' }],
  ];
  it.each(cases)('%s', (_, edit, expected, base) => {
    expect(real(diff(deployment(edit), deployment(base)))).toEqual([expect.objectContaining(expected)]);
  });

  it('a changed port protocol is a removed and an added port', () => {
    const changes = real(diff(deployment((d) => (app(d).ports[0].protocol = 'UDP')), deployment()));
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['added', 'spec.template.spec.containers[name=app].ports[containerPort=8080,protocol=TCP]'],
      ['removed', 'spec.template.spec.containers[name=app].ports[containerPort=8080,protocol=UDP]'],
    ]);
  });

  it('IntOrString: targetPort 8080 → "8080" is a change (a number is a port, a string a port name)', () => {
    const service = (targetPort: JsonValue) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort }] } });
    expect(diff(service(8080), service('8080'))).toEqual([{
      path: 'spec.ports[port=80,protocol=TCP].targetPort', pointer: '/spec/ports/0/targetPort', kind: 'changed', from: 8080, to: '8080',
    }]);
  });

  it('storageClassName "" is not absent (a pointer)', () => {
    const pvc = (spec: Obj) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec });
    expect(real(diff(pvc({ storageClassName: '' }), pvc({})))).toEqual([expect.objectContaining({ path: 'spec.storageClassName', kind: 'removed', from: '' })]);
  });
});

describe('keyed paths and lists', () => {
  it('names list elements by their keys and points at the new position', () => {
    const a = deployment((d) => d.spec.template.spec.containers.unshift({ name: 'sidecar', image: 'proxy:1' }));
    const b = deployment((d) => d.spec.template.spec.containers.push({ name: 'sidecar', image: 'proxy:2' }));
    expect(real(diff(a, b))).toEqual([
      { path: 'spec.template.spec.containers', pointer: '/spec/template/spec/containers', kind: 'reordered', from: [{ name: 'sidecar' }, { name: 'app' }], to: [{ name: 'app' }, { name: 'sidecar' }] },
      { path: 'spec.template.spec.containers[name=sidecar].image', pointer: '/spec/template/spec/containers/1/image', kind: 'changed', from: 'proxy:1', to: 'proxy:2' },
    ]);
  });

  it('shows an added element as written, without the defaults the comparison assumed', () => {
    const b = deployment((d) => d.spec.template.spec.containers.push({ name: 'log', image: 'fluentbit', ports: [{ containerPort: 2020 }] }));
    expect(diff(deployment(), b)).toEqual([{
      path: 'spec.template.spec.containers[name=log]', pointer: '/spec/template/spec/containers/1', kind: 'added',
      to: { name: 'log', image: 'fluentbit', ports: [{ containerPort: 2020 }] },
    }]);
  });

  it('reports a duplicate key and compares that list by position', () => {
    const a = deployment((d) => app(d).env.push({ name: 'A', value: '3' }));
    const b = deployment((d) => app(d).env.push({ name: 'A', value: '4' }));
    const changes = diff(a, b);
    expect(changes).toEqual([
      { path: 'spec.template.spec.containers[name=app].env[name=A]', pointer: '/spec/template/spec/containers/0/env/2', kind: 'duplicate-key', from: { name: 'A' } },
      { path: 'spec.template.spec.containers[name=app].env[name=A]', pointer: '/spec/template/spec/containers/0/env/2', kind: 'duplicate-key', to: { name: 'A' } },
      { path: 'spec.template.spec.containers[name=app].env[2].value', pointer: '/spec/template/spec/containers/0/env/2/value', kind: 'changed', from: '3', to: '4' },
    ]);
  });

  it('compares unkeyed lists by position, and whole when the lengths differ', () => {
    const args = (list: string[]) => deployment((d) => (app(d).args = list));
    expect(real(diff(args(['a', 'b']), args(['a', 'c'])))).toEqual([expect.objectContaining({ path: 'spec.template.spec.containers[name=app].args[1]', from: 'b', to: 'c' })]);
    expect(real(diff(args(['a']), args(['a', 'c'])))).toEqual([expect.objectContaining({ path: 'spec.template.spec.containers[name=app].args', kind: 'changed', from: ['a'], to: ['a', 'c'] })]);
  });

  it('keys Rollout lists by the CRD list-map keys and compares its quantities by value', () => {
    const rollout = (cpu: JsonValue, env: Obj[]) => ({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r' },
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a', env, resources: { requests: { cpu } } }] } } },
    });
    const changes = diff(rollout('500m', [{ name: 'X', value: '1' }, { name: 'Y' }]), rollout(0.5, [{ name: 'Y' }, { name: 'X', value: '2' }]));
    expect(changes.map((c) => [c.kind, c.path, c.equalBecause])).toEqual([
      ['reordered', 'spec.template.spec.containers[name=app].env', undefined],
      ['changed', 'spec.template.spec.containers[name=app].env[name=X].value', undefined],
      ['equivalent', 'spec.template.spec.containers[name=app].resources.requests.cpu', 'quantity'],
    ]);
  });

  it('compares without a schema as plain JSON, null still equal to absent', () => {
    const changes = diff({ kind: 'Widget', spec: { a: null, list: [{ name: 'x' }, { name: 'y' }], q: '1000m' } }, { kind: 'Widget', spec: { list: [{ name: 'y' }, { name: 'x' }], q: '1' } });
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['changed', 'spec.list[0].name'], ['changed', 'spec.list[1].name'], ['changed', 'spec.q'], ['equivalent', 'spec.a'],
    ]);
  });
});

describe('options', () => {
  it('turns each normalization off', () => {
    const a = deployment((d) => Object.assign(app(d), { resources: { limits: { cpu: '1000m', memory: '1Gi' } }, imagePullPolicy: 'IfNotPresent' }));
    const b = deployment((d) => (d.status = { replicas: 1 }));
    expect(real(diff(a, b))).toEqual([]);
    expect(real(diff(a, b, { normalize: { quantity: false } })).map((c) => c.path)).toEqual(['spec.template.spec.containers[name=app].resources.limits.cpu']);
    expect(real(diff(a, b, { normalize: { defaults: false } })).map((c) => c.path)).toEqual(['spec.template.spec.containers[name=app].imagePullPolicy']);
    expect(real(diff(a, b, { normalize: { ignoredFields: false } })).map((c) => c.path)).toEqual(['status']);
    expect(real(diff(deployment((d) => (app(d).resources = {})), deployment((d) => delete app(d).resources), { normalize: { emptyEqualsAbsent: false } })))
      .toEqual([expect.objectContaining({ kind: 'removed', path: 'spec.template.spec.containers[name=app].resources' })]);
  });

  it('ignores fields by JSON Pointer and by path pattern, per kind', () => {
    const a = deployment((d) => { d.spec.replicas = 5; d.spec.template.metadata.annotations = { 'example.com/restartedAt': 'x' }; app(d).env[0].value = '9'; });
    const b = deployment();
    expect(real(diff(a, b)).map((c) => c.path)).toHaveLength(3);
    const ignore = ['/spec/replicas', 'spec.template.metadata.annotations.*', { kind: 'Deployment', path: '**.env[name=A]' }];
    const changes = diff(a, b, { ignore });
    expect(real(changes)).toEqual([]);
    expect(changes.map((c) => c.equalBecause)).toEqual(['ignored', 'ignored', 'ignored']);
    expect(real(diff(a, b, { ignore: [{ kind: 'StatefulSet', path: 'spec.replicas' }] })).map((c) => c.path)).toContain('spec.replicas');
  });

  it('rejects a malformed ignore rule and a bad input with typed errors', () => {
    expect(() => semanticDiff({}, {}, { ignore: ['spec..x'] })).toThrow(InvalidDocumentError);
    expect(() => semanticDiff({}, {}, { ignore: ['spec[name=x'] })).toThrow(InvalidDocumentError);
    // Untyped callers: a null or shapeless rule is named, not a TypeError.
    for (const rule of [null, 3, {}]) expect(() => semanticDiff({}, {}, { ignore: [rule as never] })).toThrow(/options\.ignore\[0\]: an ignore rule is a string/);
    expect(() => semanticDiff({ a: NaN }, {})).toThrow(InvalidDocumentError);
  });
});
