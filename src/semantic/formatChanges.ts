import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import type { JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import type { IgnoredBy, SemanticChange } from './SemanticChange.js';

/**
 * Options of {@link formatChanges}.
 *
 * @example
 * ```ts
 * const options: FormatChangesOptions = { color: true, equivalent: false };
 * ```
 * @public
 */
export interface FormatChangesOptions {
  /** Colour the text with ANSI escapes: green `+`, red `-`, yellow `~`, cyan `⇆`, dimmed `≈`. Default `false`. */
  readonly color?: boolean;
  /** Show the `equivalent` changes (dimmed, with their reason). Default `true`. */
  readonly equivalent?: boolean;
  /** `'text'` for people, `'json'` for machines (indented JSON, members in a fixed order). Default `'text'`. */
  readonly format?: 'text' | 'json';
}

/**
 * What {@link formatChanges} formats: the changes of one object, or the changes of several by a
 * name for each (`'Rollout/web'`), printed in the order given.
 *
 * @example
 * ```ts
 * const input: ChangesToFormat = { 'Rollout/web': semanticDiff(live, desired) };
 * ```
 * @public
 */
export type ChangesToFormat = readonly SemanticChange[] | { readonly [object: string]: readonly SemanticChange[] };

const MARKERS: Record<SemanticChange['kind'], string> = {
  added: '+',
  removed: '-',
  changed: '~',
  reordered: '⇆',
  equivalent: '≈',
  'duplicate-key': '!',
};
const COLORS: Record<SemanticChange['kind'], string> = {
  added: '\u001b[32m',
  removed: '\u001b[31m',
  changed: '\u001b[33m',
  reordered: '\u001b[36m',
  equivalent: '\u001b[2m',
  'duplicate-key': '\u001b[35m',
};
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/**
 * Formats {@link SemanticChange}s. As text, for people: grouped by object, then by the nearest
 * list element on the path (`spec.template.spec.containers[name=app]`), or the top-level field
 * (`spec`, `metadata`) when there is none, in the order of first appearance; one line per change with a marker (`+` added, `-`
 * removed, `~` changed, `⇆` reordered, `≈` equivalent, with its reason and, for an ignored field,
 * the rule (`ignored by option ignore[0] /spec/replicas`), `!` duplicate key) and
 * the values as YAML (scalars inline, maps and lists as indented blocks). With `color`, ANSI
 * colours: green `+`, red `-`, yellow `~`, cyan `⇆`, dimmed `≈`. As JSON, for machines: the
 * changes (by object when several are given) with their members in a fixed order. The output
 * depends only on the input; an empty list gives `''` (text) or `[]` (JSON). Throws
 * {@link InvalidDocumentError} for options of the wrong type. The changes are not changed.
 *
 * @example
 * ```ts
 * formatChanges([
 *   { path: 'spec.template.spec.containers[name=app].image', pointer: '/spec/template/spec/containers/0/image', kind: 'changed', from: 'app:1', to: 'app:2' },
 *   { path: 'spec.template.spec.containers[name=app].resources.limits.cpu', pointer: '/spec/template/spec/containers/0/resources/limits/cpu', kind: 'equivalent', from: '1000m', to: '1', equalBecause: 'quantity' },
 *   { path: 'spec.replicas', pointer: '/spec/replicas', kind: 'changed', from: 3, to: 5 },
 * ]);
 * // spec.template.spec.containers[name=app]
 * //   ~ image: app:1 → app:2
 * //   ≈ resources.limits.cpu: 1000m ≡ "1" (quantity)
 * // spec
 * //   ~ replicas: 3 → 5
 * ```
 * @public
 */
export function formatChanges(changes: ChangesToFormat, options: FormatChangesOptions = {}): string {
  if (typeof options !== 'object' || options === null) throw new InvalidDocumentError('options: must be an object', { input: 'options' });
  for (const key of ['color', 'equivalent'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') {
      throw new InvalidDocumentError(`options.${key}: must be a boolean`, { input: 'options', path: `/${key}` });
    }
  }
  if (options.format !== undefined && options.format !== 'text' && options.format !== 'json') {
    throw new InvalidDocumentError('options.format: must be "text" or "json"', { input: 'options', path: '/format' });
  }
  const showEquivalent = options.equivalent !== false;
  const keep = (list: readonly SemanticChange[]): SemanticChange[] => list.filter((c) => showEquivalent || c.kind !== 'equivalent');
  const objects: [string | undefined, SemanticChange[]][] = Array.isArray(changes)
    ? [[undefined, keep(changes as readonly SemanticChange[])]]
    : Object.entries(changes as { readonly [object: string]: readonly SemanticChange[] }).map(([name, list]) => [name, keep(list)]);

  if (options.format === 'json') {
    const ordered = objects.map(([name, list]) => [name, list.map(orderedChange)] as const);
    const value = Array.isArray(changes) ? ordered[0]![1] : Object.fromEntries(ordered.map(([name, list]) => [name!, list]));
    return JSON.stringify(value, null, 2);
  }

  const color = options.color === true;
  const lines: string[] = [];
  for (const [name, list] of objects) {
    const indent = name === undefined ? '' : '  ';
    if (name !== undefined) lines.push(color ? `${BOLD}${name}${RESET}` : name);
    if (name !== undefined && list.length === 0) lines.push(`${indent}(no changes)`);
    for (const [group, members] of groupByParent(list)) {
      lines.push(`${indent}${group === '' ? '(root)' : group}`);
      for (const { change, leaf } of members) {
        const block = changeLines(change, leaf).map((line) => `${indent}  ${line}`);
        lines.push(...(color ? block.map((line) => `${COLORS[change.kind]}${line}${RESET}`) : block));
      }
    }
  }
  return lines.join('\n');
}

/** The changes grouped by parent path, groups in the order their first change comes. */
function groupByParent(list: readonly SemanticChange[]): Map<string, { change: SemanticChange; leaf: string }[]> {
  const groups = new Map<string, { change: SemanticChange; leaf: string }[]>();
  for (const change of list) {
    const [parent, leaf] = splitPath(change.path);
    const group = groups.get(parent) ?? [];
    group.push({ change, leaf });
    groups.set(parent, group);
  }
  return groups;
}

/**
 * `a.b[name=x].c` → [`a.b[name=x]`, `c`]; `a.b[name=x]` → [`a.b`, `[name=x]`]. A path whose last
 * step is a field below a keyed element keeps the field with its leaf (`resources.limits.cpu`
 * stays whole below `containers[name=app]`), so the group is the nearest list element or object.
 */
function splitPath(path: string): [string, string] {
  let lastBracket = -1;
  let firstDotAfter = -1;
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === '[') {
      if (depth === 0) {
        lastBracket = i;
        firstDotAfter = -1;
      }
      depth++;
    } else if (c === ']') {
      depth--;
    } else if (c === '.' && depth === 0 && firstDotAfter < 0) {
      firstDotAfter = i;
    }
  }
  if (lastBracket < 0) {
    const dot = path.indexOf('.');
    // no list element on the way: group by the top-level field (`spec`, `metadata`)
    return dot < 0 ? ['', path] : [path.slice(0, dot), path.slice(dot + 1)];
  }
  if (firstDotAfter > lastBracket) return [path.slice(0, firstDotAfter), path.slice(firstDotAfter + 1)];
  return [path.slice(0, lastBracket), path.slice(lastBracket)];
}

