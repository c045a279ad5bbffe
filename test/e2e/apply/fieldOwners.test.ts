import { beforeAll, describe, expect, it } from 'vitest';
import { FieldSet, formatFieldPath, parseJsonPointer, type FieldPath } from 'kubepatch';
import { fieldOwners, type FieldOwner } from '../../../src/apply/fieldOwners.js';
import { cli } from '../../cli/runInProcess.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';
import { apply, valueAt } from '../helpers/rawResponse.js';

/** The owner a managedFields entry names, as fieldOwners reports it. */
function ownerOf(entry: any): FieldOwner {
  return {
    manager: entry.manager ?? '',
    operation: entry.operation,
    apiVersion: entry.apiVersion,
    ...(entry.subresource ? { subresource: entry.subresource } : {}),
    ...(entry.time ? { time: entry.time } : {}),
  };
}

/**
 * The slow oracle: every entry decoded on its own, the union folded one set at a time, and the
 * owners of each path found by asking every entry's set `has(path)`.
 */
function oracle(object: any): { path: FieldPath; owners: FieldOwner[] }[] {
  const entries = (object.metadata.managedFields as any[]).map((entry) => ({ owner: ownerOf(entry), set: FieldSet.fromFieldsV1(entry.fieldsV1) }));
  const union = entries.reduce((all, entry) => all.union(entry.set), FieldSet.EMPTY);
  return [...union.paths()].map((path) => ({ path, owners: entries.filter((entry) => entry.set.has(path)).map((entry) => entry.owner) }));
}

describe.skipIf(skipReason)('fieldOwners against the real API server', () => {
  const ns = uniqueName('owners');
  beforeAll(() => createNamespace(ns));

  it('lists co-owners of a Deployment written by updates, two appliers and a status writer, as decoding each entry says', async () => {
    const name = uniqueName('web');
    const base = `/apis/apps/v1/namespaces/${ns}/deployments`;
    const path = `${base}/${name}`;
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: { app: name } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
      },
    };
    // kubectl create and kubectl edit: an Update by POST, then one by PUT.
    const created = await serverOk('POST', `${base}?fieldManager=kubectl-create`, deployment);
    await serverOk('PUT', `${path}?fieldManager=kubectl-edit`, { ...created, metadata: { ...created.metadata, annotations: { note: 'edited' } } });
    // Two appliers of the same replicas and image (no conflict: the same values) and of different labels.
    const applied = (label: string, value: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: { [label]: value } },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'app:1' }] } } },
    });
    expect((await apply(path, 'alpha', applied('team', 'a'))).statusCode).toBe(200);
    expect((await apply(path, 'beta', applied('owner', 'b'))).statusCode).toBe(200);
    await serverOk('PATCH', `${path}/status?fieldManager=status-writer`, { status: { observedGeneration: 1 } }, 'application/merge-patch+json');

    const object = await serverOk('GET', path);
    const rows = fieldOwners(object);
    const expected = oracle(object);

    // The same paths in the same order, each with the owners the slow oracle finds.
    expect(rows.map((row) => row.serverPath)).toEqual(expected.map((row) => formatFieldPath(row.path)));
    rows.forEach((row, i) => {
      expect(row.owners, row.serverPath).toEqual(expected[i]!.owners);
      expect(row.serverPath).toBe(formatFieldPath(row.path));
      expect(row.pointer, `${row.serverPath} is in the object`).toBeDefined();
      expect(valueAt(object, row.pointer!), row.serverPath).toBeDefined();
    });

    const managers = (serverPath: string) => rows.find((row) => row.serverPath === serverPath)?.owners.map((o) => `${o.manager} ${o.operation}`);
    // The server sorts managedFields by operation (Apply first), then time, then manager.
    expect(managers('.spec.replicas')).toEqual(['alpha Apply', 'beta Apply', 'kubectl-create Update']);
    expect(managers('.spec.template.spec.containers[name="app"].image')).toEqual(['alpha Apply', 'beta Apply', 'kubectl-create Update']);
    expect(managers('.metadata.labels.team')).toEqual(['alpha Apply']);
    expect(managers('.metadata.labels.owner')).toEqual(['beta Apply']);
    expect(managers('.metadata.labels.app')).toEqual(['kubectl-create Update']);
    expect(managers('.metadata.annotations.note')).toEqual(['kubectl-edit Update']);
    const status = rows.find((row) => row.serverPath === '.status.observedGeneration');
    expect(status?.owners).toEqual([expect.objectContaining({ manager: 'status-writer', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status' })]);
    expect(status?.pointer).toBe('/status/observedGeneration');
    expect(rows.find((row) => row.serverPath === '.spec.template.spec.containers[name="app"].ports[containerPort=80,protocol="TCP"]')?.pointer).toBe(
      '/spec/template/spec/containers/0/ports/0',
    );

    // Filters narrow the owners and leave out fields none of the chosen entries owns.
    const alpha = fieldOwners(object, { manager: 'alpha' });
    expect(alpha.every((row) => row.owners.length === 1 && row.owners[0]!.manager === 'alpha')).toBe(true);
    expect(alpha.map((row) => row.serverPath)).toContain('.spec.replicas');
    expect(fieldOwners(object, { subresource: 'status' }).map((row) => row.serverPath)).toEqual(expect.arrayContaining(['.status.observedGeneration']));
    expect(fieldOwners(object, { subresource: '' }).some((row) => row.serverPath.startsWith('.status'))).toBe(false);

    // The command line on the same object.
    const table = await cli(['owners', '-'], { stdin: JSON.stringify(object) });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^\.spec\.replicas +alpha \(Apply\), beta \(Apply\), kubectl-create \(Update apps\/v1\)$/m);
    expect(table.stdout).toMatch(/^\.status\.observedGeneration +status-writer \(Update apps\/v1, status\)$/m);
  });

  it('the server never stores an entry DecodeManagedFields refuses: it keeps the live managedFields, and fieldOwners refuses the entry', async () => {
    const name = uniqueName('bad');
    const base = `/api/v1/namespaces/${ns}/configmaps`;
    const noOperation = { manager: 'forged', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } };
    const noFieldsType = { manager: 'forged', operation: 'Update', apiVersion: 'v1', fieldsV1: { 'f:data': { 'f:a': {} } } };

    // A create that carries one: accepted, with managedFields the server computes.
    const created = await serverOk('POST', `${base}?fieldManager=creator`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, managedFields: [noOperation] }, data: { a: '1' } });
    expect(created.metadata.managedFields.map((e: any) => e.manager)).toEqual(['creator']);

    // Updates that carry one: accepted too; the server decodes the live entries instead and records the write.
    let live = created;
    for (const [i, forged] of [noOperation, noFieldsType].entries()) {
      const sent = { ...live, metadata: { ...live.metadata, managedFields: [forged] }, data: { a: String(i + 2) } };
      const error = thrownKubepatchError('INVALID_DOCUMENT', () => fieldOwners(sent));
      expect(error.path).toBe('/metadata/managedFields/0');
      expect(error.input).toBe('object');
      const answer = await serverRequest('PUT', `${base}/${name}?fieldManager=editor`, sent);
      expect(answer.statusCode).toBe(200);
      live = answer.body;
      expect(live.metadata.managedFields.map((e: any) => e.manager)).toEqual(['creator', 'editor']);
      expect(fieldOwners(live).map((row) => `${row.serverPath} ${row.owners.map((o) => o.manager).join(',')}`)).toEqual(['.data creator', '.data.a editor']);
    }
  });
});
