import type { JsonObject, ObjectChanges } from 'kubepatch';

/**
 * What {@link watchChanges} watches: every object of one kind, in one namespace or in all, with
 * an optional label selector.
 * @example
 * ```ts
 * const target: WatchTarget = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', labelSelector: 'tier=front' };
 * ```
 * @public
 */
export interface WatchTarget {
  /** `group/version`, or `v1` for the core group. */
  readonly apiVersion: string;
  /** The kind, e.g. `Deployment` or `Rollout`. */
  readonly kind: string;
  /** Only this namespace; every namespace (or a cluster-scoped kind) when absent. */
  readonly namespace?: string;
  /** A label selector, as in `kubectl get -l` (`app=web,tier!=db`), for the list and the watch. */
  readonly labelSelector?: string;
  /** The resource's plural name, when guessing it from the kind is wrong (see `ClientRequestOptions.plural`). */
  readonly plural?: string;
}

/**
 * The informer {@link watchChanges} drives: what `makeInformer` of `@kubernetes/client-node` 1.x
 * and 2.x returns (a `ListWatch`), as far as it is used. Objects reach the callbacks as `unknown`:
 * they are the JSON the server sent.
 * @example
 * ```ts
 * const informer: InformerLike = makeInformer(kc, '/apis/apps/v1/namespaces/shop/deployments', list);
 * ```
 * @public
 */
export interface InformerLike {
  /** Calls `callback` with each object added, updated or deleted. */
  on(verb: 'add' | 'update' | 'delete', callback: (object: unknown) => void): void;
  /** Calls `callback` on each error (the informer has stopped then) or (re)connection. */
  on(verb: 'error' | 'connect', callback: (error?: unknown) => void): void;
  /** Removes a callback added with `on`. */
  off(verb: 'add' | 'update' | 'delete', callback: (object: unknown) => void): void;
  /** Removes a callback added with `on`. */
  off(verb: 'error' | 'connect', callback: (error?: unknown) => void): void;
  /** Lists (unless it can resume from a resourceVersion) and opens the watch; resolves once the watch request is answered. */
  start(): Promise<void>;
  /** Ends the watch; the informer does not restart itself after it. */
  stop(): Promise<void>;
}

/**
 * The list an informer starts from, as {@link watchChanges} reads it: the server's JSON, with
 * `apiVersion` and `kind` filled in on items of a built-in kind, which come without them.
 * @example
 * ```ts
 * const list: InformerList = { metadata: { resourceVersion: '4711' }, items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }] };
 * ```
 * @public
 */
export interface InformerList {
  /** The list's apiVersion. */
  readonly apiVersion?: string;
  /** The list's kind, e.g. `DeploymentList`. */
  readonly kind?: string;
  /** The list's resourceVersion, from which the informer starts its watch. */
  readonly metadata?: { readonly resourceVersion?: string };
  /** The objects. */
  items: Array<{ apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; resourceVersion?: string } }>;
}

/**
 * `makeInformer` of `@kubernetes/client-node` (1.x or 2.x): pass the function itself. kubepatch/client
 * never imports client-node, so the informer is the one of the client-node your application uses.
 * @example
 * ```ts
 * import { makeInformer } from '@kubernetes/client-node';
 * const factory: MakeInformerLike<KubeConfig> = makeInformer;
 * ```
 * @public
 */
export type MakeInformerLike<C> = (kubeConfig: C, path: string, list: () => Promise<InformerList>, labelSelector?: string) => InformerLike;

/**
 * Where an error reported to {@link WatchChangesOptions.onError} came from: the informer (a failed
 * list or watch; the informer is started again after a pause), or one of the handlers.
 * @example
 * ```ts
 * const source: WatchChangesErrorSource = 'informer';
 * ```
 * @public
 */
export type WatchChangesErrorSource = 'informer' | 'onAdd' | 'onUpdate' | 'onDelete' | 'predicate';

/**
 * The handlers and settings of {@link watchChanges}. Handlers are called one event at a time, in
 * the order of the watch, and not awaited: a handler that returns a promise runs on while the
 * next event is delivered (put the work in a queue, as a controller does); its rejection goes to
 * `onError`. The objects are the JSON the server sent (timestamps as strings); `oldObject` is a
 * copy the wrapper kept, so changing it, or `newObject`, changes nothing for the next event.
 * @example
 * ```ts
 * const options: WatchChangesOptions<KubeConfig> = {
 *   makeInformer,
 *   predicate: generationChanged,
 *   onUpdate: (oldObject, newObject, changes) => queue.add(newObject.metadata.name),
 *   onError: (error, source) => log.warn({ error, source }, 'watch'),
 * };
 * ```
 * @public
 */
export interface WatchChangesOptions<C> {
  /** `makeInformer` of `@kubernetes/client-node`. */
  readonly makeInformer: MakeInformerLike<C>;
  /** An object the wrapper had not seen: each one of the initial list, then each one created. */
  readonly onAdd?: (object: JsonObject) => void | Promise<void>;
  /**
   * An object changed: the last version seen, the new one, and `objectChanges` of the two.
   * Only when `predicate` (if any) returns true.
   */
  readonly onUpdate?: (oldObject: JsonObject, newObject: JsonObject, changes: ObjectChanges) => void | Promise<void>;
  /** An object was deleted (its last state, as the watch or a relist reported it). */
  readonly onDelete?: (object: JsonObject) => void | Promise<void>;
  /**
   * Filters updates, as a controller-runtime predicate's `Update` does: `generationChanged`,
   * `labelsChanged`, `annotationsChanged`, `resourceVersionChanged` from `kubepatch`, or your own.
   * Adds and deletes are always delivered.
   */
  readonly predicate?: (oldObject: JsonObject, newObject: JsonObject, changes: ObjectChanges) => boolean;
  /**
   * Errors of the handlers, and of the informer after `ready` (it is then started again, after 1 s,
   * doubling up to 30 s while it keeps failing; before `ready`, its errors reject `ready`, but a
   * retried 429 or 5xx comes here too). Without it, each of these errors is thrown as an uncaught
   * exception, as Node does with an `'error'` event nobody listens to (a retried 429 or 5xx aside).
   */
  readonly onError?: (error: unknown, source: WatchChangesErrorSource) => void;
  /** Stops the watch when it fires, as `stop()` does. */
  readonly signal?: AbortSignal;
}

/**
 * A running {@link watchChanges}.
 * @example
 * ```ts
 * const watch: WatchChanges = watchChanges(kc, target, options);
 * await watch.ready;
 * await watch.stop();
 * ```
 * @public
 */
export interface WatchChanges {
  /**
   * Resolves once the initial list has been delivered to `onAdd` and the watch is open: a change
   * made after it is seen. Rejects with the first error of the list or the watch (a 403, a 404 for
   * a wrong plural), after which the wrapper has stopped, or with the reason when `stop()` or the
   * signal ended it first. A 429 (a CRD's storage still initializing) or a 5xx is tried again,
   * after the pauses of a restart, and reported to `onError` if there is one.
   */
  readonly ready: Promise<void>;
  /** Stops the informer; no handler is called after it resolves. */
  stop(): Promise<void>;
}
