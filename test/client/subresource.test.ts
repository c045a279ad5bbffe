import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH_CONTENT_TYPES } from 'kubepatch';
import { resourcePath } from '../../src/client/resourcePath.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { kubeConfigFor } from './helpers/clientNode.js';
import { client } from './helpers/subject.js';

const { applyObject, ApplyConflictError, replaceObject, sendPatch } = client;

// Request capture only (the URL, method and Content-Type sent, and that nothing was sent): what the
// real server does with `…/status` is in test/e2e/client/statusSubresource.test.ts and applyConflicts.test.ts.

interface Captured {
  readonly method: string;
  readonly url: string;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** A loopback server that records every request and answers `answer` (200 `{}` by default). */
let server: Server;
let kc: ReturnType<typeof kubeConfigFor>;
const requests: Captured[] = [];
let answer: { status: number; body: unknown } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body });
      res.writeHead(answer?.status ?? 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer?.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  kc = kubeConfigFor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const deployment = frozenCopy({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', resourceVersion: '42', labels: { 'app.kubernetes.io/name': 'web' } },
  status: { replicas: 2 },
});
const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };

describe('subresource: status', () => {
  it('resourcePath appends /status to an object\'s path', () => {
    expect(resourcePath(ref, undefined, 'status')).toBe('/apis/apps/v1/namespaces/shop/deployments/web/status');
    expect(resourcePath({ apiVersion: 'example.com/v1', kind: 'Odd', name: 'x' }, 'oddities', 'status')).toBe('/apis/example.com/v1/oddities/x/status');
    expect(resourcePath(ref)).toBe('/apis/apps/v1/namespaces/shop/deployments/web');
  });

  it('applyObject, sendPatch and replaceObject send to …/status with their own method, Content-Type and query', async () => {
    answer = undefined;
    await applyObject(kc, deployment, { fieldManager: 'status-owner', subresource: 'status', force: true });
    await sendPatch(kc, ref, { type: 'merge', patch: { status: { replicas: 3 } } }, { subresource: 'status', fieldManager: 'patcher' });
    await sendPatch(kc, ref, { type: 'json', patch: [{ op: 'replace', path: '/status/replicas', value: 4 }] }, { subresource: 'status', dryRun: true });
    await replaceObject(kc, deployment, { subresource: 'status', fieldManager: 'replacer' });
    const path = '/apis/apps/v1/namespaces/shop/deployments/web/status';
    expect(requests.slice(-4).map((r) => [r.method, r.url, r.contentType])).toEqual([
      ['PATCH', `${path}?fieldManager=status-owner&force=true`, PATCH_CONTENT_TYPES.apply],
      ['PATCH', `${path}?fieldManager=patcher`, PATCH_CONTENT_TYPES.merge],
      ['PATCH', `${path}?dryRun=All`, PATCH_CONTENT_TYPES.json],
      ['PUT', `${path}?fieldManager=replacer`, 'application/json'],
    ]);
    // The apply's body is the configuration without resourceVersion; the PUT keeps it (conditional).
    expect(JSON.parse(requests.at(-4)!.body).metadata).toEqual({ name: 'web', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'web' } });
    expect(JSON.parse(requests.at(-1)!.body)).toEqual(deployment);
  });

  it('refuses any other subresource with a RangeError before sending', async () => {
    const sent = requests.length;
    const scale = { subresource: 'scale' as never };
    await expect(applyObject(kc, deployment, { fieldManager: 'x', ...scale })).rejects.toThrow(RangeError);
    await expect(sendPatch(kc, ref, { type: 'merge', patch: {} }, scale)).rejects.toThrow(
      "kubepatch/client: subresource must be 'status' (or absent for the object itself), not \"scale\"",
    );
    await expect(replaceObject(kc, deployment, scale)).rejects.toThrow(RangeError);
    expect(requests.length).toBe(sent);
  });

  it('applyObject turns the 409 into ApplyConflictError, reading the paths with the configuration it sent', async () => {
    const message = 'Apply failed with 1 conflict: conflict with "creator" using apps/v1: .metadata.labels.app.kubernetes.io/name';
    const causes = [{ reason: 'FieldManagerConflict', message: 'conflict with "creator" using apps/v1', field: '.metadata.labels.app.kubernetes.io/name' }];
    answer = { status: 409, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Conflict', details: { causes }, code: 409 } };
    try {
      const error = await applyObject(kc, deployment, { fieldManager: 'deployer' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplyConflictError);
      expect(error).toMatchObject({
        message,
        conflicts: [
          {
            manager: 'creator',
            operation: 'Update',
            apiVersion: 'apps/v1',
            path: [{ kind: 'field', name: 'metadata' }, { kind: 'field', name: 'labels' }, { kind: 'field', name: 'app.kubernetes.io/name' }],
            serverPath: '.metadata.labels.app.kubernetes.io/name',
          },
        ],
      });
      // sendPatch with type apply too.
      const sent = await sendPatch(kc, deployment, { type: 'apply', patch: deployment }, { fieldManager: 'deployer', subresource: 'status' }).catch((e: unknown) => e);
      expect(sent).toBeInstanceOf(ApplyConflictError);
      expect(requests.at(-1)!.url).toBe('/apis/apps/v1/namespaces/shop/deployments/web/status?fieldManager=deployer');
    } finally {
      answer = undefined;
    }
  });
});
