import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generationChanged, type JsonObject, type ObjectChanges } from 'kubepatch';
import { replaceObject, sendPatch, watchChanges, type WatchChanges } from 'kubepatch/client';
import { clientNode, clientNodeVersion } from '../../client/helpers/clientNode.js';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { serverOk } from '../helpers/serverRequest.js';
import { clientNamespace, createRaw, DEPLOYMENTS, deploymentManifest, objectPath, ROLLOUTS, rolloutManifest, type Stored } from '../helpers/clientObjects.js';

/**
 * watchChanges with the informer of the client-node under test (1.4.0 here, 2.x on Node 22 in CI)
 * against the real API server's watch: the (old, new) pairs of a Deployment and a Rollout changed
 * one part at a time, what the server does to the generation on each, and what generationChanged
 * lets through. Each write makes one watch event, so events are taken in order; a wait that runs
 * out fails with the events seen so far.
 */

type Recorded = { readonly event: 'add' | 'delete'; readonly object: Stored } | { readonly event: 'update'; readonly old: Stored; readonly object: Stored; readonly changes: ObjectChanges };

const WAIT_MS = 20_000;

/** The events of one watch, taken one at a time in the order they came. */
class Events {
  readonly all: Recorded[] = [];
  readonly errors: unknown[] = [];
  private taken = 0;
  private wake: (() => void) | undefined;

  push(recorded: Recorded): void {
    this.all.push(recorded);
    this.wake?.();
  }

