import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FieldSet, formatFieldPath, serverSideApply, type JsonObject } from 'kubepatch';
import { extractOwned } from 'kubepatch';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { cli } from '../../cli/runInProcess.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';

const APPLY = 'application/apply-patch+yaml';

const entryOf = (object: JsonObject, manager: string) =>
  ((object.metadata as JsonObject).managedFields as JsonObject[]).find((e) => e.manager === manager && e.operation === 'Apply')!;

describe.skipIf(skipReason)('extractOwned against the real API server', () => {
  const ns = uniqueName('extract');
  beforeAll(() => createNamespace(ns));

  it('gives back what each of two appliers and a status applier applied; re-applying it is a no-op on the server', async () => {
    const name = uniqueName('web');
    const path = `/apis/apps/v1/namespaces/${ns}/deployments/${name}`;
    const apply = (manager: string, body: unknown, at = path) => serverOk('PATCH', `${at}?fieldManager=${manager}`, body, APPLY) as Promise<JsonObject>;
    const alpha: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels: { app: name } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: 'app', image: 'app:1', args: ['serve'], ports: [{ containerPort: 80 }], resources: {} }] },
        },
      },
    };
    const beta: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels: { team: 'beta' }, annotations: { owner: 'beta' } },
      spec: {
        template: {
          spec: { containers: [{ name: 'side', image: 'side:1', env: [{ name: 'MODE', value: 'fast' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }] },
        },
      },
    };
    const status: JsonObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, status: { replicas: 2, conditions: [{ type: 'Available', status: 'True', reason: 'Ok' }] } };
    await apply('alpha', alpha);
    await apply('beta', beta);
    const live = await apply('controller', status, `${path}/status`);

    // What was applied: the defaults the server filled in (protocol, imagePullPolicy, …) are not the appliers'; but
    // a field owned whole (the atomic fieldRef) comes with what the server defaulted in it.
    expect(extractOwned(live, 'alpha')).toEqual(alpha);
    const fieldRef = { apiVersion: 'v1', fieldPath: 'metadata.name' };
    const betaContainers = [{ name: 'side', image: 'side:1', env: [{ name: 'MODE', value: 'fast' }, { name: 'POD', valueFrom: { fieldRef } }] }];
    expect(extractOwned(live, 'beta')).toEqual({ ...beta, spec: { template: { spec: { containers: betaContainers } } } });
    expect(extractOwned(live, 'controller', { subresource: 'status' })).toEqual(status);
    expect(extractOwned(live, 'controller')).toBeUndefined();
    expect(extractOwned(live, 'nobody')).toBeUndefined();

    // Applied again, unchanged: the server writes nothing, and serverSideApply says the same.
    for (const [manager, at, subresource] of [['alpha', path, undefined], ['beta', path, undefined], ['controller', `${path}/status`, 'status']] as const) {
      const options = subresource === undefined ? {} : { subresource };
      const config = extractOwned(live, manager, options)!;
      const again = await apply(manager, config, at);
      expect((again.metadata as JsonObject).resourceVersion, manager).toBe((live.metadata as JsonObject).resourceVersion);
      expect(serverSideApply(live, config, { manager, ...options }).object, manager).toEqual(live);
    }

    // An edit of beta's extraction that takes alpha's replicas: the server's 409, word for word from the CLI.
    const betaOwned = extractOwned(live, 'beta')!;
    const edited = { ...betaOwned, spec: { ...(betaOwned.spec as JsonObject), replicas: 5 } };
    const refused = await serverRequest('PATCH', `${path}?fieldManager=beta`, edited, APPLY);
    expect(refused.statusCode).toBe(409);
    const dir = mkdtempSync(join(tmpdir(), 'kubepatch-extract-'));
    writeFileSync(join(dir, 'live.json'), JSON.stringify(live));
    const offline = await cli(['apply', '--server-side', '--manager', 'beta', join(dir, 'live.json'), '-'], { stdin: JSON.stringify(edited) });
    rmSync(dir, { recursive: true });
    expect(offline).toEqual({ code: 1, stdout: '', stderr: `kubepatch apply: ${refused.body.message}\n` });
  });

  it('keeps an owned empty `resources: {}`, where Go\'s extraction drops it and the server then takes the field from its applier', async () => {
    const name = uniqueName('res');
    const deployments = `/apis/apps/v1/namespaces/${ns}/deployments/${name}`;
    const config: JsonObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns },
      spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'app:1', resources: {} }] } } },
    };
    const live: JsonObject = await serverOk('PATCH', `${deployments}?fieldManager=alpha`, config, APPLY);
    const extracted = extractOwned(live, 'alpha')!;
    expect(extracted).toEqual(config);
    // What client-go's ExtractDeployment gives: the same without `resources` (ExtractItems makes it null, the typed configuration drops it).
    const goStyle = JSON.parse(JSON.stringify(extracted));
    delete goStyle.spec.template.spec.containers[0].resources;
    const reapplied: JsonObject = await serverOk('PATCH', `${deployments}?fieldManager=alpha`, goStyle, APPLY);
    const before = FieldSet.fromFieldsV1(entryOf(live, 'alpha').fieldsV1);
    const after = FieldSet.fromFieldsV1(entryOf(reapplied, 'alpha').fieldsV1);
    expect([...before.difference(after).paths()].map(formatFieldPath)).toEqual(['.spec.template.spec.containers[name="app"].resources']);
    expect((reapplied.metadata as JsonObject).resourceVersion).not.toBe((live.metadata as JsonObject).resourceVersion);
  });
});
