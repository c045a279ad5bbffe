import type { JsonObject } from '../json/JsonValue.js';
import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * A computed strategic merge patch would not give the object asked for, because elements of a
 * merge list share their merge key: Go's merge (and so the API server and `kubectl`) matches list
 * elements by the merge key alone, and folds such elements into one. The classic case is a
 * Service with ports 53/TCP and 53/UDP (`ports` merge by `port`). `kubectl` sends the same patch
 * without a word; kubepatch refuses, and hands over the patch (`patch`, what `kubectl` would send)
 * and where `modified` is not reproduced (`path`, a JSON Pointer into `modified`).
 *
 * Send a JSON merge patch ({@link createMergePatch}), which replaces the list whole, or a JSON
 * Patch ({@link createJsonPatch}) for such an object instead.
 *
 * @example
 * ```ts
 * const service = (ports: object[]) => ({ apiVersion: 'v1', kind: 'Service', spec: { ports } });
 * createStrategicMergePatch(
 *   service([{ port: 53, protocol: 'TCP' }]),
 *   service([{ port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]),
 *   schemaFor('v1', 'Service')!,
 * ); // throws MergeKeyCollisionError, code MERGE_KEY_COLLISION, path "/spec/ports/1"
 * ```
 * @public
 */
export class MergeKeyCollisionError extends KubepatchError {
  /** Always `'MergeKeyCollisionError'`. */
  override name = 'MergeKeyCollisionError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'MERGE_KEY_COLLISION';
  /** The patch as Go computes it (what `kubectl` sends), which does not give `modified`. */
  readonly patch: JsonObject;

  constructor(message: string, context: KubepatchErrorContext & { readonly patch: JsonObject }) {
    super('MERGE_KEY_COLLISION', message, context);
    this.patch = context.patch;
  }
}