  /** The next event, waiting up to WAIT_MS for it. */
  async next(what: string): Promise<Recorded> {
    const deadline = Date.now() + WAIT_MS;
    while (this.taken >= this.all.length) {
      if (Date.now() >= deadline) {
        throw new Error(`no event for "${what}" within ${WAIT_MS} ms; events so far: ${this.all.map(summary).join(', ') || 'none'}; errors: ${this.errors.join(', ') || 'none'}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.all[this.taken++]!;
  }

  /** Events not taken yet. */
  get pending(): Recorded[] {
    return this.all.slice(this.taken);
  }
}

const summary = (r: Recorded): string => `${r.event} ${r.object.metadata.name}@${r.object.metadata.resourceVersion}${r.event === 'update' ? ` (${r.changes.kind})` : ''}`;

function watchInto(namespace: string, events: Events, kind: { apiVersion: string; kind: string }, predicate?: typeof generationChanged): WatchChanges {
  return watchChanges(adminKubeConfig(), { ...kind, namespace }, {
    makeInformer: clientNode.makeInformer,
    ...(predicate === undefined ? {} : { predicate }),
    onAdd: (object) => events.push({ event: 'add', object }),
    onUpdate: (old, object, changes) => events.push({ event: 'update', old, object, changes }),
    onDelete: (object) => events.push({ event: 'delete', object }),
    onError: (error) => void events.errors.push(error),
  });
}

/** The next update, which must be of `name`. */
async function nextUpdate(events: Events, name: string, what: string) {
  const recorded = await events.next(what);
  expect(recorded.event, `${what}: ${summary(recorded)}`).toBe('update');
  expect(recorded.object.metadata.name).toBe(name);
  return recorded as Extract<Recorded, { event: 'update' }>;
}

describe.skipIf(skipReason)(`watchChanges with the informer of client-node ${clientNodeVersion} against the real API server`, () => {
  let namespace: string;
  const all = new Events();
  const specOnly = new Events();
  const watches: WatchChanges[] = [];

  beforeAll(async () => {
    namespace = await clientNamespace('watch-changes');
    await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'existing'));
    watches.push(watchInto(namespace, all, { apiVersion: 'apps/v1', kind: 'Deployment' }));
    watches.push(watchInto(namespace, specOnly, { apiVersion: 'apps/v1', kind: 'Deployment' }, generationChanged));
    await Promise.all(watches.map((watch) => watch.ready));
  });
  afterAll(async () => {
    await Promise.all(watches.map((watch) => watch.stop()));
  });

  it('ready: the objects that were there came to onAdd from the list, with apiVersion and kind', async () => {
    for (const events of [all, specOnly]) {
      const added = await events.next('the initial list');
      expect(added.event).toBe('add');
      expect(added.object).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'existing', namespace, generation: 1 } });
    }
  });

  it('a Deployment changed one part at a time: the pairs, the changes, and the generation the server gave', async () => {
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'web' };
    const kc = adminKubeConfig();
    await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'web'));
    for (const events of [all, specOnly]) expect((await events.next('create web')).event).toBe('add');

    // The spec: the server bumps the generation.
    await sendPatch(kc, ref, { type: 'merge', patch: { spec: { replicas: 3 } } });
    const spec = await nextUpdate(all, 'web', 'spec change');
    expect([spec.old.spec.replicas, spec.object.spec.replicas]).toEqual([2, 3]);
    expect([spec.old.metadata.generation, spec.object.metadata.generation]).toEqual([1, 2]);
    expect(spec.changes).toMatchObject({ kind: 'spec', generation: true, spec: true, labels: false, status: false, resourceVersion: true });

    // Labels: no generation bump.
    await sendPatch(kc, ref, { type: 'merge', patch: { metadata: { labels: { tier: 'front' } } } });
    const labels = await nextUpdate(all, 'web', 'label change');
    expect(labels.old.metadata.resourceVersion).toBe(spec.object.metadata.resourceVersion);
    expect(labels.changes).toMatchObject({ kind: 'metadata', labels: true, generation: false, spec: false });
    expect(labels.object.metadata.generation).toBe(2);

    // Annotations: a Deployment's generation is bumped too (its registry strategy counts annotation changes).
    await sendPatch(kc, ref, { type: 'merge', patch: { metadata: { annotations: { note: 'hello' } } } });
    const annotations = await nextUpdate(all, 'web', 'annotation change');
    expect(annotations.changes).toMatchObject({ kind: 'metadata', annotations: true, labels: false, generation: true, spec: false });
    expect(annotations.object.metadata.generation).toBe(3);

    // Status through /status: no generation bump, only the status (and the resourceVersion, managedFields).
    const live: Stored = await serverOk('GET', objectPath({ ...DEPLOYMENTS, namespace, name: 'web' }));
    await replaceObject(kc, { ...live, status: { observedGeneration: 3, replicas: 3, readyReplicas: 1 } }, { subresource: 'status', fieldManager: 'fake-controller' });
    const status = await nextUpdate(all, 'web', 'status write');
    expect(status.changes).toMatchObject({ kind: 'status', status: true, generation: false, spec: false, labels: false, annotations: false, managedFields: true });
    expect(status.object.status).toEqual({ observedGeneration: 3, replicas: 3, readyReplicas: 1 });

    // Finalizers: metadata, no generation bump.
    await sendPatch(kc, ref, { type: 'merge', patch: { metadata: { finalizers: ['example.com/cleanup'] } } });
    const finalizers = await nextUpdate(all, 'web', 'finalizer added');
    expect(finalizers.changes).toMatchObject({ kind: 'metadata', finalizers: true, generation: false });

    // A delete that waits for the finalizer: the server sets deletionTimestamp and bumps the generation.
    await serverOk('DELETE', objectPath({ ...DEPLOYMENTS, namespace, name: 'web' }));
    const deleting = await nextUpdate(all, 'web', 'deletion started');
    expect(deleting.changes).toMatchObject({ kind: 'metadata', otherMetadata: true, generation: true });
    expect(deleting.changes.fields).toContain('metadata.deletionTimestamp');
    expect([deleting.old.metadata.generation, deleting.object.metadata.generation]).toEqual([3, 4]);

    // The finalizer removed: the object goes, and the watch says so.
    await sendPatch(kc, ref, { type: 'merge', patch: { metadata: { finalizers: null } } });
    const deleted = await all.next('object deleted');
    expect([deleted.event, deleted.object.metadata.name]).toEqual(['delete', 'web']);

    // The same events through generationChanged: the spec, the annotations and the deletion, each a bump.
    const passed: string[] = [];
    for (const what of ['spec', 'annotations', 'deletion']) {
      const update = await nextUpdate(specOnly, 'web', `${what} through generationChanged`);
      passed.push(`${update.old.metadata.generation}->${update.object.metadata.generation}`);
    }
    expect(passed).toEqual(['1->2', '2->3', '3->4']);
    expect((await specOnly.next('delete through generationChanged')).event).toBe('delete');
    expect([all.pending, specOnly.pending, all.errors, specOnly.errors]).toEqual([[], [], [], []]);
  });
});

describe.skipIf(skipReason)('watchChanges: a custom resource with a status subresource (Argo Rollout)', () => {
  it('annotations and status leave its generation alone; only the spec bumps it', async () => {
    const namespace = await clientNamespace('watch-changes-rollout');
    const events = new Events();
    const watch = watchInto(namespace, events, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' });
    try {
      await watch.ready;
      const kc = adminKubeConfig();
      const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace, name: 'web' };
      await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'web'));
      expect((await events.next('create')).event).toBe('add');

      await sendPatch(kc, ref, { type: 'merge', patch: { metadata: { annotations: { note: 'x' } } } });
      expect((await nextUpdate(events, 'web', 'annotation')).changes).toMatchObject({ kind: 'metadata', annotations: true, generation: false });

      await sendPatch(kc, ref, { type: 'merge', patch: { status: { phase: 'Paused' } } }, { subresource: 'status' });
      expect((await nextUpdate(events, 'web', 'status')).changes).toMatchObject({ kind: 'status', generation: false });

      await sendPatch(kc, ref, { type: 'merge', patch: { spec: { replicas: 5 } } });
      const spec = await nextUpdate(events, 'web', 'spec');
      expect(spec.changes).toMatchObject({ kind: 'spec', generation: true });
      expect([spec.old.metadata.generation, spec.object.metadata.generation]).toEqual([1, 2]);
      expect(generationChanged(spec.old as JsonObject, spec.object as JsonObject)).toBe(true);
      expect(events.pending).toEqual([]);
      // Right after the server started, the first list of a custom resource may get 429 "storage is
      // (re)initializing": tried again before ready, and reported. Nothing else may come.
      expect(events.errors.filter((error) => (error as { statusCode?: number }).statusCode !== 429)).toEqual([]);
    } finally {
      await watch.stop();
    }
  });
});
