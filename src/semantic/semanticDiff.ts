import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { rolloutSchema } from '../rollout/rolloutSchema.js';
import { PatchSchema } from '../schema/PatchSchema.js';
import { schemaFor } from '../schema/schemaFor.js';
import { compileIgnoreRules } from './ignoreRules.js';
import { SchemaLookup } from './SchemaLookup.js';
import type { SemanticChange } from './SemanticChange.js';
import { resolveNormalize, type SemanticDiffOptions } from './SemanticDiffOptions.js';
import { SemanticWalker } from './SemanticWalker.js';
import { fillServerDefaults } from './serverDefaults.js';
import { WalkNode } from './WalkNode.js';

const NOTHING_FILLED: ReadonlyMap<object, ReadonlySet<string>> = new Map();

function typeMeta(value: JsonValue, key: 'apiVersion' | 'kind'): string | undefined {
  const found = isJsonObject(value) ? getOwn(value, key) : undefined;
  return typeof found === 'string' ? found : undefined;
}

/** `options.schema`, else the built-in schema of `b`'s kind, else the Rollout CRD's, else none. */
function pickSchema(b: JsonValue, given: PatchSchema | undefined): PatchSchema | undefined {
  if (given !== undefined) return given;
  const apiVersion = typeMeta(b, 'apiVersion');
  const kind = typeMeta(b, 'kind');
  if (apiVersion === undefined || kind === undefined) return undefined;
  if (apiVersion === 'argoproj.io/v1alpha1' && kind === 'Rollout') return rolloutSchema();
  return schemaFor(apiVersion, kind);
}

function freezeChange(change: SemanticChange): SemanticChange {
  return Object.freeze(change);
}

/**
 * The differences between two Kubernetes objects `a` (old, e.g. live) and `b` (new, e.g.
 * desired) that matter to Kubernetes, as a list of {@link SemanticChange}s in document order:
 *
 * - paths are Kubernetes-style (`spec.template.spec.containers[name=app].image`); lists with
 *   list-map keys or a merge key are matched by key (`ports[containerPort=80,protocol=TCP]`), a
 *   changed order is one `reordered` entry per list, and a duplicate key gives `duplicate-key`
 *   entries and a positional comparison of that list;
 * - differences that normalizations hide are kept as `equivalent` entries saying why
 *   (`equalBecause`): `quantity`, `empty-equals-absent`, `default`, `ignored`;
 * - for a `v1` Secret, `data` and `stringData` values are masked as `kubectl diff` masks them.
 *
 * The schema is `options.schema`, else {@link schemaFor} `b`, else {@link rolloutSchema} for an
 * `argoproj.io/v1alpha1` Rollout, else none (plain JSON, lists by position). Inputs are checked
 * ({@link InvalidDocumentError}) and never changed; the result and its values are new.
 *
 * @example
 * ```ts
 * const live = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
 *   spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1000m' } } }] } };
 * const desired = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
 *   spec: { containers: [{ name: 'app', image: 'app:2', resources: { limits: { cpu: 1 } } }] } };
 * semanticDiff(live, desired);
 * // [{ path: 'spec.containers[name=app].image', pointer: '/spec/containers/0/image', kind: 'changed', from: 'app:1', to: 'app:2' },
 * //  { path: 'spec.containers[name=app].resources.limits.cpu', pointer: '/spec/containers/0/resources/limits/cpu',
 * //    kind: 'equivalent', from: '1000m', to: 1, equalBecause: 'quantity' }]
 * ```
 * @public
 */
export function semanticDiff(a: unknown, b: unknown, options: SemanticDiffOptions = {}): readonly SemanticChange[] {
  assertJsonValue(a, 'a');
  assertJsonValue(b, 'b');
  if (typeof options !== 'object' || options === null) {
    throw new InvalidDocumentError('options: must be an object', { input: 'options' });
  }
  if (options.schema !== undefined && !(options.schema instanceof PatchSchema)) {
    throw new InvalidDocumentError('options.schema: must be a PatchSchema', { input: 'options.schema' });
  }
  if (options.ignore !== undefined && !Array.isArray(options.ignore)) {
    throw new InvalidDocumentError('options.ignore: must be an array of ignore rules', { input: 'options.ignore' });
  }
  const normalize = resolveNormalize(options.normalize);
  const schema = pickSchema(b, options.schema);
  const kind = typeMeta(b, 'kind') ?? typeMeta(a, 'kind');
  const ignore = compileIgnoreRules(options.ignore ?? [], normalize.ignoredFields, kind);
  const secret = kind === 'Secret' && (typeMeta(b, 'apiVersion') ?? typeMeta(a, 'apiVersion')) === 'v1';

  // The defaults are filled into copies of the parts that get them; the changes copy their values.
  const schemas = new SchemaLookup();
  const from = normalize.defaults && schema ? fillServerDefaults(a, schema, schemas) : { value: a, filled: NOTHING_FILLED };
  const to = normalize.defaults && schema ? fillServerDefaults(b, schema, schemas) : { value: b, filled: NOTHING_FILLED };
  const walker = new SemanticWalker({ normalize, schemas, filledFrom: from.filled, filledTo: to.filled, secret });
  const out: SemanticChange[] = [];
  walker.compare(from.value, to.value, WalkNode.root(schema, ignore), out);
  return Object.freeze(out.map(freezeChange));
}
