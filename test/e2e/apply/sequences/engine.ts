// The offline engine under test, asked what the server will answer to a step.
import { isKubepatchError, recordUpdate, serverSideApply, type ApplyConflict } from 'kubepatch';
import type { Obj } from '../../helpers/patchPodTemplate.js';
import type { EngineCall } from './plan.js';

/** The engine's answer: the object and managedFields it predicts, a conflict, or another error. */
export type EngineOutcome =
  | { readonly result: { readonly object: Obj; readonly managedFields: readonly Obj[] } }
  | { readonly conflict: { readonly message: string; readonly conflicts: readonly ApplyConflict[] } }
  | { readonly error: string };

/**
 * Runs the engine on copies of its inputs (a step's objects are reused in reports), at `now`:
 * the server orders managedFields by operation, then time (seconds), then manager, so the
 * engine gets the server's clock of the step.
 */
export function runEngine(live: Obj | null, call: EngineCall, now: Date): EngineOutcome {
  const before = live === null ? null : structuredClone(live);
  try {
    const answer =
      call.call === 'serverSideApply'
        ? serverSideApply(before, structuredClone(call.config), { ...call.options, now })
        : recordUpdate(before, structuredClone(call.after), { ...call.options, now });
    return { result: { object: answer.object as Obj, managedFields: answer.managedFields as readonly Obj[] } };
  } catch (error) {
    if (isKubepatchError(error, 'APPLY_CONFLICT')) return { conflict: { message: error.message, conflicts: error.conflicts } };
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The outcome as a report shows it: the predicted object without its managedFields (shown apart). */
export function shownOutcome(outcome: EngineOutcome): unknown {
  if (!('result' in outcome)) return outcome;
  const object = structuredClone(outcome.result.object);
  if (object.metadata && typeof object.metadata === 'object') delete object.metadata.managedFields;
  return { object, managedFields: outcome.result.managedFields };
}
