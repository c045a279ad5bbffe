import type { JsonValue } from '../../json/JsonValue.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { ArgoDiffSettings, ArgoRuleSource } from './ArgoDiffSettings.js';
import { readCompareOptions } from './compareOptions.js';
import { goDecodeError, goField, goParseBool, goString, goStringList, goStruct, readGoYaml } from './goYamlDecode.js';

/**
 * One rule of an override: what it says, and where it was written.
 * @example
 * ```ts
 * const rule: SourcedRule = { expression: '/spec/replicas', source: { source: 'application', index: 0, field: 'jsonPointers', expression: '/spec/replicas' }, pointer: '/ignoreDifferences/0/jsonPointers/0' };
 * ```
 * @internal
 */
export interface SourcedRule {
  readonly expression: string;
  readonly source: ArgoRuleSource;
  /** JSON Pointer of the rule in the settings (`/ignoreDifferences/0/jsonPointers/1`, `/argocdCm/<key>/jsonPointers/0`). */
  readonly pointer: string;
}

/**
 * The ignore rules filed under one override key (`apps/Deployment`, `*` + `/` + `*`, `Certificate`).
 * @example
 * ```ts
 * const rules: OverrideRules = { jsonPointers: [], jqPathExpressions: [], managedFieldsManagers: [] };
 * ```
 * @internal
 */
export interface OverrideRules {
  readonly jsonPointers: SourcedRule[];
  readonly jqPathExpressions: SourcedRule[];
  readonly managedFieldsManagers: SourcedRule[];
}

const BLOB_KEY = 'resource.customizations';
const COMPARE_OPTIONS_KEY = 'resource.compareoptions';
const ALL = '*/*';
const CRD = 'apiextensions.k8s.io/CustomResourceDefinition';

/**
 * Argo CD's resource overrides from `argocd-cm`, as `SettingsManager.GetResourceOverrides`
 * (util/settings/settings.go) builds them, reduced to their ignore rules:
 *
 * 1. the `resource.customizations` YAML blob, a map from `group/kind` to an override whose
 *    `ignoreDifferences` is itself a YAML text;
 * 2. every key starting `resource.customizations`, split as `resource.customizations.<type>.<group_kind>`
 *    (`strings.SplitN(k, ".", 4)`; fewer parts are skipped). `<group_kind>` is `group_Kind`
 *    (`apps_Deployment`, `_Service` for the core group) or a bare kind, and `all` is `*` + `/` + `*`
 *    (`convertToOverrideKey`). A `<type>` of `ignoreDifferences` replaces the blob's rules for
 *    that key; `health`, `actions`, `useOpenLibs`, `ignoreResourceUpdates` and `knownTypeFields`
 *    are checked as Argo CD parses them, any other type fails ("resource customization type %s not supported");
 * 3. `/status` for every kind or for CRDs, by `resource.compareoptions`'s `ignoreResourceStatusField`.
 *
 * Anything Argo CD fails to parse throws `InvalidDocumentError` (`input: 'settings'`), as Argo CD
 * then computes no diff. Go walks the keys in map order; where two keys name one override (`all`
 * and an explicit wildcard key), the later in sorted order wins here.
 * @example
 * ```ts
 * resourceOverrides({ argocdCm: { 'resource.customizations.ignoreDifferences.all': 'jsonPointers: [/spec/replicas]' } }).get(ALL);
 * ```
 * @internal
 */
export function resourceOverrides(settings: ArgoDiffSettings): Map<string, OverrideRules> {
  const data = settings.argocdCm ?? {};
  const overrides = new Map<string, OverrideRules>();
  const blob = data[BLOB_KEY];
  if (typeof blob === 'string' && blob !== '') readBlob(blob, overrides);
  for (const key of Object.keys(data).sort()) {
    if (!key.startsWith(BLOB_KEY)) continue;
    const parts = splitN(key, '.', 4);
    if (parts.length < 4) continue;
    const at = `/argocdCm/${escapePointerToken(key)}`;
    let groupKind = overrideKey(parts[3]!, at);
    if (groupKind === 'all') groupKind = ALL;
    const text = data[key]!;
    switch (parts[2]) {
      case 'health':
      case 'actions':
        break;
      case 'useOpenLibs':
        goParseBool(text, at);
        break;
      case 'ignoreDifferences':
        overrides.set(groupKind, readIgnoreDiff(readGoYaml(text, at), at, { source: 'argocd-cm', key, groupKind, index: 0 }));
        break;
      case 'ignoreResourceUpdates':
        readIgnoreDiff(readGoYaml(text, at), at, { source: 'argocd-cm', key, groupKind, index: 0 });
        break;
      case 'knownTypeFields':
        readKnownTypeFields(readGoYaml(text, at), at);
        break;
      default:
        goDecodeError(at, `resource customization type ${parts[2]} not supported`);
    }
  }
  const status = readCompareOptions(data).ignoreResourceStatusField;
  if (status !== 'off') {
    const groupKind = status === 'all' ? ALL : CRD;
    const rules = overrides.get(groupKind) ?? emptyRules();
    const source: ArgoRuleSource = { source: 'argocd-cm', key: COMPARE_OPTIONS_KEY, groupKind, index: 0, field: 'jsonPointers', expression: '/status' };
    rules.jsonPointers.push({ expression: '/status', source, pointer: `/argocdCm/${COMPARE_OPTIONS_KEY}/ignoreResourceStatusField` });
    overrides.set(groupKind, rules);
  }
  return overrides;
}