/** The lines of one change, without indentation or colour. */
function changeLines(change: SemanticChange, leaf: string): string[] {
  const marker = MARKERS[change.kind];
  switch (change.kind) {
    case 'added':
      return valueLines(`${marker} ${leaf}`, change.to);
    case 'removed':
      return valueLines(`${marker} ${leaf}`, change.from);
    case 'changed':
      if (isInline(change.from) && isInline(change.to)) return [`${marker} ${leaf}: ${yamlScalar(change.from)} → ${yamlScalar(change.to)}`];
      return [`${marker} ${leaf}:`, ...valueLines('    from', change.from), ...valueLines('    to', change.to)];
    case 'reordered':
      return [`${marker} ${leaf}: ${flow(change.from)} → ${flow(change.to)}`];
    case 'equivalent': {
      const reason = change.equalBecause === undefined ? '' : ` (${explainEquivalent(change)})`;
      if (change.from === undefined && change.to === undefined) return [`${marker} ${leaf}${reason}`];
      return [`${marker} ${leaf}: ${flow(change.from)} ≡ ${flow(change.to)}${reason}`];
    }
    default:
      return [`${marker} ${leaf}: duplicate key`];
  }
}

/** `label: scalar`, or `label:` and the value as an indented YAML block. */
function valueLines(label: string, value: JsonValue | undefined): string[] {
  if (isInline(value)) return [`${label}: ${yamlScalar(value)}`];
  return [`${label}:`, ...yamlBlock(value!).map((line) => `    ${line}`)];
}

