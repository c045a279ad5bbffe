import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { NOT_JSON } from '../json/notJson.js';
import { rolloutSchema } from '../rollout/rolloutSchema.js';
import { PatchSchema } from '../schema/PatchSchema.js';
import { schemaFor } from '../schema/schemaFor.js';
import { schemaFromCRD } from '../schema/schemaFromCRD.js';
import { isSealedCrd } from '../schema/sealedCrd.js';
import { argoRules } from './argoRules.js';
import { checkCrds, crdOfSchema, crdSchemaFor, fillCrdDefaults, findCrd } from './crdDefaultsFill.js';
import { compileIgnoreRules } from './ignoreRules.js';
import { SchemaLookup } from './SchemaLookup.js';
import type { SemanticChange } from './SemanticChange.js';
import { resolveNormalize, type SemanticDiffOptions } from './SemanticDiffOptions.js';
import { QuietPair } from './quietPair.js';
import { SemanticWalker } from './SemanticWalker.js';
import { LazyServerDefaults, PrefilledSide, type SideDefaults } from './SideDefaults.js';
import { explainStringData, foldStringData } from './stringData.js';
import { WalkNode } from './WalkNode.js';
import { webhookWrittenPatterns } from './webhookWritten.js';

function typeMeta(value: JsonValue, key: 'apiVersion' | 'kind'): string | undefined {
  const found = isJsonObject(value) ? getOwn(value, key) : undefined;
  return typeof found === 'string' ? found : undefined;
}

/**
 * `options.schema`, else the schema of the CRD given for `b`'s kind (matched by group and kind, so
 * never a built-in kind), else the Rollout CRD's, else the built-in schema of `b`'s kind, else none.
 */
function pickSchema(b: JsonValue, given: PatchSchema | undefined, crd: object | undefined): PatchSchema | undefined {
  if (given !== undefined) return given;
  const apiVersion = typeMeta(b, 'apiVersion');
  const kind = typeMeta(b, 'kind');
  if (apiVersion === undefined || kind === undefined) return undefined;
  if (crd !== undefined) return schemaFromCRD(crd, apiVersion.slice(apiVersion.lastIndexOf('/') + 1));
  if (apiVersion === 'argoproj.io/v1alpha1' && kind === 'Rollout') return rolloutSchema();
  return schemaFor(apiVersion, kind);
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
 *   (`equalBecause`): `quantity`, `empty-equals-absent`, `default`, `crd-default`, `string-data`,
 *   `webhook-written`, `ignored` (with `ignoredBy`, the rule: one of `options.ignore`, the built-in
 *   {@link IGNORED_FIELDS}, or an Argo CD setting of `options.argocd`);
 * - for a `v1` Secret, `stringData` is folded into `data` as the API server stores it, and `data`
 *   and `stringData` values are masked as `kubectl diff` masks them.
 *
 * The schema is `options.schema` (one from {@link schemaFromCRD} brings the CRD's defaults, as
 * `options.crds` does), else the schema of `b`'s CRD in `options.crds`, else
 * {@link rolloutSchema} for an `argoproj.io/v1alpha1` Rollout, else {@link schemaFor} `b`, else
 * none (plain JSON, lists by position). `a` is the live object for Argo CD's `managedFieldsManagers`
 * and for the webhook-written fields. Inputs are checked ({@link InvalidDocumentError}) and never
 * changed; the result and its values are new.
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
  if (!walkChecks(a, b, options)) {
    assertJsonValue(a, 'a');
    assertJsonValue(b, 'b');
    return diffDocuments(a, b, options, false);
  }
  try {
    return diffDocuments(a as JsonValue, b as JsonValue, options, true);
  } catch (error) {
    // Whatever went wrong, a document that is not JSON is the error, as when checked first; the
    // walk only knows that something is not JSON, these say what and where.
    assertJsonValue(a, 'a');
    assertJsonValue(b, 'b');
    // Both apply the same rules, so this is not reached; if it were, the result is still right.
    if (error === NOT_JSON) return diffDocuments(a, b, options, false);
    throw error;
  }
}

/**
 * One side of the comparison with its defaults: none (the normalization is off, or no schema), a
 * CRD's filled in up front (`crd`: the schema of the object's version), or the server's, filled in as the walk goes (the root
 * object's own here).
 */
function sideOf(
  value: JsonValue, defaults: boolean, crd: { readonly schema: unknown; readonly sealed: boolean } | undefined, schema: PatchSchema | undefined, schemas: SchemaLookup, checks: boolean,
): { value: JsonValue; defaults: SideDefaults } {
  if (!defaults) return { value, defaults: new PrefilledSide() };
  if (crd !== undefined) {
    const filled = fillCrdDefaults(value, crd.schema, { sealed: crd.sealed });
    return { value: filled.value, defaults: new PrefilledSide(filled.filled) };
  }
  if (schema === undefined) return { value, defaults: new PrefilledSide() };
  const lazy = new LazyServerDefaults(schemas, checks);
  return { value: isJsonObject(value) ? lazy.object(value, schema) : value, defaults: lazy };
}