function emptyRules(): OverrideRules {
  return { jsonPointers: [], jqPathExpressions: [], managedFieldsManagers: [] };
}

/** Go's `strings.SplitN`. */
function splitN(text: string, separator: string, n: number): string[] {
  const parts = text.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

/** `convertToOverrideKey`: `group_Kind` is `group/Kind`, a bare `Kind` stays, anything else fails. */
function overrideKey(groupKind: string, at: string): string {
  const parts = groupKind.split('_');
  if (parts.length === 2) return `${parts[0]}/${parts[1]}`;
  if (parts.length === 1 && groupKind !== '') return groupKind;
  return goDecodeError(at, `group kind should be in format \`resource.customizations.<type>.<group_kind>\` or resource.customizations.<type>.<kind>\`, got group kind: '${groupKind}'`);
}

/** The blob: `map[string]ResourceOverride`, each read through `rawResourceOverride` (string fields holding YAML). */
function readBlob(text: string, overrides: Map<string, OverrideRules>): void {
  const at = `/argocdCm/${BLOB_KEY}`;
  const value = readGoYaml(text, at);
  const map = goStruct(value, at, 'map[string]v1alpha1.ResourceOverride');
  for (const groupKind of Object.keys(map)) {
    const entryAt = `${at}/${escapePointerToken(groupKind)}`;
    const raw = goStruct(map[groupKind]!, entryAt, 'v1alpha1.rawResourceOverride');
    goString(goField(raw, 'health.lua'), `${entryAt}/health.lua`);
    goString(goField(raw, 'actions'), `${entryAt}/actions`);
    const openLibs = goField(raw, 'health.lua.useOpenLibs');
    if (openLibs !== undefined && openLibs !== null && typeof openLibs !== 'boolean') goDecodeError(`${entryAt}/health.lua.useOpenLibs`, 'cannot unmarshal into Go value of type bool');
    const known = goField(raw, 'knownTypeFields');
    if (known !== undefined) readKnownTypeFields(known, `${entryAt}/knownTypeFields`);
    const updates = goString(goField(raw, 'ignoreResourceUpdates'), `${entryAt}/ignoreResourceUpdates`);
    readIgnoreDiff(readGoYaml(updates, `${entryAt}/ignoreResourceUpdates`), `${entryAt}/ignoreResourceUpdates`, { source: 'argocd-cm', key: BLOB_KEY, groupKind, index: 0 });
    const diffAt = `${entryAt}/ignoreDifferences`;
    const diffText = goString(goField(raw, 'ignoreDifferences'), diffAt);
    overrides.set(groupKind, readIgnoreDiff(readGoYaml(diffText, diffAt), diffAt, { source: 'argocd-cm', key: BLOB_KEY, groupKind, index: 0 }));
  }
}

/** `OverrideIgnoreDiff`: `jsonPointers`, `jqPathExpressions`, `managedFieldsManagers`, each a `[]string`. */
function readIgnoreDiff(value: JsonValue, at: string, where: Omit<ArgoRuleSource, 'field' | 'expression'>): OverrideRules {
  const object = goStruct(value, at, 'v1alpha1.OverrideIgnoreDiff');
  const rules = emptyRules();
  for (const field of ['jsonPointers', 'jqPathExpressions', 'managedFieldsManagers'] as const) {
    goStringList(goField(object, field), `${at}/${field}`).forEach((expression, i) => {
      rules[field].push({ expression, source: { ...where, field, expression }, pointer: `${at}/${field}/${i}` });
    });
  }
  return rules;
}

/** `[]KnownTypeField`: objects with string `field` and `type`. */
function readKnownTypeFields(value: JsonValue, at: string): void {
  if (value === null) return;
  if (!Array.isArray(value)) goDecodeError(at, 'cannot unmarshal into Go value of type []v1alpha1.KnownTypeField');
  value.forEach((item, i) => {
    const object = goStruct(item, `${at}/${i}`, 'v1alpha1.KnownTypeField');
    goString(goField(object, 'field'), `${at}/${i}/field`);
    goString(goField(object, 'type'), `${at}/${i}/type`);
  });
}