function isInline(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || typeof value !== 'object') return true;
  return Array.isArray(value) ? value.length === 0 : jsonKeys(value).length === 0;
}

/** A value on one line: a scalar, `{}`, `[]`, or YAML flow style; `(absent)` for none. @internal */
export function flow(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isJsonObject(value)) return `{${jsonKeys(value).map((key) => `${yamlKey(key)}: ${flow(getOwn(value, key))}`).join(', ')}}`;
  return yamlScalar(value);
}

/** A YAML block (block style) of a non-empty map or list. */
function yamlBlock(value: JsonValue): string[] {
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isInline(item)) {
        lines.push(`- ${yamlScalar(item)}`);
      } else {
        const [first, ...rest] = yamlBlock(item);
        lines.push(`- ${first!}`, ...rest.map((line) => `  ${line}`));
      }
    }
  } else if (isJsonObject(value)) {
    for (const key of jsonKeys(value)) {
      const member = getOwn(value, key);
      if (isInline(member)) lines.push(`${yamlKey(key)}: ${yamlScalar(member)}`);
      else lines.push(`${yamlKey(key)}:`, ...yamlBlock(member!).map((line) => `${Array.isArray(member) ? '' : '  '}${line}`));
    }
  }
  return lines;
}

/** A scalar (or an empty map or list) as YAML writes it: strings quoted only when needed. */
function yamlScalar(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  if (typeof value !== 'string') return String(value);
  return needsQuotes(value) ? JSON.stringify(value) : value;
}

function yamlKey(key: string): string {
  return needsQuotes(key) ? JSON.stringify(key) : key;
}

/** Whether a plain YAML scalar would read back as something else (a number, `true`, `null`, …) or not parse. */
function needsQuotes(text: string): boolean {
  if (text === '' || text.trim() !== text) return true;
  if (/^(?:true|false|yes|no|on|off|y|n|null|~)$/i.test(text)) return true;
  // numbers of YAML 1.2 and 1.1 (`1_000`, `1:30`, `0x1F`, `.inf`) and 1.1 timestamps read back as no string
  if (/^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$/.test(text)) return true;
  if (/^[-+]?(?:0[xob][0-9a-f_]+|\.(?:inf|nan)|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/i.test(text)) return true;
  if (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/.test(text)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return true;
  return /: |:$| #|[\n\r\t\u0000-\u001f\u007f\u2028\u2029]|→|≡/.test(text);
}

/** A change with its members in a fixed order, for JSON. */
function orderedChange(change: SemanticChange): SemanticChange {
  return {
    path: change.path,
    pointer: change.pointer,
    kind: change.kind,
    ...(change.from === undefined ? {} : { from: change.from }),
    ...(change.to === undefined ? {} : { to: change.to }),
    ...(change.equalBecause === undefined ? {} : { equalBecause: change.equalBecause }),
    ...(change.ignoredBy === undefined ? {} : { ignoredBy: orderedIgnoredBy(change.ignoredBy) }),
  };
}

function orderedIgnoredBy(by: IgnoredBy): IgnoredBy {
  return {
    source: by.source,
    ...(by.key === undefined ? {} : { key: by.key }),
    ...(by.index === undefined ? {} : { index: by.index }),
    rule: by.rule,
  };
}

/**
 * Where an ignore rule comes from, in words: `option ignore[0] /spec/replicas`,
 * `defaults: status`, `application spec.ignoreDifferences[1] jsonPointers: /spec/replicas`,
 * `argocd-cm resource.compareoptions ignoreResourceStatusField: all`.
 * @internal
 */
export function describeIgnoredBy(by: IgnoredBy): string {
  const at = by.index === undefined ? '' : `[${by.index}]`;
  switch (by.source) {
    case 'option':
      return `option ignore${at} ${by.rule}`;
    case 'defaults':
      return `defaults: ${by.rule}`;
    case 'application':
      return `application spec.ignoreDifferences${at} ${by.rule}`;
    default:
      return `argocd-cm ${by.key ?? ''}${at} ${by.rule}`;
  }
}

/** Why an `equivalent` change is no difference: its `equalBecause`, and for an ignored one the rule (`ignored by …`). @internal */
export function explainEquivalent(change: SemanticChange): string {
  if (change.equalBecause === 'ignored' && change.ignoredBy !== undefined) return `ignored by ${describeIgnoredBy(change.ignoredBy)}`;
  return change.equalBecause ?? '';
}
