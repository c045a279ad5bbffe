import type { ApplyConflict } from '../errors/ApplyConflictError.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import type { FieldPointer } from './fieldsV1/jsonPointersOf.js';
import { applyOffline } from './serverSideApply.js';
import type { ServerSideApplyOptions, WriteResult } from './ServerSideApplyOptions.js';
import { applyTargetFor, readStored } from './target/applyTarget.js';
import { compareTyped } from './typed/compareTyped.js';
import { setOfEntries } from './typed/setEntries.js';
import { withManagedFields } from './serverSideApply.js';

/**
 * What a server-side apply would do, without throwing: {@link predictApply}'s answer.
 *
 * @example
 * ```ts
 * const { conflicts, removed }: ApplyPrediction = predictApply(live, manifest, { manager: 'deployer' });
 * ```
 * @public
 */
export interface ApplyPrediction {
  /**
   * The fields other managers own that the apply would change, as {@link ApplyConflictError}
   * lists them: the server refuses the apply with these unless it is forced, and a forced apply
   * takes them. Empty when there are none.
   */
  readonly conflicts: readonly ApplyConflict[];
  /** The server's 409 message for {@link ApplyPrediction.conflicts}, when there are any. */
  readonly conflictMessage: string | undefined;
  /** Whether the server would refuse the apply: conflicts, and no `force`. */
  readonly refused: boolean;
  /** What the server stores if the apply goes through: as given, or forced when it would be refused. */
  readonly result: WriteResult;
  /** Fields the stored object gains, with where they are in it. */
  readonly added: readonly FieldPointer[];
  /** Fields whose values change, with where they are in the stored object. */
  readonly modified: readonly FieldPointer[];
  /** Fields the stored object loses (the apply's removals, and what it replaces), with where they were in `live`. */
  readonly removed: readonly FieldPointer[];
}

/**
 * A server-side apply predicted, with everything it would do reported rather than thrown: its
 * conflicts (with their owners and the server's message), whether the server would refuse it,
 * what it stores (forced, when it would be refused, so that both can be shown), and the fields it
 * adds, changes and removes. `managedFields` and the server-assigned metadata are not reported
 * as changes. The rules are {@link serverSideApply}'s.
 *
 * @example
 * ```ts
 * const prediction = predictApply(live, manifest, { manager: 'deployer' });
 * if (prediction.refused) console.error(prediction.conflictMessage);
 * for (const field of prediction.removed) console.log('removes', field.serverPath);
 * ```
 * @public
 */
export function predictApply(live: JsonInput | null, config: JsonInput, options: ServerSideApplyOptions): ApplyPrediction {
  const first = applyOffline(live, config, options);
  const conflicts = first.kind === 'conflicts' ? first.error.conflicts : [];
  const conflictMessage = first.kind === 'conflicts' ? first.error.message : undefined;
  const outcome = first.kind === 'applied' ? first : applyOffline(live, config, { ...options, force: true });
  if (outcome.kind !== 'applied') throw outcome.error;
  const result = outcome.result;
  const target = applyTargetFor(result.object, options, 'config');
  const before = live === null ? {} : (withManagedFields(readStored(target, live as JsonValue) as JsonObject, []) as JsonValue);
  const after = withManagedFields(result.object, []);
  const comparison = compareTyped(before, after, target.schema);
  const changed = (entries: Parameters<typeof setOfEntries>[0], where: JsonValue) => setOfEntries(entries).toJsonPointers(where).filter((field) => !isServerMetadata(field));
  return {
    conflicts,
    conflictMessage,
    refused: conflicts.length > 0 && options.force !== true,
    result,
    added: changed(comparison.added, after),
    modified: changed(comparison.modified, after),
    removed: changed(comparison.removed, before),
  };
}

const SERVER_METADATA = new Set(['resourceVersion', 'generation', 'uid', 'creationTimestamp', 'managedFields', 'selfLink']);

function isServerMetadata(field: FieldPointer): boolean {
  const [first, second] = field.path;
  return first?.kind === 'field' && first.name === 'metadata' && second?.kind === 'field' && SERVER_METADATA.has(second.name);
}
