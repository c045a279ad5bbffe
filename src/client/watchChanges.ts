import { InvalidDocumentError } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';
import type { KubeConfigLike } from './KubeConfigLike.js';
import { kubeRequest } from './kubeRequest.js';
import { resourcePath } from './resourcePath.js';
import type { InformerLike, InformerList, WatchChanges, WatchChangesErrorSource, WatchChangesOptions, WatchTarget } from './watchChangesOptions.js';
import { WatchChangesTracker } from './watchChangesTracker.js';

const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Watches every object of a kind through an informer of `@kubernetes/client-node` and delivers
 * each update as a pair, `onUpdate(oldObject, newObject, changes)`, with `objectChanges` of
 * the two, optionally filtered by a predicate with controller-runtime's meaning
 * (`generationChanged`, `labelsChanged`, …). client-node's informers hand over the new object
 * only; the wrapper keeps the last version of each object (by namespace and name) seen in an add
 * or update, and forgets it on delete.
 *
 * The informer is made with the `makeInformer` you pass (client-node 1.x or 2.x; kubepatch/client
 * never imports client-node). It lists with kubepatch's own request, so the objects of the list
 * and of the watch are alike: the server's JSON, timestamps as strings, `apiVersion` and `kind`
 * filled in on list items. After an error of the informer (client-node stops it then), it is
 * started again after a pause, and resumes from the last resourceVersion it saw.
 *
 * Resyncs: client-node has no resync period, and its informer passes on an update only when the
 * resourceVersion changed (a relist after `410 Gone` included), so a pair of equal objects does
 * not come from it. If one comes (objects without a resourceVersion), it is delivered, with
 * `changes.kind` `'none'`, as controller-runtime delivers resyncs; `resourceVersionChanged`
 * and `generationChanged` filter it out.
 *
 * @example
 * ```ts
 * import { KubeConfig, makeInformer } from '@kubernetes/client-node';
 * import { generationChanged } from 'kubepatch';
 * import { watchChanges } from 'kubepatch/client';
 *
 * const kc = new KubeConfig();
 * kc.loadFromDefault();
 * const watch = watchChanges(kc, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop' }, {
 *   makeInformer,
 *   predicate: generationChanged, // spec changes only (and, for a Deployment, annotation changes)
 *   onAdd: (object) => queue.add(object),
 *   onUpdate: (oldObject, newObject, changes) => queue.add(newObject), // changes.kind: 'spec' | 'metadata' | …
 *   onDelete: (object) => queue.forget(object),
 *   onError: (error, source) => console.warn(`watch (${source}):`, error),
 * });
 * await watch.ready; // the existing Deployments went to onAdd, and the watch is open
 * // …
 * await watch.stop();
 * ```
 * @throws `InvalidDocumentError` when `target` has no string `apiVersion` and `kind`, or a
 * `namespace` or `labelSelector` that is not a string; `TypeError` when `makeInformer` is not a
 * function. Failures of the list and the watch reject `ready`, or go to `onError` after it.
 * @public
 */
