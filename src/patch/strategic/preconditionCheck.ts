import { PreconditionFailedError } from '../../errors/PreconditionFailedError.js';
import type { JsonObject } from '../../json/JsonValue.js';
import type { PatchPrecondition } from '../merge-patch/preconditions.js';

/** Runs preconditions on a finished patch, like Go's loop over `mergepatch.PreconditionFunc`s. */
export function checkPreconditions(patch: JsonObject, preconditions: readonly PatchPrecondition[] = []): void {
  for (const precondition of preconditions) {
    if (precondition(patch)) continue;
    const field = precondition.path === undefined ? '' : ` (${precondition.path})`;
    throw new PreconditionFailedError(`precondition failed${field} for: ${JSON.stringify(patch)}`, { patch, path: precondition.path });
  }
}
