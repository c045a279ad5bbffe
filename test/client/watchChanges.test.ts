import { afterEach, describe, expect, it, vi } from 'vitest';
import { generationChanged, resourceVersionChanged, type JsonObject, type ObjectChanges } from 'kubepatch';
import { watchChanges, type InformerLike, type InformerList, type KubeConfigLike, type WatchChangesOptions } from 'kubepatch/client';

/**
 * watchChanges with a stand-in informer: the pairing of events, the predicate, errors, `ready` and
 * `stop` (the list it gives the informer: watchChangesList.test.ts). The real informers of client-node 1.x and 2.x against a real API server are in
 * test/e2e/client/watchChanges.test.ts.
 */

type Callback = (value?: unknown) => void;

/** Records callbacks and lets the test emit events; `start` does what the test sets. */
class FakeInformer implements InformerLike {
  readonly callbacks = new Map<string, Callback[]>();
  starts = 0;
  stops = 0;
  onStart: (informer: FakeInformer) => Promise<void> | void = () => undefined;

  on(verb: string, callback: Callback): void {
    this.callbacks.set(verb, [...(this.callbacks.get(verb) ?? []), callback]);
  }
  off(verb: string, callback: Callback): void {
    this.callbacks.set(verb, (this.callbacks.get(verb) ?? []).filter((c) => c !== callback));
  }
  emit(verb: string, value?: unknown): void {
    for (const callback of this.callbacks.get(verb) ?? []) callback(value);
  }
  async start(): Promise<void> {
    this.starts++;
    await this.onStart(this);
  }
  async stop(): Promise<void> {
    this.stops++;
  }
}

const kubeConfig: KubeConfigLike = { getCurrentCluster: () => ({ server: 'http://127.0.0.1:9' }), applyToHTTPSOptions: async () => undefined };
const target = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop' };
const deployment = (name: string, resourceVersion: string | undefined, generation: number, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop', generation, ...(resourceVersion === undefined ? {} : { resourceVersion }) },
  spec: { replicas: generation },
  ...extra,
});

type Event = ['add', JsonObject] | ['update', JsonObject, JsonObject, ObjectChanges] | ['delete', JsonObject] | ['error', unknown, string];

