import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { parseJsonPointer } from '../../json/pointer.js';
import type { ArgoDiffSettings, ArgoIgnoreContext, ArgoRuleSource, IgnoredField } from './ArgoDiffSettings.js';
import { readCompareOptions } from './compareOptions.js';
import { applicationEntries, entryMatches, identityOf, overrideEntries, trustedManagers, type IgnoreEntry } from './ignoreEntries.js';
import { compileJqPath, type CompiledJqPath } from './jq/compileJqPath.js';
import { deletionSteps } from './jq/jqDelpaths.js';
import { JqCompileError } from './jq/lexJq.js';
import { compareJq, JqRuntimeError } from './jq/jqValues.js';
import { managedFieldsRemovals } from './managedFieldsRule.js';
import { removeJsonPointer } from './removeJsonPointer.js';
import { resourceOverrides, type SourcedRule } from './resourceOverrides.js';
import { WorkingDocument, type Step } from './WorkingDocument.js';

/**
 * The fields of `object` (a live or desired manifest) that Argo CD's diff settings leave out,
 * resolved to JSON Pointers in `object`, each with the rule that removes it, in the order Argo
 * CD removes them (each rule sees what the earlier ones left; the pointers are always into
 * `object` as given). What Argo CD 3 does before comparing two objects:
 *
 * 1. `managedFieldsManagers` (util/argo/diff/diff.go `preDiffNormalize`, before anything else):
 *    the fields the trusted managers own in the **live** object's `managedFields` where live
 *    and desired both have them with different values, removed from **both** sides; see
 *    `managedFieldsRemovals`. They need the pair: `context.live`, and `context.desired` when
 *    `object` is the live object (without it `object` is taken as the desired side). The
 *    managers come from the override of exactly the desired object's `group/kind`, the `all`
 *    override and every matching Application entry.
 * 2. gitops-engine's `Normalize`: `metadata.creationTimestamp` goes (not reported: no setting
 *    makes it), and with `ignoreAggregatedRoles` an `rbac.authorization.k8s.io` `Role` or
 *    `ClusterRole` whose `aggregationRule` is an object has `rules` set to `null`: reported as
 *    `/rules`, source key `resource.compareoptions`.
 * 3. the ignore normalizer (util/argo/normalizers/diff_normalizer.go): the Application's entries
 *    in order, then the `argocd-cm` overrides (`status` from `resource.compareoptions` among
 *    them), each entry's `jsonPointers` then its `jqPathExpressions`, for the entries whose
 *    filter matches `object` (`group`/`kind` globs, `name`, `namespace`; see `argoGlobMatch`).
 *    A pointer that is not there removes nothing, silently (see `removeJsonPointer` for how
 *    evanphx/json-patch reads one). A jq expression runs as gojq's `del(expr)`: every path
 *    `path(expr)` yields on the document goes; if it fails (`.spec.missing[]` iterates `null`)
 *    the rule removes nothing. A path to the whole object is reported as `""`.
 *
 * Throws `InvalidDocumentError` (`input: 'settings'`, `path` at the entry or `argocd-cm` key)
 * where Argo CD refuses the settings: an `argocd-cm` value it cannot parse, or a jq expression
 * gojq cannot compile (any one, matching or not), and where kubepatch's jq subset lacks what
 * an expression uses (see `compileJqPath`). `object` and `settings` are not changed.
 *
 * @example
 * ```ts
 * const settings = { ignoreDifferences: [{ group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration', jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'] }] };
 * argoIgnoredFields(liveWebhookConfiguration, settings, {}).map((f) => f.pointer);
 * // → ['/webhooks/0/clientConfig/caBundle', '/webhooks/1/clientConfig/caBundle', '/status'] (status: Argo CD 3's default)
 * ```
 * @public
 */
