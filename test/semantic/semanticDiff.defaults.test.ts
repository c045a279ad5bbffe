// The server-defaults table (docs/normalizations/defaults.md) and the path syntax of ignore rules.
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { formatKubernetesPath, isRealChange, parseKubernetesPath, semanticDiff, SERVER_DEFAULTS } from 'kubepatch';

const pod = (container: object) => frozenCopy({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', ...container }] } });

describe('server defaults', () => {
  it.each([
    ['app', 'Always'], ['app:latest', 'Always'], ['localhost:5000/app', 'Always'], ['localhost:5000/app:v1', 'IfNotPresent'],
    ['app:1.2', 'IfNotPresent'], ['app@sha256:abc', 'IfNotPresent'], ['app:latest@sha256:abc', 'IfNotPresent'],
  ])('imagePullPolicy of %s is %s', (image, policy) => {
    const other = policy === 'Always' ? 'IfNotPresent' : 'Always';
    expect(semanticDiff(pod({ image }), pod({ image, imagePullPolicy: policy })).filter(isRealChange)).toEqual([]);
    expect(semanticDiff(pod({ image }), pod({ image, imagePullPolicy: other })).filter(isRealChange)).toHaveLength(1);
  });

  it('fills the Service defaults, targetPort from port included', () => {
    const manifest = frozenCopy({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const live = frozenCopy({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 's' },
      spec: { selector: { app: 'web' }, type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
    });
    const changes = semanticDiff(live, manifest);
    expect(changes.filter(isRealChange)).toEqual([]);
    expect(changes.map((c) => [c.path, c.equalBecause])).toEqual([
      ['spec.ports[port=80,protocol=TCP].protocol', 'default'],
      ['spec.ports[port=80,protocol=TCP].targetPort', 'default'],
      ['spec.type', 'default'],
      ['spec.sessionAffinity', 'default'],
      ['spec.internalTrafficPolicy', 'default'],
    ]);
  });

  it('does not default a field neither side sets, even when the defaults would differ', () => {
    // The image changed; the imagePullPolicy both would get differs, but neither side wrote one.
    expect(semanticDiff(pod({ image: 'app:1' }), pod({ image: 'app' })).map((c) => c.path)).toEqual(['spec.containers[name=app].image']);
  });

  it('every row names a field of its struct type', () => {
    for (const row of SERVER_DEFAULTS) expect(row.type).toMatch(/^io\.k8s\.api\./);
  });
});

describe('Kubernetes-style paths', () => {
  it.each([
    'spec.template.spec.containers[name=app].image',
    'spec.ports[containerPort=80,protocol=TCP]',
    'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]',
    'spec.args[2]',
    '**.env[name="80"].value',
    'spec.*.containers[*]',
  ])('parses and writes back %s', (path) => {
    expect(formatKubernetesPath(parseKubernetesPath(path))).toBe(path.replace('[*]', '.*'));
  });
});

describe('docs/normalizations/defaults.md', () => {
  it('lists every row of SERVER_DEFAULTS', async () => {
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(new URL('../../docs/normalizations/defaults.md', import.meta.url), 'utf8');
    for (const row of SERVER_DEFAULTS) {
      expect(page, `${row.type}.${row.field}`).toContain(`| \`${row.type.replace('io.k8s.api.', '')}\` | \`${row.field}\` |`);
    }
  });
});
