import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { checkArgoVersion, type ArgoRolloutsVersion } from './ArgoRolloutsVersion.js';
import { fnv1a32 } from './fnv1a32.js';
import { stepsHashTypes } from './generated/rolloutTypes.js';
import { parseGoType, type GoType } from './gojson/GoType.js';
import { remarshal } from './gojson/remarshal.js';
import { safeEncodeString } from './safeEncodeString.js';

/**
 * Options of {@link stepHash} and {@link canaryStepsJson}.
 *
 * @example
 * ```ts
 * const options: StepHashOptions = { argoVersion: '1.8' };
 * ```
 * @public
 */
export interface StepHashOptions {
  /** The Argo Rollouts release line whose controller you reproduce. Default `'1.9'`. */
  readonly argoVersion?: ArgoRolloutsVersion;
}

const rootTypes = new Map<ArgoRolloutsVersion, GoType>();
const utf8 = new TextEncoder();

/** The Go type of `spec.strategy.canary.steps` in a release line, built on first use. */
function stepsType(line: ArgoRolloutsVersion): GoType {
  let type = rootTypes.get(line);
  if (type === undefined) {
    const table = stepsHashTypes[line];
    type = parseGoType(table.root, table.structs);
    rootTypes.set(line, type);
  }
  return type;
}

/**
 * The canary steps hash Argo Rollouts' controller computes for a Rollout and stores in
 * `status.currentStepHash`, exactly as `ComputeStepHash` (utils/conditions/conditions.go) does:
 *
 * 1. "if rollout.Spec.Strategy.BlueGreen != nil || rollout.Spec.Strategy.Canary == nil": `""`;
 * 2. otherwise `json.Marshal(rollout.Spec.Strategy.Canary.Steps)`, the bytes {@link canaryStepsJson}
 *    returns: the steps as the controller's Go structs hold them, so unknown fields are dropped,
 *    fields come in Go's order, `omitempty` applies per Go type, map keys are sorted and `<`, `>`,
 *    `&` are escaped;
 * 3. the 32-bit FNV-1a hash of those bytes (`fnv.New32a`), in decimal (`fmt.Sprint`);
 * 4. `rand.SafeEncodeString` of the decimal: each digit becomes a letter or digit of
 *    `bcdfghjklmnpqrstvwxz2456789`, one character per decimal digit: 10 characters for about 77% of
 *    hashes, 9 for 21%, 8 or fewer for 2.3% (docs/rollout-steps-hash.md).
 *
 * When this hash differs from `status.currentStepHash`, the controller treats the steps as changed
 * and restarts them from step 0 (no new ReplicaSet). Absent steps (`null`) and `[]` hash
 * differently. The 1.8 and 1.9 lines declare some step types differently, so the same steps can
 * hash differently: pick the line of the controller you run with `options.argoVersion`.
 *
 * Throws {@link InvalidDocumentError} when `rollout` is not a JSON object, when a value on the
 * way to the steps or inside them has a type Go could not decode (the controller could not read
 * such a Rollout either), or when `options.argoVersion` is not a supported line. `rollout` is
 * not changed.
 *
 * @example
 * ```ts
 * const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: { strategy: { canary: { steps: [{ pause: {} }] } } } };
 * stepHash(rollout); // '6b9b86fbd5'
 * stepHash({ spec: { strategy: { canary: {} } } }); // '5ffbfbbd64' (no steps: null)
 * stepHash({ spec: { strategy: { canary: { steps: [] } } } }); // '5f8cb5778f'
 * const analysis = { spec: { strategy: { canary: { steps: [{ analysis: { templates: [{ templateName: 'x' }] } }] } } } };
 * stepHash(analysis, { argoVersion: '1.9' }); // '687975f78c'
 * stepHash(analysis, { argoVersion: '1.8' }); // '76978c7bff'
 * ```
 * @public
 */
export function stepHash(rollout: JsonInput, options: StepHashOptions = {}): string {
  const argoVersion = checkArgoVersion(options?.argoVersion);
  assertJsonValue(rollout, 'rollout');
  const fail = (path: string, expected: string): never => {
    throw new InvalidDocumentError(`rollout: the value at ${path === '' ? 'the root' : path} must be ${expected}`, { path, input: 'rollout' });
  };
  if (!isJsonObject(rollout)) return fail('', 'a Rollout object');
  const strategy = objectAt(objectAt(rollout, 'spec', '/spec', fail), 'strategy', '/spec/strategy', fail);
  // A Go pointer is nil when the member is absent or null; any object, even {}, is a non-nil pointer.
  const blueGreen = objectAt(strategy, 'blueGreen', '/spec/strategy/blueGreen', fail);
  const canary = objectAt(strategy, 'canary', '/spec/strategy/canary', fail);
  if (blueGreen !== undefined || canary === undefined) return '';
  const json = remarshal(getOwn(canary, 'steps'), stepsType(argoVersion), 'rollout', ['spec', 'strategy', 'canary', 'steps']).json;
  return safeEncodeString(String(fnv1a32(utf8.encode(json))));
}

/**
 * The bytes Argo Rollouts' controller hashes for canary steps (see {@link stepHash}), as a
 * string: `json.Marshal` of `steps` decoded into the Go type `[]CanaryStep` of the chosen release
 * line. `undefined` and `null` (no steps) give `null`. Useful to see why two step lists hash
 * alike or differently.
 *
 * Throws {@link InvalidDocumentError} when `steps` is not a JSON value or holds a value Go could
 * not decode, and when `options.argoVersion` is not a supported line.
 *
 * @example
 * ```ts
 * const steps = [{ setWeight: 20, note: 'dropped' }, { pause: { duration: '1h' } }, { analysis: { templates: [{ templateName: 'x' }] } }];
 * canaryStepsJson(steps);
 * // '[{"setWeight":20},{"pause":{"duration":"1h"}},{"analysis":{"templates":[{"templateName":"x"}]}}]'
 * canaryStepsJson(steps, { argoVersion: '1.8' });
 * // '[{"setWeight":20},{"pause":{"duration":"1h"}},{"analysis":{"templates":[{"templateName":"x"}],"analysisRunMetadata":{}}}]'
 * ```
 * @public
 */
export function canaryStepsJson(steps: JsonInput | undefined, options: StepHashOptions = {}): string {
  const argoVersion = checkArgoVersion(options?.argoVersion);
  if (steps !== undefined) assertJsonValue(steps, 'steps');
  return remarshal(steps as JsonValue | undefined, stepsType(argoVersion), 'steps', []).json;
}

/** The object member `key` of `parent`: `undefined` when absent or null, as Go leaves a nil pointer. */
function objectAt(
  parent: JsonObject | undefined,
  key: string,
  path: string,
  fail: (path: string, expected: string) => never,
): JsonObject | undefined {
  const value = parent === undefined ? undefined : getOwn(parent, key);
  if (value === undefined || value === null) return undefined;
  return isJsonObject(value) ? value : fail(path, 'an object or null');
}
