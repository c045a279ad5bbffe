import { InvalidDocumentError, objectChanges, type JsonObject } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';
import type { WatchChangesErrorSource, WatchChangesOptions } from './watchChangesOptions.js';

type Handlers = Pick<WatchChangesOptions<unknown>, 'onAdd' | 'onUpdate' | 'onDelete' | 'predicate'>;
type Report = (error: unknown, source: WatchChangesErrorSource) => void;

/**
 * Turns an informer's events into `(old, new)` pairs: it keeps a copy of the last version of each
 * object (by namespace and name) seen in an add or update event, hands it with the new version to
 * `onUpdate`, and forgets it on delete. Every error (a handler's, a predicate's, an event that is
 * not an object) goes to `report`; none reaches the informer, in whose watch loop (an async
 * function nobody awaits) it would be an unhandled rejection.
 */
export class WatchChangesTracker {
  private readonly lastSeen = new Map<string, JsonObject>();
  /** Set by `close()`: events arriving after it are dropped. */
  private closed = false;

  constructor(
    private readonly handlers: Handlers,
    private readonly report: Report,
  ) {}

  /** The number of objects whose last version is kept. */
  get size(): number {
    return this.lastSeen.size;
  }

  /** From now on, events are ignored and nothing is kept. */
  close(): void {
    this.closed = true;
    this.lastSeen.clear();
  }

  readonly add = (value: unknown): void => {
    const object = this.accept(value, 'add');
    if (object === undefined) return;
    this.lastSeen.set(keyOf(object), structuredClone(object));
    this.call('onAdd', () => this.handlers.onAdd?.(object));
  };

  readonly update = (value: unknown): void => {
    const object = this.accept(value, 'update');
    if (object === undefined) return;
    const key = keyOf(object);
    const before = this.lastSeen.get(key);
    this.lastSeen.set(key, structuredClone(object));
    // An update for an object never seen is possible only with an informer started before the
    // wrapper listened; it is what the wrapper sees first, so it is an add.
    if (before === undefined) {
      this.call('onAdd', () => this.handlers.onAdd?.(object));
      return;
    }
    let changes;
    try {
      changes = objectChanges(before, object);
    } catch (error) {
      this.report(error, 'onUpdate');
      return;
    }
    const { predicate, onUpdate } = this.handlers;
    if (predicate !== undefined) {
      let pass: boolean;
      try {
        pass = predicate(before, object, changes);
      } catch (error) {
        this.report(error, 'predicate');
        return;
      }
      if (!pass) return;
    }
    this.call('onUpdate', () => onUpdate?.(before, object, changes));
  };

  readonly delete = (value: unknown): void => {
    const object = this.accept(value, 'delete');
    if (object === undefined) return;
    this.lastSeen.delete(keyOf(object));
    this.call('onDelete', () => this.handlers.onDelete?.(object));
  };

  private accept(value: unknown, event: string): JsonObject | undefined {
    if (this.closed) return undefined;
    if (isJsonObject(value)) return value;
    this.report(new InvalidDocumentError(`the informer's ${event} event carried no object: ${String(value)}`, { input: event }), 'informer');
    return undefined;
  }

  /** Runs a handler; its error, thrown or as a rejected promise, goes to `report`. */
  private call(source: WatchChangesErrorSource, run: () => void | Promise<void> | undefined): void {
    try {
      const result = run();
      if (result !== undefined && typeof (result as PromiseLike<void>).then === 'function') {
        (result as Promise<void>).then(undefined, (error: unknown) => this.report(error, source));
      }
    } catch (error) {
      this.report(error, source);
    }
  }
}

/** `namespace/name`, as client-node's cache keys objects (`/name` for a cluster-scoped one). */
function keyOf(object: JsonObject): string {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  return `${namespace}/${name}`;
}