export function argoIgnoredFields(object: JsonObject, settings: ArgoDiffSettings, context: ArgoIgnoreContext = {}): IgnoredField[] {
  const overrides = resourceOverrides(settings);
  const options = readCompareOptions(settings.argocdCm ?? {});
  const application = applicationEntries(settings);
  const entries = [...application, ...overrideEntries(overrides)];
  const compiled = compileAll(entries);
  const doc = new WorkingDocument(object);
  const out: IgnoredField[] = [];

  const live = context.live ?? null;
  const desired = context.desired ?? (object === live ? null : object);
  if (live !== null && desired !== null) {
    const side = object === live && object !== desired ? 'live' : 'desired';
    const removals = managedFieldsRemovals(live, desired, trustedManagers(overrides, application, identityOf(desired)), context.crds ?? []);
    const emptied: Step[][] = [];
    const located = removals.flatMap((removal) => {
      const steps = stepsOf(doc, removal[side]);
      return steps === undefined ? [] : [{ steps, removal }];
    });
    // Deepest and last first, so that removing a list element never shifts one still to remove.
    located.sort((a, b) => -compareJq(a.steps, b.steps));
    for (const { steps, removal } of located) {
      out.push({ pointer: doc.remove(steps), rule: removal.rule.source });
      for (let n = steps.length - 1; n > 0; n--) emptied.push(steps.slice(0, n));
    }
    // RemoveItems leaves a map or list it emptied as `null`.
    for (const steps of emptied.sort((a, b) => b.length - a.length)) {
      const value = doc.get(steps);
      if ((Array.isArray(value) && value.length === 0) || (isJsonObject(value) && Object.keys(value).length === 0)) doc.set(steps, null);
    }
  }

  const root = doc.root;
  if (isJsonObject(root)) {
    const metadata = getOwn(root, 'metadata');
    if (isJsonObject(metadata) && getOwn(metadata, 'creationTimestamp') !== undefined) doc.remove(['metadata', 'creationTimestamp']);
  }
  const id = identityOf(object);
  if (options.ignoreAggregatedRoles && id.group === 'rbac.authorization.k8s.io' && (id.kind === 'Role' || id.kind === 'ClusterRole') && isJsonObject(root)) {
    if (isJsonObject(getOwn(root, 'aggregationRule'))) {
      doc.set(['rules'], null);
      const rule: ArgoRuleSource = { source: 'argocd-cm', key: 'resource.compareoptions', groupKind: `${id.group}/${id.kind}`, index: 0, field: 'jsonPointers', expression: '/rules' };
      out.push({ pointer: '/rules', rule });
    }
  }

  for (const entry of entries) {
    if (!entryMatches(entry, id)) continue;
    for (const rule of entry.jsonPointers) {
      const pointer = removeJsonPointer(doc, rule.expression);
      if (pointer !== undefined) out.push({ pointer, rule: rule.source });
    }
    for (const rule of entry.jqPathExpressions) {
      for (const pointer of removeJqPaths(doc, compiled.get(rule)!)) out.push({ pointer, rule: rule.source });
    }
  }
  return out;
}

/** Every jq expression of every entry, compiled up front as `NewIgnoreNormalizer` does. */
function compileAll(entries: readonly IgnoreEntry[]): Map<object, CompiledJqPath> {
  const compiled = new Map<object, CompiledJqPath>();
  for (const entry of entries) {
    for (const rule of entry.jqPathExpressions) {
      try {
        compiled.set(rule, compileJqPath(rule.expression));
      } catch (error) {
        if (!(error instanceof JqCompileError)) throw error;
        throw invalidExpression(rule, error);
      }
    }
  }
  return compiled;
}

/** gojq's `del(expr)` on the working document; nothing when the run or the deletion fails. */
function removeJqPaths(doc: WorkingDocument, compiled: CompiledJqPath): string[] {
  if (doc.root === undefined) return [];
  let steps: (string | number)[][];
  try {
    const result = compiled.paths(doc.root);
    if ('error' in result) return [];
    steps = deletionSteps(doc.root, result.paths as JsonValue[]);
  } catch (error) {
    if (error instanceof JqRuntimeError) return [];
    if (error instanceof JqCompileError) throw new InvalidDocumentError(`jq: ${error.message}`, { input: 'settings' });
    throw error;
  }
  return steps.map((s) => doc.remove(s)).reverse();
}

/** The steps of a pointer in the working document (numbers where it holds arrays). */
function stepsOf(doc: WorkingDocument, pointer: string): Step[] | undefined {
  const steps: Step[] = [];
  for (const token of parseJsonPointer(pointer)) {
    const at = doc.get(steps);
    steps.push(Array.isArray(at) ? Number(token) : token);
  }
  return doc.get(steps) === undefined ? undefined : steps;
}

function invalidExpression(rule: SourcedRule, error: JqCompileError): InvalidDocumentError {
  const kind = error.reason === 'syntax' ? 'is not a valid jq expression' : "uses jq that kubepatch's jq subset does not run";
  return new InvalidDocumentError(`settings${rule.pointer}: ${JSON.stringify(rule.expression)} ${kind}: ${error.message} (at offset ${error.at})`, {
    input: 'settings',
    path: rule.pointer,
  });
}
