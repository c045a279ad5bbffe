import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import type { ArgoDiffSettings, ArgoIgnoreDifference } from './ArgoDiffSettings.js';
import { argoGlobMatch } from './glob.js';
import type { OverrideRules, SourcedRule } from './resourceOverrides.js';

/**
 * An object's identity as Argo CD matches rules on it.
 * @example
 * ```ts
 * const id: ResourceIdentity = { group: 'apps', kind: 'Deployment', name: 'web', namespace: 'default' };
 * ```
 * @internal
 */
export interface ResourceIdentity {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}

/**
 * One entry as `NewIgnoreNormalizer` holds it: its filter and its rules.
 * @example
 * ```ts
 * const entry: IgnoreEntry = { group: 'apps', kind: 'Deployment', name: '', namespace: '', jsonPointers: [], jqPathExpressions: [], managedFieldsManagers: [] };
 * ```
 * @internal
 */
export interface IgnoreEntry {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly jsonPointers: readonly SourcedRule[];
  readonly jqPathExpressions: readonly SourcedRule[];
  readonly managedFieldsManagers: readonly SourcedRule[];
}

/**
 * The group (from `apiVersion`), kind, name and namespace of an object; `""` where absent.
 * @example
 * ```ts
 * identityOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }); // { group: 'apps', kind: 'Deployment', name: 'web', namespace: '' }
 * ```
 * @internal
 */
export function identityOf(object: JsonObject): ResourceIdentity {
  const apiVersion = getOwn(object, 'apiVersion');
  const kind = getOwn(object, 'kind');
  const metadata = getOwn(object, 'metadata');
  const meta = (key: string) => {
    const value = isJsonObject(metadata) ? getOwn(metadata, key) : undefined;
    return typeof value === 'string' ? value : '';
  };
  const version = typeof apiVersion === 'string' ? apiVersion : '';
  const slash = version.lastIndexOf('/');
  return { group: slash < 0 ? '' : version.slice(0, slash), kind: typeof kind === 'string' ? kind : '', name: meta('name'), namespace: meta('namespace') };
}

/**
 * The Application's entries, checked to be what Argo CD's `ResourceIgnoreDifferences` decodes
 * (strings, and lists of strings); anything else throws `InvalidDocumentError` (`input:
 * 'settings'`, `path: '/ignoreDifferences/<i>/…'`).
 * @example
 * ```ts
 * applicationEntries({ ignoreDifferences: [{ kind: 'Service', jsonPointers: ['/spec/clusterIP'] }] })[0].kind; // 'Service'
 * ```
 * @internal
 */
export function applicationEntries(settings: ArgoDiffSettings): IgnoreEntry[] {
  const entries = settings.ignoreDifferences ?? [];
  if (!Array.isArray(entries)) throw invalid('/ignoreDifferences', 'ignoreDifferences must be a list');
  return entries.map((entry: ArgoIgnoreDifference, index) => {
    const at = `/ignoreDifferences/${index}`;
    if (!isJsonObject(entry)) throw invalid(at, 'an ignoreDifferences entry must be an object');
    const text = (key: string): string => {
      const value = getOwn(entry, key);
      if (value === undefined || value === null) return '';
      if (typeof value !== 'string') throw invalid(`${at}/${key}`, `${key} must be a string`);
      return value;
    };
    const list = (field: 'jsonPointers' | 'jqPathExpressions' | 'managedFieldsManagers'): SourcedRule[] => {
      const value = getOwn(entry, field);
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) throw invalid(`${at}/${field}`, `${field} must be a list of strings`);
      return value.map((expression, i) => {
        if (typeof expression !== 'string') throw invalid(`${at}/${field}/${i}`, `${field} must be a list of strings`);
        return { expression, source: { source: 'application', index, field, expression }, pointer: `${at}/${field}/${i}` };
      });
    };
    return {
      group: text('group'), kind: text('kind'), name: text('name'), namespace: text('namespace'),
      jsonPointers: list('jsonPointers'), jqPathExpressions: list('jqPathExpressions'), managedFieldsManagers: list('managedFieldsManagers'),
    };
  });
}

/**
 * The `argocd-cm` overrides as `NewIgnoreNormalizer` appends them after the Application's
 * entries: the override key split by `getGroupKindForOverrideKey` (`group/kind`, a bare `kind`
 * in the core group, and anything else, logged by Argo CD, into a filter that matches nothing).
 * Go iterates the map in random order; here the keys are sorted (the order only matters when
 * two rules remove elements of one list by index).
 * @example
 * ```ts
 * overrideEntries(resourceOverrides(settings)).map((e) => `${e.group}/${e.kind}`); // the `all` key first, then 'apps/Deployment'
 * ```
 * @internal
 */
export function overrideEntries(overrides: ReadonlyMap<string, OverrideRules>): IgnoreEntry[] {
  return [...overrides.keys()].sort().map((key) => {
    const parts = key.split('/');
    const [group, kind] = parts.length === 2 ? [parts[0]!, parts[1]!] : parts.length === 1 ? ['', parts[0]!] : ['', ''];
    return { group, kind, name: '', namespace: '', ...overrides.get(key)! };
  });
}

/**
 * Argo CD's filter (diff_normalizer.go `Normalize`, ignore.go `HasIgnoreDifference`):
 * `glob.Match(group)`, `glob.Match(kind)`, and `name`, `namespace` equal when set.
 * @example
 * ```ts
 * entryMatches({ ...entry, group: '*', kind: 'Deploy*' }, { group: 'apps', kind: 'Deployment', name: 'web', namespace: '' }); // true
 * ```
 * @internal
 */
export function entryMatches(entry: IgnoreEntry, id: ResourceIdentity): boolean {
  return (
    argoGlobMatch(entry.group, id.group) &&
    argoGlobMatch(entry.kind, id.kind) &&
    (entry.name === '' || entry.name === id.name) &&
    (entry.namespace === '' || entry.namespace === id.namespace)
  );
}

/**
 * The trusted managers for an object, as `IgnoreDiffConfig.HasIgnoreDifference` (util/argo/diff/ignore.go)
 * merges them, each once: the override filed under exactly `group/kind`, then the one under
 * `*` + `/` + `*` (the `all` key), then every matching Application entry. Unlike the
 * pointer and jq rules, other override keys (`Deployment` alone, `*` + `/Deployment`) are not
 * consulted for managers.
 * @example
 * ```ts
 * trustedManagers(overrides, entries, identityOf(desired)).map((r) => r.expression); // ['kube-controller-manager']
 * ```
 * @internal
 */
export function trustedManagers(overrides: ReadonlyMap<string, OverrideRules>, application: readonly IgnoreEntry[], id: ResourceIdentity): SourcedRule[] {
  const found: SourcedRule[] = [];
  const add = (rules: readonly SourcedRule[]) => {
    for (const rule of rules) if (!found.some((r) => r.expression === rule.expression)) found.push(rule);
  };
  add(overrides.get(`${id.group}/${id.kind}`)?.managedFieldsManagers ?? []);
  add(overrides.get('*/*')?.managedFieldsManagers ?? []);
  for (const entry of application) if (entryMatches(entry, id)) add(entry.managedFieldsManagers);
  return found;
}

function invalid(path: string, message: string): InvalidDocumentError {
  return new InvalidDocumentError(`settings${path}: ${message}`, { input: 'settings', path });
}
