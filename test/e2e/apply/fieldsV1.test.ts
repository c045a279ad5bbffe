import { beforeAll, describe, expect, it } from 'vitest';
import { FieldSet, formatFieldPath, parseJsonPointer } from 'kubepatch';
import { envtestServer, skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';
import { apply, getText, htmlEscaped, rawFieldsV1, valueAt } from '../helpers/rawResponse.js';

/**
 * Reads the object back and checks every managedFields entry: the FieldSet re-encodes it key for
 * key in the server's order (as parsed and as raw bytes), and every path resolves to a field of
 * the stored object. Returns the object and its sets by manager.
 */
async function checkManagedFields(path: string): Promise<{ object: any; sets: Map<string, FieldSet> }> {
  const text = await getText(path);
  const object = JSON.parse(text);
  const entries: any[] = object.metadata.managedFields ?? [];
  expect(entries.length).toBeGreaterThan(0);
  const raws = rawFieldsV1(text);
  expect(raws).toHaveLength(entries.length);
  const sets = new Map<string, FieldSet>();
  entries.forEach((entry, i) => {
    const set = FieldSet.fromFieldsV1(entry.fieldsV1);
    expect(JSON.stringify(set.toFieldsV1()), `${entry.manager} ${entry.operation}`).toBe(JSON.stringify(entry.fieldsV1));
    expect(htmlEscaped(set.serialize()), `${entry.manager} raw bytes`).toBe(raws[i]);
    expect(FieldSet.parse(raws[i]!).equals(set)).toBe(true);
    for (const found of set.toJsonPointers(object)) {
      expect(found.pointer, `${found.serverPath} of ${entry.manager}`).toBeDefined();
      expect(valueAt(object, found.pointer!), found.serverPath).toBeDefined();
    }
    sets.set(`${entry.manager}/${entry.operation}`, set);
  });
  return { object, sets };
}

describe.skipIf(skipReason)('FieldSet against the real API server: managedFields[].fieldsV1 byte for byte', () => {
  const ns = uniqueName('fieldsv1');
  beforeAll(() => createNamespace(ns));

  it('a Deployment with containers, ports and env, applied and updated by several managers', async () => {
    const name = uniqueName('web');
    const path = `/apis/apps/v1/namespaces/${ns}/deployments/${name}`;
    const container = (image: string) => ({
      name: 'app',
      image,
      ports: [
        { containerPort: 8080, protocol: 'TCP', name: 'http' },
        { containerPort: 8080, protocol: 'UDP', name: 'http-udp' },
        { containerPort: 9090, name: 'metrics' },
      ],
      env: [{ name: 'MODE', value: 'fast' }, { name: 'LEVEL', value: '3' }],
    });
    const deployment = (replicas: number, image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: { app: name, tier: 'web' } },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [container(image), { name: 'sidecar', image: 'busybox', args: ['sleep', '3600'] }] },
        },
      },
    });
    expect((await apply(path, 'alpha', deployment(2, 'app:1'))).statusCode).toBe(201);
    await serverOk('PATCH', `${path}?fieldManager=beta`, { metadata: { annotations: { note: 'x' } }, spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'EXTRA', value: 'y' }] }] } } } }, 'application/strategic-merge-patch+json');
    await serverOk('PATCH', `${path}?fieldManager=gamma`, { spec: { minReadySeconds: 5, revisionHistoryLimit: 4 } }, 'application/merge-patch+json');
    const { sets } = await checkManagedFields(path);
    expect([...sets.keys()].sort()).toEqual(['alpha/Apply', 'beta/Update', 'gamma/Update']);
    const alpha = sets.get('alpha/Apply')!;
    expect(alpha.toString()).toContain('.spec.template.spec.containers[name="app"].image');
    expect(alpha.toString()).toContain('.spec.template.spec.containers[name="app"].ports[containerPort=8080,protocol="UDP"].name');
    expect(sets.get('beta/Update')!.toString()).toContain('.spec.template.spec.containers[name="app"].env[name="EXTRA"].value');
  });

  it('a ConfigMap created by one manager and applied by another', async () => {
    const name = uniqueName('cm');
    const base = `/api/v1/namespaces/${ns}/configmaps`;
    await serverOk('POST', `${base}?fieldManager=creator`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { a: '1' } }, data: { 'k.1': 'v', k2: 'w' } });
    expect((await apply(`${base}/${name}`, 'applier', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, annotations: { x: 'y' } }, data: { k3: 'z' } })).statusCode).toBe(200);
    const { sets } = await checkManagedFields(`${base}/${name}`);
    expect(sets.get('creator/Update')!.toString().split('\n')).toEqual(['.data', '.data.k.1', '.data.k2', '.metadata.labels', '.metadata.labels.a']);
  });

  it('a Service with ports (keys of two fields)', async () => {
    const name = uniqueName('svc');
    const path = `/api/v1/namespaces/${ns}/services/${name}`;
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: 'x' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'web', port: 80, targetPort: 8080 }] },
    };
    expect((await apply(path, 'svc-applier', service)).statusCode).toBe(201);
    await serverOk('PATCH', `${path}?fieldManager=editor`, { spec: { ports: [{ port: 443, name: 'https', protocol: 'TCP' }] } }, 'application/strategic-merge-patch+json');
    const { sets } = await checkManagedFields(path);
    expect(sets.get('svc-applier/Apply')!.toString()).toContain('.spec.ports[port=53,protocol="TCP"].name');
  });

  it('a Pod with volumes, tolerations and finalizers (v: set elements)', async () => {
    const name = uniqueName('pod');
    const path = `/api/v1/namespaces/${ns}/pods/${name}`;
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, finalizers: ['example.com/b', 'example.com/a'] },
      spec: {
        containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/cfg' }] }],
        volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg' } }],
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
      },
    };
    expect((await apply(path, 'pod-applier', pod)).statusCode).toBe(201);
    await serverOk('PATCH', `${path}?fieldManager=labeler`, { metadata: { labels: { l: 'v' }, finalizers: ['example.com/b', 'example.com/a', 'example.com/c'] } }, 'application/merge-patch+json');
    const { sets } = await checkManagedFields(path);
    const applied = sets.get('pod-applier/Apply')!;
    expect(applied.toString()).toContain('.metadata.finalizers[="example.com/a"]');
    expect(applied.toString()).toContain('.spec.volumes[name="cfg"].configMap.name');
    expect(applied.toString()).toContain('.spec.tolerations');
    // Let the namespace's objects go: a Pod kept by finalizers is harmless here, but clean anyway.
    await serverOk('PATCH', `${path}?fieldManager=labeler`, { metadata: { finalizers: null } }, 'application/merge-patch+json');
  });

  it('an Argo Rollout (a custom resource)', async () => {
    const name = uniqueName('ro');
    const path = `/apis/argoproj.io/v1alpha1/namespaces/${ns}/rollouts/${name}`;
    const rollout = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80 }] }] } },
        strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
      },
    };
    expect((await apply(path, 'ro-applier', rollout)).statusCode).toBe(201);
    await serverOk('PATCH', `${path}?fieldManager=scaler`, { spec: { replicas: 3 } }, 'application/merge-patch+json');
    await checkManagedFields(path);
  });

  it('an apply conflict names the fields exactly as FieldSet prints them', async () => {
    const name = uniqueName('conflict');
    const path = `/apis/apps/v1/namespaces/${ns}/deployments/${name}`;
    const deployment = (replicas: number, image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
      },
    });
    expect((await apply(path, 'first', deployment(1, 'app:1'))).statusCode).toBe(201);
    const answer = await apply(path, 'second', deployment(2, 'app:2'));
    expect(answer.statusCode).toBe(409);
    const message: string = answer.body.message;
    const { sets } = await checkManagedFields(path);
    const owned = [...sets.get('first/Apply')!.paths()].map(formatFieldPath);
    const named = [...message.matchAll(/^- (\..*)$/gm)].map((match) => match[1]);
    expect(named.sort()).toEqual(['.spec.replicas', '.spec.template.spec.containers[name="app"].image']);
    for (const serverPath of named) expect(owned).toContain(serverPath);
    // The manager's apiVersion is the request's, so the server leaves out "using apps/v1".
    expect(message).toBe('Apply failed with 2 conflicts: conflicts with "first":\n- .spec.replicas\n- .spec.template.spec.containers[name="app"].image');
  });
});
