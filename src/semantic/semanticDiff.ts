import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { rolloutSchema } from '../rollout/rolloutSchema.js';
import { PatchSchema } from '../schema/PatchSchema.js';
import { schemaFor } from '../schema/schemaFor.js';
import { schemaFromCRD } from '../schema/schemaFromCRD.js';
import { argoRules } from './argoRules.js';
import { checkCrds, crdSchemaFor, fillCrdDefaults, findCrd } from './crdDefaultsFill.js';
import { compileIgnoreRules } from './ignoreRules.js';
import { SchemaLookup } from './SchemaLookup.js';
import type { SemanticChange } from './SemanticChange.js';
import { resolveNormalize, type SemanticDiffOptions } from './SemanticDiffOptions.js';
import { SemanticWalker } from './SemanticWalker.js';
import { fillServerDefaults, type Defaulted } from './serverDefaults.js';
import { explainStringData, foldStringData } from './stringData.js';
import { WalkNode } from './WalkNode.js';
import { webhookWrittenPatterns } from './webhookWritten.js';

const NOTHING_FILLED: ReadonlyMap<object, ReadonlySet<string>> = new Map();

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
 *   (`equalBecause`): `quantity`, `empty-equals-absent`, `default`, `crd-default`, `string-data`,
 *   `webhook-written`, `ignored` (with `ignoredBy`, the rule: one of `options.ignore`, the built-in
 *   {@link IGNORED_FIELDS}, or an Argo CD setting of `options.argocd`);
 * - for a `v1` Secret, `stringData` is folded into `data` as the API server stores it, and `data`
 *   and `stringData` values are masked as `kubectl diff` masks them.
 *
 * The schema is `options.schema`, else the schema of `b`'s CRD in `options.crds`, else
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
  if (options.argocd !== undefined && (typeof options.argocd !== 'object' || options.argocd === null || Array.isArray(options.argocd))) {
    throw new InvalidDocumentError('options.argocd: must be an object ({ ignoreDifferences?, argocdCm? })', { input: 'options.argocd' });
  }
  const crds = checkCrds(options.crds);
  const normalize = resolveNormalize(options.normalize);
  const apiVersion = typeMeta(b, 'apiVersion') ?? typeMeta(a, 'apiVersion');
  const kind = typeMeta(b, 'kind') ?? typeMeta(a, 'kind');
  const crd = findCrd(crds, apiVersion, kind);
  const schema = pickSchema(b, options.schema, crd);
  const secret = kind === 'Secret' && apiVersion === 'v1';

  // A Secret is compared as the API server stores it: `stringData` folded into `data`.
  const foldOld = secret && normalize.stringData ? foldStringData(a) : { value: a, keys: [] };
  const foldNew = secret && normalize.stringData ? foldStringData(b) : { value: b, keys: [] };
  const argo = argoRules(a, b, options.argocd, { folded: foldNew.keys.length > 0, crds });
  const ignore = compileIgnoreRules(options.ignore ?? [], normalize.ignoredFields, kind, argo.extra, argo.skip);

  // The defaults are filled into copies of the parts that get them; the changes copy their values.
  const schemas = new SchemaLookup();
  const fill = (value: JsonValue): Defaulted => {
    if (!normalize.defaults) return { value, filled: NOTHING_FILLED };
    if (crd !== undefined && apiVersion !== undefined) return fillCrdDefaults(value, crdSchemaFor(crd, apiVersion));
    return schema ? fillServerDefaults(value, schema, schemas) : { value, filled: NOTHING_FILLED };
  };
  const from = fill(foldOld.value);
  const to = fill(foldNew.value);
  const walker = new SemanticWalker({
    normalize, schemas, filledFrom: from.filled, filledTo: to.filled, secret,
    filledBecause: crd === undefined ? 'default' : 'crd-default',
    webhookWritten: normalize.webhookWritten ? webhookWrittenPatterns(apiVersion, kind) : undefined,
  });
  const out: SemanticChange[] = [];
  walker.compare(from.value, to.value, WalkNode.root(schema, ignore), out);
  return Object.freeze(explainStringData(out, foldNew.keys, a).map(freezeChange));
}