export function watchChanges<C extends KubeConfigLike>(kubeConfig: C, target: WatchTarget, options: WatchChangesOptions<C>): WatchChanges {
  checkTarget(target);
  if (typeof options?.makeInformer !== 'function') {
    throw new TypeError("kubepatch/client: watchChanges needs options.makeInformer, client-node's makeInformer");
  }
  const { apiVersion, kind, namespace, labelSelector, plural } = target;
  const path = resourcePath(namespace === undefined ? { apiVersion, kind } : { apiVersion, kind, namespace }, plural);
  const stopping = new AbortController();
  const list = async (): Promise<InformerList> => {
    const answer = await kubeRequest(kubeConfig, { method: 'GET', path, query: { labelSelector }, signal: stopping.signal });
    // A built-in kind's list items have no apiVersion and kind; its watch events do.
    if (Array.isArray(answer.items)) answer.items = answer.items.map((item) => (isJsonObject(item) ? { apiVersion, kind, ...item } : item));
    return answer as unknown as InformerList;
  };

  let isReady = false;
  let readySettled = false;
  let stopped = false;
  let firstError: { readonly error: unknown } | undefined;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let restartDelay = FIRST_RESTART_DELAY_MS;
  let resolveReady!: () => void;
  let rejectReady!: (reason: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  const report = (error: unknown, source: WatchChangesErrorSource): void => {
    if (stopped) return;
    if (options.onError !== undefined) {
      try {
        options.onError(error, source);
        return;
      } catch (thrown) {
        error = thrown;
      }
    }
    queueMicrotask(() => {
      throw error;
    });
  };
  const tracker = new WatchChangesTracker(options, report);
  const informer: InformerLike = options.makeInformer(kubeConfig, path, list, labelSelector);

  /** Starts the informer; the restart delay goes back to its first value when no error came. */
  const start = async (): Promise<void> => {
    let failed = false;
    const onFailure = (): void => {
      failed = true;
    };
    informer.on('error', onFailure);
    try {
      await informer.start();
    } finally {
      informer.off('error', onFailure);
    }
    if (!failed) restartDelay = FIRST_RESTART_DELAY_MS;
  };
  /** Runs `run` after the current delay, which doubles (up to 30 s) for the next time. */
  const later = (run: () => void): void => {
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!stopped) run();
    }, restartDelay);
    restartDelay = Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
  };
  // client-node's informer stops after an error (a 410 Gone aside, which it handles with a relist).
  const onInformerError = (error?: unknown): void => {
    if (stopped) return;
    if (!isReady) {
      firstError ??= { error };
      return;
    }
    report(error, 'informer');
    later(() => void start().catch((thrown: unknown) => onInformerError(thrown)));
  };
  /** The start before `ready`: a 429 or 5xx is tried again, any other error ends the watch. */
  const firstStart = (): void => {
    firstError = undefined;
    start().then(
      () => {
        if (stopped) return;
        if (firstError !== undefined) return startFailed(firstError.error);
        isReady = readySettled = true;
        resolveReady();
      },
      (error: unknown) => {
        if (!stopped) startFailed(error);
      },
    );
  };
  const startFailed = (error: unknown): void => {
    if (isTransient(error)) {
      if (options.onError !== undefined) report(error, 'informer');
      later(firstStart);
      return;
    }
    readySettled = true;
    rejectReady(error);
    void stop(error);
  };

  let stopPromise: Promise<void> | undefined;
  const stop = (reason: unknown): Promise<void> => {
    if (stopPromise !== undefined) return stopPromise;
    stopped = true;
    tracker.close();
    clearTimeout(restartTimer);
    options.signal?.removeEventListener('abort', onAbort);
    if (!readySettled) {
      // Ended before it was ready: `ready` says so, and an unawaited `ready` is no unhandled rejection.
      readySettled = true;
      ready.catch(() => undefined);
      rejectReady(reason);
    }
    stopping.abort(reason);
    for (const verb of ['add', 'update', 'delete'] as const) informer.off(verb, tracker[verb]);
    informer.off('error', onInformerError);
    stopPromise = informer.stop();
    return stopPromise;
  };
  const onAbort = (): void => void stop(options.signal?.reason);

  for (const verb of ['add', 'update', 'delete'] as const) informer.on(verb, tracker[verb]);
  informer.on('error', onInformerError);
  if (options.signal?.aborted) {
    void stop(options.signal.reason);
  } else {
    options.signal?.addEventListener('abort', onAbort, { once: true });
    firstStart();
  }

  return { ready, stop: () => stop(new DOMException('kubepatch/client: watchChanges was stopped', 'AbortError')) };
}

/** 429 Too Many Requests (a CRD's storage still initializing) or a 5xx: worth trying again. */
function isTransient(error: unknown): boolean {
  const statusCode = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof statusCode === 'number' && (statusCode === 429 || statusCode >= 500);
}

function checkTarget(target: WatchTarget): void {
  const record = (typeof target === 'object' && target !== null ? target : {}) as Partial<Record<keyof WatchTarget, unknown>>;
  const fail = (problem: string): never => {
    throw new InvalidDocumentError(`watchChanges: the target ${problem}`, { input: 'target' });
  };
  const { apiVersion, kind } = record;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') fail('needs a string apiVersion and kind');
  for (const key of ['namespace', 'labelSelector', 'plural'] as const) {
    const value = record[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) fail(`has an invalid ${key}: ${JSON.stringify(value)}`);
  }
}