/** A watch over a fake informer, recording what reached the handlers. */
function watched(options: Partial<WatchChangesOptions<KubeConfigLike>> = {}) {
  const informer = new FakeInformer();
  const events: Event[] = [];
  const made: Array<{ path: string; labelSelector: string | undefined; list: () => Promise<InformerList> }> = [];
  const watch = watchChanges(kubeConfig, target, {
    makeInformer: (_kc, path, list, labelSelector) => {
      made.push({ path, list, labelSelector });
      return informer;
    },
    onAdd: (object) => void events.push(['add', object]),
    onUpdate: (oldObject, newObject, changes) => void events.push(['update', oldObject, newObject, changes]),
    onDelete: (object) => void events.push(['delete', object]),
    onError: (error, source) => void events.push(['error', error, source]),
    ...options,
  });
  return { informer, events, made, watch };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watchChanges: (old, new) pairs', () => {
  it('hands the last version seen with the new one, forgets it on delete, and makes the informer for the target', async () => {
    const { informer, events, made, watch } = watched();
    await watch.ready;
    expect(made.map(({ path, labelSelector }) => [path, labelSelector])).toEqual([['/apis/apps/v1/namespaces/shop/deployments', undefined]]);
    const v1 = deployment('web', '1', 1);
    const v2 = deployment('web', '2', 2);
    const other = deployment('api', '3', 1);
    informer.emit('add', v1);
    informer.emit('add', other);
    informer.emit('update', v2);
    informer.emit('delete', v2);
    informer.emit('add', deployment('web', '5', 1));
    informer.emit('update', deployment('web', '6', 1, { status: { ready: 1 } }));
    expect(events.map(([kind, ...rest]) => [kind, ...rest.slice(0, 2).map((o) => (o as any).metadata.resourceVersion)])).toEqual([ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['add', '1'],
      ['add', '3'],
      ['update', '1', '2'],
      ['delete', '2'],
      ['add', '5'],
      ['update', '5', '6'],
    ]);
    expect((events[2] as Extract<Event, ['update', ...unknown[]]>)[3]).toMatchObject({ kind: 'spec', generation: true });
    expect((events[5] as Extract<Event, ['update', ...unknown[]]>)[3]).toMatchObject({ kind: 'status', generation: false });
    await watch.stop();
  });

  it('keeps its own copy: a handler changing the objects it got changes nothing for the next pair', async () => {
    const { informer, events, watch } = watched({
      onAdd: (object) => void ((object.spec as JsonObject).replicas = 99),
      onUpdate: (oldObject, newObject, changes) => {
        events.push(['update', structuredClone(oldObject), structuredClone(newObject), changes]);
        (newObject.metadata as JsonObject).labels = { mutated: 'yes' };
      },
    });
    await watch.ready;
    informer.emit('add', deployment('web', '1', 1));
    informer.emit('update', deployment('web', '2', 1));
    informer.emit('update', deployment('web', '3', 1));
    const updates = events.filter((e) => e[0] === 'update') as Array<Extract<Event, ['update', ...unknown[]]>>;
    expect(updates.map(([, , , changes]) => changes.kind)).toEqual(['resourceVersionOnly', 'resourceVersionOnly']);
    expect(updates[0]![1]).toEqual(deployment('web', '1', 1));
    await watch.stop();
  });

  it('an update for an object it never saw is an add', async () => {
    const { informer, events, watch } = watched();
    await watch.ready;
    informer.emit('update', deployment('web', '7', 1));
    expect(events.map(([kind]) => kind)).toEqual(['add']);
    await watch.stop();
  });

  it('an update of equal objects (a resync) is delivered with kind none; resourceVersionChanged drops it', async () => {
    const all = watched();
    await all.watch.ready;
    all.informer.emit('add', deployment('web', undefined, 1));
    all.informer.emit('update', deployment('web', undefined, 1));
    expect(all.events.map((e) => (e[0] === 'update' ? e[3].kind : e[0]))).toEqual(['add', 'none']);
    await all.watch.stop();

    const filtered = watched({ predicate: resourceVersionChanged });
    await filtered.watch.ready;
    filtered.informer.emit('add', deployment('web', undefined, 1));
    filtered.informer.emit('update', deployment('web', undefined, 1));
    expect(filtered.events.map(([kind]) => kind)).toEqual(['add']);
    await filtered.watch.stop();
  });

  it('the predicate filters updates only, and gets the changes', async () => {
    const seen: string[] = [];
    const { informer, events, watch } = watched({
      predicate: (oldObject, newObject, changes) => {
        seen.push(changes.kind);
        return generationChanged(oldObject, newObject);
      },
    });
    await watch.ready;
    informer.emit('add', deployment('web', '1', 1));
    informer.emit('update', deployment('web', '2', 1, { status: { ready: 1 } }));
    informer.emit('update', deployment('web', '3', 2, { status: { ready: 1 } }));
    informer.emit('delete', deployment('web', '4', 2));
    expect(seen).toEqual(['status', 'spec']);
    expect(events.map(([kind]) => kind)).toEqual(['add', 'update', 'delete']);
    await watch.stop();
  });
});

