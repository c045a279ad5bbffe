import type { JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { argoCompareOptions, argoIgnoredFields, type ArgoDiffSettings, type IgnoredField } from './argocd/index.js';
import type { ExtraIgnoreRules } from './ignoreRules.js';
import type { IgnoredBy } from './SemanticChange.js';

/** The ignore rules Argo CD's settings give for one pair of objects, and the built-in ignored fields they take over. @internal */
export interface ArgoRules {
  readonly extra: ExtraIgnoreRules;
  /** Built-in {@link IGNORED_FIELDS} to leave out (`status`, when Argo CD is told to compare it and the manifest sets it). */
  readonly skip: ReadonlySet<string>;
}

const NONE: ArgoRules = { extra: {}, skip: new Set() };
const COMPARE_OPTIONS = 'resource.compareoptions';

/** How a change names an Argo CD rule: its source, key and index, and the rule as written. */
function describe(field: IgnoredField, status: string): IgnoredBy {
  const { source, key, index, field: kind, expression } = field.rule;
  // Rules Argo CD derives from `resource.compareoptions` are named by the option that makes them.
  const rule = key !== COMPARE_OPTIONS ? `${kind}: ${expression}`
    : expression === '/status' ? `ignoreResourceStatusField: ${status}` : `ignoreAggregatedRoles: true (${expression})`;
  return Object.freeze({ source, ...(key === undefined ? {} : { key }), index, rule });
}

/**
 * Argo CD's settings resolved for `live` (`a`) and `desired` (`b`): the fields each object's
 * rules leave out (`ignoreDifferences` entries of the Application and of `argocd-cm`, and the
 * `/status` and aggregated-role `/rules` that `resource.compareoptions` leaves out), as JSON
 * Pointers into that object; a pointer into the manifest's `stringData` names the folded `data`
 * entry when `folded`. When Argo CD compares `status` (`ignoreResourceStatusField: off`, or `crd`
 * for another kind) and the manifest sets one, the built-in `status` rule is dropped too; a
 * manifest without `status` says nothing about it, so it stays ignored by the defaults.
 * @internal
 */
export function argoRules(
  live: JsonValue, desired: JsonValue, settings: ArgoDiffSettings | undefined,
  object: { readonly folded: boolean; readonly crds: readonly object[] },
): ArgoRules {
  if (settings === undefined) return NONE;
  const liveObject = isJsonObject(live) ? live : null;
  const desiredObject = isJsonObject(desired) ? desired : null;
  const status = argoCompareOptions(settings).ignoreResourceStatusField;
  const pointers: { pointer: string; side: 'from' | 'to'; by: IgnoredBy }[] = [];
  const seen = new Set<string>();
  let statusIgnored = false;
  const add = (fields: readonly IgnoredField[], side: 'from' | 'to') => {
    for (const field of fields) {
      let pointer = field.pointer;
      if (pointer === '') continue;
      if (pointer === '/status') statusIgnored = true;
      if (side === 'to' && object.folded && pointer.startsWith('/stringData/')) pointer = `/data/${pointer.slice('/stringData/'.length)}`;
      const by = describe(field, status);
      const id = JSON.stringify([side, pointer, by]);
      if (seen.has(id)) continue;
      seen.add(id);
      pointers.push({ pointer, side, by });
    }
  };
  if (liveObject !== null) add(argoIgnoredFields(liveObject, settings, { live: liveObject, desired: desiredObject, crds: object.crds }), 'from');
  if (desiredObject !== null) add(argoIgnoredFields(desiredObject, settings, { live: liveObject, crds: object.crds }), 'to');
  const skip = new Set<string>();
  if (!statusIgnored && desiredObject !== null && getOwn(desiredObject, 'status') !== undefined) skip.add('status');
  return { extra: { pointers }, skip };
}
