import { beforeAll, describe, expect, it } from 'vitest';
import { formatFieldPath, isKubepatchError, type ApplyConflict } from 'kubepatch';
import { applyObject, ApplyConflictError, ConflictError, replaceObject, sendPatch } from 'kubepatch/client';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { serverOk, serverRequest } from '../helpers/serverRequest.js';
import { clientNamespace, DEPLOYMENTS, deploymentManifest, objectPath, readStored, ROLLOUTS, rolloutManifest, type Stored } from '../helpers/clientObjects.js';

/**
 * Server-side apply conflicts from the real API server (kube-apiserver 1.33.13): applyObject turns
 * the 409 into ApplyConflictError, with the server's message word for word and one conflict per
 * cause, checked here against the Status the server sends for the same request.
 */

const APPLY = 'application/apply-patch+yaml';
const MERGE = 'application/merge-patch+json';

/** The error applyObject rejects with, and the Status the server answers the same apply sent raw. */
async function conflictOf(config: Stored, fieldManager: string, subresource?: 'status'): Promise<{ error: ApplyConflictError; status: Stored }> {
  const error = await applyObject(adminKubeConfig(), config, subresource === undefined ? { fieldManager } : { fieldManager, subresource }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplyConflictError);
  expect(isKubepatchError(error, 'APPLY_CONFLICT')).toBe(true);
  const path = `${objectPath({ ...at(config), name: config.metadata.name })}${subresource === undefined ? '' : '/status'}`;
  const raw = await serverRequest('PATCH', `${path}?fieldManager=${encodeURIComponent(fieldManager)}`, config, APPLY);
  expect(raw.statusCode).toBe(409);
  const applyError = error as ApplyConflictError;
  // Word for word, and every cause is one conflict: same manager words, same field.
  expect(applyError.message).toBe(raw.body.message);
  const causes = raw.body.details.causes.map((c: Stored) => `${c.message}: ${c.field}`).sort();
  expect(applyError.conflicts.map((c) => `${managerWords(c)}: ${c.serverPath}`).sort()).toEqual(causes);
  for (const c of applyError.conflicts) expect(formatFieldPath(c.path)).toBe(c.serverPath);
  return { error: applyError, status: raw.body };
}

const at = (config: Stored) => (config.kind === 'Rollout' ? { ...ROLLOUTS, namespace: config.metadata.namespace } : { ...DEPLOYMENTS, namespace: config.metadata.namespace });

/** apimachinery's printManager, from the parsed conflict. */
function managerWords(c: ApplyConflict): string {
  const subresource = c.subresource === undefined ? '' : ` with subresource ${JSON.stringify(c.subresource)}`;
  return `conflict with ${JSON.stringify(c.manager)}${subresource}${c.operation === 'Update' ? ` using ${c.apiVersion}` : ''}`;
}

/** The fields in the order the server's message lists them (`- .spec.replicas` lines, or the one conflict after its last ": "). */
function messageOrder(message: string): string[] {
  const lines = message.split('\n').filter((line) => line.startsWith('- '));
  return lines.length > 0 ? lines.map((line) => line.slice(2)) : [message.slice(message.lastIndexOf(': ') + 2)];
}

const field = (name: string) => ({ kind: 'field', name }) as const;
const app = { kind: 'key', fields: [{ name: 'name', value: 'app' }] } as const;
const containers = [field('spec'), field('template'), field('spec'), field('containers')];

