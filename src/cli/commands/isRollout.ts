import type { JsonObject } from '../../json/JsonValue.js';

/** An Argo Rollout: `kind: Rollout` of the `argoproj.io` group. */
export function isRollout(object: JsonObject): boolean {
  return object.kind === 'Rollout' && typeof object.apiVersion === 'string' && object.apiVersion.startsWith('argoproj.io/');
}
