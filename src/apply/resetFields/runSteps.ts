import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { memberAt, restoreMember, withMember } from './memberPath.js';
import type { RequestUser, ResetStep, StatusSubresourceKind } from './ResetRules.js';
import { OBJECT_META_FOR_STATUS } from './ruleBuilders.js';
import { specialRules } from './specialRules.js';

/** What the steps of one write run on. @internal */
export interface StepContext {
  readonly entry: StatusSubresourceKind;
  readonly apiVersion: string;
  readonly written: JsonObject;
  /** `null` on create. */
  readonly live: JsonObject | null;
  readonly now: string | undefined;
  readonly user: RequestUser | undefined;
}

/**
 * Runs a strategy's steps on the written object, in order, each on the result of the one before.
 * Copy on write: the result shares every member no step changed with `written` (and the restored
 * ones with `live`), and is `written` itself when no step changed anything.
 * @internal
 */
export function runSteps(steps: readonly ResetStep[], context: StepContext): JsonObject {
  const { live } = context;
  let object = context.written;
  for (const step of steps) {
    switch (step.op) {
      case 'restore':
        object = restoreMember(object, live, step.path);
        break;
      case 'restoreBut': {
        const old = memberAt(live, step.path);
        let base: JsonObject = isJsonObject(old) ? old : {};
        for (const relative of step.except) base = withMember(base, relative, memberAt(object, [...step.path, ...relative]));
        if (step.path.length > 0) object = withMember(object, step.path, base);
        else if (!jsonEqual(base, object)) object = base;
        break;
      }
      case 'resetObjectMetaForStatus':
        for (const name of OBJECT_META_FOR_STATUS) object = restoreMember(object, live, ['metadata', name]);
        break;
      case 'zeroStatus':
        object = withMember(object, ['status'], zeroStatus(context.entry, context.apiVersion));
        break;
      case 'removeStatus':
        object = withMember(object, ['status'], undefined);
        break;
      case 'special':
        object = specialRules[step.rule]({ object, live, apiVersion: context.apiVersion, now: context.now, user: context.user });
        break;
    }
  }
  return object;
}

/** The JSON of Go's zero status struct for the apiVersion (a fresh copy: results never share the table's values). */
function zeroStatus(entry: StatusSubresourceKind, apiVersion: string): JsonValue {
  const table = entry.zeroStatus ?? {};
  const own = Object.prototype.hasOwnProperty.call(table, apiVersion) ? table[apiVersion] : table['default'];
  return cloneJson(own ?? {});
}