describe.skipIf(skipReason)('applyObject: ApplyConflictError from the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('apply-conflicts');
  });

  /** A Deployment created (POST) by `manager`, an Update manager of every field it sent. */
  async function createdBy(manager: string, name: string): Promise<Stored> {
    const manifest: Stored = deploymentManifest(namespace, name);
    manifest.metadata.labels['app.kubernetes.io/name'] = name;
    manifest.spec.template.spec.containers[0].env = [{ name: 'A.B', value: 'x\ty"' }];
    return serverOk('POST', `${objectPath({ ...DEPLOYMENTS, namespace })}?fieldManager=${encodeURIComponent(manager)}`, manifest);
  }

  const config = (name: string, spec: Stored, labels?: Record<string, string>): Stored => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, ...(labels === undefined ? {} : { labels }) },
    spec,
  });
  const template = (name: string, containerList: Stored[]) => ({
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: containerList } },
  });

  it('an Update manager (a create with fieldManager): operation Update, its apiVersion, every field, a dotted label key kept whole', async () => {
    await createdBy('creator', 'update');
    const applied = config('update', { replicas: 5, ...template('update', [{ name: 'app', image: 'web:2', env: [{ name: 'A.B', value: 'z' }] }]) }, {
      'app.kubernetes.io/name': 'other',
    });
    const { error } = await conflictOf(applied, 'deployer');
    expect(error.message).toBe(
      'Apply failed with 4 conflicts: conflicts with "creator" using apps/v1:\n' +
        '- .metadata.labels.app.kubernetes.io/name\n' +
        '- .spec.replicas\n' +
        '- .spec.template.spec.containers[name="app"].image\n' +
        '- .spec.template.spec.containers[name="app"].env[name="A.B"].value',
    );
    const creator = { manager: 'creator', operation: 'Update', apiVersion: 'apps/v1' } as const;
    expect(error.conflicts).toEqual([
      { ...creator, path: [field('metadata'), field('labels'), field('app.kubernetes.io/name')], serverPath: '.metadata.labels.app.kubernetes.io/name' },
      { ...creator, path: [field('spec'), field('replicas')], serverPath: '.spec.replicas' },
      { ...creator, path: [...containers, app, field('image')], serverPath: '.spec.template.spec.containers[name="app"].image' },
      {
        ...creator,
        path: [...containers, app, field('env'), { kind: 'key', fields: [{ name: 'name', value: 'A.B' }] }, field('value')],
        serverPath: '.spec.template.spec.containers[name="app"].env[name="A.B"].value',
      },
    ]);
    expect(error.conflicts.map((c) => c.serverPath)).toEqual(messageOrder(error.message));
    // Nothing was applied.
    const stored = await readStored({ ...DEPLOYMENTS, namespace, name: 'update' });
    expect([stored.spec.replicas, stored.metadata.labels['app.kubernetes.io/name']]).toEqual([2, 'update']);
  });

  it('an Apply manager: operation Apply, no apiVersion ("conflict with \\"team-a\\"")', async () => {
    await createdBy('creator', 'applier');
    const image = (tag: string) => config('applier', template('applier', [{ name: 'app', image: `web:${tag}` }]));
    await applyObject(adminKubeConfig(), image('a'), { fieldManager: 'team-a', force: true });
    const { error } = await conflictOf(image('b'), 'team-b');
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "team-a": .spec.template.spec.containers[name="app"].image');
    expect(error.conflicts).toEqual([
      { manager: 'team-a', operation: 'Apply', path: [...containers, app, field('image')], serverPath: '.spec.template.spec.containers[name="app"].image' },
    ]);
  });

  it('fields of two managers: in the order of the message, by manager identifier ("web!" before "web"), each manager\'s fields as listed', async () => {
    await createdBy('web', 'two');
    const images = (appImage: string, debugImage?: string) => [
      { name: 'app', image: appImage },
      ...(debugImage === undefined ? [] : [{ name: 'debug', image: debugImage }]),
    ];
    await applyObject(adminKubeConfig(), config('two', template('two', images('web:9'))), { fieldManager: 'web!', force: true });
    const applied = config('two', { replicas: 4, ...template('two', images('web:3', 'busybox:2')) });
    // The causes come in Go's map order: ask a few times, the conflicts stay in the message's order.
    for (let attempt = 0; attempt < 4; attempt++) {
      const { error } = await conflictOf(applied, 'deployer');
      expect(error.message).toBe(
        'Apply failed with 3 conflicts: conflicts with "web!":\n' +
          '- .spec.template.spec.containers[name="app"].image\n' +
          'conflicts with "web" using apps/v1:\n' +
          '- .spec.replicas\n' +
          '- .spec.template.spec.containers[name="debug"].image',
      );
      expect(error.conflicts.map((c) => [c.manager, c.operation, c.apiVersion, c.serverPath])).toEqual([
        ['web!', 'Apply', undefined, '.spec.template.spec.containers[name="app"].image'],
        ['web', 'Update', 'apps/v1', '.spec.replicas'],
        ['web', 'Update', 'apps/v1', '.spec.template.spec.containers[name="debug"].image'],
      ]);
      expect(error.conflicts.map((c) => c.serverPath)).toEqual(messageOrder(error.message));
    }
  });

  it('one name, two entries: "ci" the applier sorts before "ci" the updater', async () => {
    await createdBy('creator', 'ci');
    await applyObject(adminKubeConfig(), config('ci', { replicas: 3 }), { fieldManager: 'ci', force: true });
    await sendPatch(adminKubeConfig(), { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'ci' }, { type: 'merge', patch: { spec: { paused: true } } }, {
      fieldManager: 'ci',
    });
    const { error } = await conflictOf(config('ci', { replicas: 1, paused: false }), 'deployer');
    expect(error.message).toBe('Apply failed with 2 conflicts: conflicts with "ci":\n- .spec.replicas\nconflicts with "ci" using apps/v1:\n- .spec.paused');
    expect(error.conflicts.map((c) => [c.manager, c.operation, c.serverPath])).toEqual([
      ['ci', 'Apply', '.spec.replicas'],
      ['ci', 'Update', '.spec.paused'],
    ]);
  });

  it('status-subresource managers: "with subresource \\"status\\"", Update (merge patch to /status) and Apply', async () => {
    await createdBy('creator', 'status');
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'status' };
    await sendPatch(adminKubeConfig(), ref, { type: 'merge', patch: { status: { replicas: 2 } } }, { fieldManager: 'status-writer', subresource: 'status' });
    const status = (replicas: number, readyReplicas?: number): Stored => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'status', namespace },
      status: { replicas, ...(readyReplicas === undefined ? {} : { readyReplicas }) },
    });
    const updated = await conflictOf(status(3), 'status-applier', 'status');
    expect(updated.error.message).toBe('Apply failed with 1 conflict: conflict with "status-writer" with subresource "status" using apps/v1: .status.replicas');
    expect(updated.error.conflicts).toEqual([
      { manager: 'status-writer', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status', path: [field('status'), field('replicas')], serverPath: '.status.replicas' },
    ]);

    await applyObject(adminKubeConfig(), status(3, 1), { fieldManager: 'status-applier', subresource: 'status', force: true });
    const applied = await conflictOf(status(4, 2), 'status-applier-2', 'status');
    expect(applied.error.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "status-applier" with subresource "status":\n- .status.readyReplicas\n- .status.replicas',
    );
    expect(applied.error.conflicts).toEqual([
      { manager: 'status-applier', operation: 'Apply', subresource: 'status', path: [field('status'), field('readyReplicas')], serverPath: '.status.readyReplicas' },
      { manager: 'status-applier', operation: 'Apply', subresource: 'status', path: [field('status'), field('replicas')], serverPath: '.status.replicas' },
    ]);
    expect((await readStored({ ...DEPLOYMENTS, namespace, name: 'status' })).status).toEqual({ replicas: 3, readyReplicas: 1 });
  });

  it('"ci" as applier of /status sorts before "ci" the applier and "ci" the updater (the identifier goes on with ",\"subresource\"")', async () => {
    await serverOk('POST', `${objectPath({ ...ROLLOUTS, namespace })}?fieldManager=rollout-creator`, rolloutManifest(namespace, 'ci'));
    const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'ci', namespace } };
    await applyObject(adminKubeConfig(), { ...ref, spec: { replicas: 2 } }, { fieldManager: 'ci', force: true });
    await sendPatch(adminKubeConfig(), ref, { type: 'merge', patch: { spec: { paused: true } } }, { fieldManager: 'ci' });
    // A Rollout's /status applier is recorded as owning the annotation it sent, though the server dropped it (statusSubresource.test.ts).
    await applyObject(adminKubeConfig(), { ...ref, metadata: { ...ref.metadata, annotations: { note: 'a' } }, status: { phase: 'Paused' } }, {
      fieldManager: 'ci',
      subresource: 'status',
    });
    const applied = { ...ref, metadata: { ...ref.metadata, annotations: { note: 'b' } }, spec: { replicas: 1, paused: false } };
    const { error } = await conflictOf(applied, 'deployer');
    expect(error.message).toBe(
      'Apply failed with 3 conflicts: conflicts with "ci" with subresource "status":\n- .metadata.annotations.note\n' +
        'conflicts with "ci":\n- .spec.replicas\nconflicts with "ci" using argoproj.io/v1alpha1:\n- .spec.paused',
    );
    expect(error.conflicts.map((c) => [c.operation, c.subresource, c.serverPath])).toEqual([
      ['Apply', 'status', '.metadata.annotations.note'],
      ['Apply', undefined, '.spec.replicas'],
      ['Update', undefined, '.spec.paused'],
    ]);
  });

  it('a Rollout (custom resource): its apiVersion in the words, the same error', async () => {
    await serverOk('POST', `${objectPath({ ...ROLLOUTS, namespace })}?fieldManager=rollout-creator`, rolloutManifest(namespace, 'ro'));
    const applied = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'ro', namespace }, spec: { replicas: 9 } };
    const { error } = await conflictOf(applied, 'scaler');
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "rollout-creator" using argoproj.io/v1alpha1: .spec.replicas');
    expect(error.conflicts).toEqual([
      { manager: 'rollout-creator', operation: 'Update', apiVersion: 'argoproj.io/v1alpha1', path: [field('spec'), field('replicas')], serverPath: '.spec.replicas' },
    ]);
  });

  it('a stale resourceVersion stays a ConflictError (applyObject with keepResourceVersion, replaceObject)', async () => {
    const live = await createdBy('creator', 'stale');
    await serverOk('PATCH', objectPath({ ...DEPLOYMENTS, namespace, name: 'stale' }), { spec: { replicas: 4 } }, MERGE);
    const metadata = { name: 'stale', namespace, annotations: { team: 'checkout' }, resourceVersion: live.metadata.resourceVersion };
    const annotate = { apiVersion: 'apps/v1', kind: 'Deployment', metadata };
    const applied = await applyObject(adminKubeConfig(), annotate, { fieldManager: 'annotator', keepResourceVersion: true }).catch((e: unknown) => e);
    const replaced = await replaceObject(adminKubeConfig(), { ...live, spec: { ...live.spec, replicas: 1 } }).catch((e: unknown) => e);
    for (const error of [applied, replaced]) {
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).not.toBeInstanceOf(ApplyConflictError);
      expect((error as ConflictError).status?.message).toBe(
        'Operation cannot be fulfilled on deployments.apps "stale": the object has been modified; please apply your changes to the latest version and try again',
      );
    }
  });
});