/**
 * Whether the walk can check the documents as it reads them, instead of a walk of each up front:
 * when nothing reads them before it (Argo CD's rules, a CRD's defaults, a Secret's `stringData`
 * fold read or copy them first).
 */
function walkChecks(a: unknown, b: unknown, options: SemanticDiffOptions): boolean {
  if (a === undefined || b === undefined || typeof options !== 'object' || options === null || options.argocd !== undefined || options.crds !== undefined) return false;
  const kind = typeMeta(b as JsonValue, 'kind') ?? typeMeta(a as JsonValue, 'kind');
  return kind !== 'Secret';
}

/** {@link semanticDiff} of two documents, checked up front, or by the walk (`checks`, which then throws `NOT_JSON`). */
function diffDocuments(a: JsonValue, b: JsonValue, options: SemanticDiffOptions, checks: boolean): readonly SemanticChange[] {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidDocumentError('options: must be an object', { input: 'options' });
  }
  if (options.schema !== undefined && !(options.schema instanceof PatchSchema)) {
    throw new InvalidDocumentError('options.schema: must be a PatchSchema', { input: 'options.schema' });
  }
  if (options.ignore !== undefined && !Array.isArray(options.ignore)) {
    throw new InvalidDocumentError('options.ignore: must be an array of ignore rules', { input: 'options.ignore' });
  }
  if (options.argocd !== undefined && (typeof options.argocd !== 'object' || options.argocd === null || Array.isArray(options.argocd))) {
    throw new InvalidDocumentError('options.argocd: must be an object ({ ignoreDifferences?, argocdCm? })', { input: 'options.argocd' });
  }
  const crds = checkCrds(options.crds);
  const normalize = resolveNormalize(options.normalize);
  const apiVersion = typeMeta(b, 'apiVersion') ?? typeMeta(a, 'apiVersion');
  const kind = typeMeta(b, 'kind') ?? typeMeta(a, 'kind');
  const crd = findCrd(crds, apiVersion, kind) ?? crdOfSchema(options.schema, apiVersion, kind);
  const schema = pickSchema(b, options.schema, crd);
  const secret = kind === 'Secret' && apiVersion === 'v1';

  // A Secret is compared as the API server stores it: `stringData` folded into `data`.
  const foldOld = secret && normalize.stringData ? foldStringData(a) : { value: a, keys: [] };
  const foldNew = secret && normalize.stringData ? foldStringData(b) : { value: b, keys: [] };
  const argo = argoRules(a, b, options.argocd, { folded: foldNew.keys.length > 0, crds });
  const ignore = compileIgnoreRules(options.ignore ?? [], normalize.ignoredFields, kind, argo.extra, argo.skip);

  // The defaults are filled into copies of the objects that get them (the server's as the walk
  // reaches each object, a CRD's up front); the changes copy their values.
  const schemas = new SchemaLookup();
  const crdFill = crd !== undefined && apiVersion !== undefined && normalize.defaults ? { schema: crdSchemaFor(crd, apiVersion), sealed: isSealedCrd(crd) } : undefined;
  const from = sideOf(foldOld.value, normalize.defaults, crdFill, schema, schemas, checks);
  const to = sideOf(foldNew.value, normalize.defaults, crdFill, schema, schemas, checks);
  // Equal parts are told apart before their defaults, unless those were filled up front (a CRD's).
  const lazy = from.defaults instanceof LazyServerDefaults && to.defaults instanceof LazyServerDefaults;
  const quiet = lazy || from.defaults.marks.size + to.defaults.marks.size === 0
    ? new QuietPair(schemas, lazy, lazy ? (from.defaults as LazyServerDefaults).ancestors : [], lazy ? (to.defaults as LazyServerDefaults).ancestors : [], checks)
    : undefined;
  const walker = new SemanticWalker({
    normalize, schemas, from: from.defaults, to: to.defaults, secret, quiet, checks,
    filledBecause: crd === undefined ? 'default' : 'crd-default',
    webhookWritten: normalize.webhookWritten ? webhookWrittenPatterns(apiVersion, kind) : undefined,
  });
  const out: SemanticChange[] = [];
  walker.compare(from.value, to.value, WalkNode.root(schema, ignore), out);
  const changes = foldNew.keys.length === 0 ? out : explainStringData(out, foldNew.keys, a);
  for (const change of changes) Object.freeze(change);
  return Object.freeze(changes);
}