describe('watchChanges: errors', () => {
  it('a handler that throws or rejects, and a predicate that throws, go to onError; the next events still come', async () => {
    const { informer, events, watch } = watched({
      onAdd: () => {
        throw new Error('add failed');
      },
      onUpdate: async () => {
        throw new Error('update failed');
      },
      predicate: (oldObject) => {
        if ((oldObject.metadata as JsonObject).resourceVersion === '2') throw new Error('predicate failed');
        return true;
      },
    });
    await watch.ready;
    informer.emit('add', deployment('web', '1', 1));
    informer.emit('update', deployment('web', '2', 1));
    informer.emit('update', deployment('web', '3', 1));
    informer.emit('add', 'not an object');
    await vi.waitFor(() => expect(events).toHaveLength(4));
    expect(events.map(([, error, source]) => [source, (error as Error).message])).toEqual([
      ['onAdd', 'add failed'],
      ['predicate', 'predicate failed'],
      ['informer', "the informer's add event carried no object: not an object"],
      ['onUpdate', 'update failed'],
    ]);
    await watch.stop();
  });

  it('ready rejects with the first list or watch error, and the wrapper stops', async () => {
    const informer = new FakeInformer();
    informer.onStart = (self) => self.emit('error', Object.assign(new Error('Forbidden'), { statusCode: 403 }));
    const onError = vi.fn();
    const watch = watchChanges(kubeConfig, target, { makeInformer: () => informer, onError });
    await expect(watch.ready).rejects.toThrow('Forbidden');
    expect([informer.stops, onError.mock.calls.length]).toEqual([1, 0]);
  });

  it('before ready, a 429 or a 5xx is tried again (and reported); ready then resolves', async () => {
    vi.useFakeTimers();
    const informer = new FakeInformer();
    informer.onStart = (self) => self.emit('error', Object.assign(new Error('storage is (re)initializing'), { statusCode: 429 }));
    const errors: string[] = [];
    const watch = watchChanges(kubeConfig, target, { makeInformer: () => informer, onError: (error, source) => void errors.push(`${source}: ${(error as Error).message}`) });
    let isReady = false;
    void watch.ready.then(() => (isReady = true));
    await vi.advanceTimersByTimeAsync(0);
    expect([informer.starts, isReady]).toEqual([1, false]);
    informer.onStart = (self) => self.emit('error', Object.assign(new Error('Service Unavailable'), { statusCode: 503 }));
    await vi.advanceTimersByTimeAsync(1_000);
    informer.onStart = () => undefined;
    await vi.advanceTimersByTimeAsync(2_000);
    expect([informer.starts, isReady]).toEqual([3, true]);
    expect(errors).toEqual(['informer: storage is (re)initializing', 'informer: Service Unavailable']);
    await watch.stop();
  });

  it('after ready, an informer error goes to onError and the informer is started again, after 1 s, then 2 s', async () => {
    vi.useFakeTimers();
    const { informer, events, watch } = watched();
    await watch.ready;
    informer.onStart = (self) => self.emit('error', new Error('still down'));
    informer.emit('error', new Error('connection reset'));
    expect(events.map(([, error, source]) => [source, (error as Error).message])).toEqual([['informer', 'connection reset']]);
    expect(informer.starts).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(informer.starts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(informer.starts).toBe(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(informer.starts).toBe(2);
    informer.onStart = () => undefined;
    await vi.advanceTimersByTimeAsync(1);
    expect(informer.starts).toBe(3);
    await watch.stop();
    informer.emit('error', new Error('after stop'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect([informer.starts, events.length]).toEqual([3, 2]);
  });

  it('the target and makeInformer are checked before anything is made', () => {
    const makeInformer = () => new FakeInformer();
    expect(() => watchChanges(kubeConfig, { apiVersion: 'apps/v1' } as never, { makeInformer })).toThrow(/needs a string apiVersion and kind/);
    expect(() => watchChanges(kubeConfig, { ...target, namespace: '' }, { makeInformer })).toThrow(/invalid namespace/);
    expect(() => watchChanges(kubeConfig, target, {} as never)).toThrow(TypeError);
  });
});

describe('watchChanges: stop and abort', () => {
  it('stop() before ready rejects ready with an AbortError; no handler is called after stop', async () => {
    const { informer, events, watch } = watched();
    informer.onStart = () => new Promise(() => undefined); // never connects
    await watch.stop();
    await expect(watch.ready).rejects.toMatchObject({ name: 'AbortError' });
    informer.emit('add', deployment('web', '1', 1));
    expect([events.length, informer.stops]).toEqual([0, 1]);
    expect([...informer.callbacks.values()].flat()).toEqual([]);
  });

  it('an aborted signal stops it, with the signal\'s reason; one already aborted starts nothing', async () => {
    const controller = new AbortController();
    const { informer, watch } = watched({ signal: controller.signal });
    await watch.ready;
    controller.abort(new Error('shutting down'));
    expect(informer.stops).toBe(1);
    await watch.stop(); // a second stop is the first one's
    expect(informer.stops).toBe(1);

    const early = watched({ signal: AbortSignal.abort(new Error('too late')) });
    await expect(early.watch.ready).rejects.toThrow('too late');
    expect(early.informer.starts).toBe(0);
  });
});
