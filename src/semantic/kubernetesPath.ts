import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import type { JsonPrimitive } from '../json/JsonValue.js';

/**
 * One step of a Kubernetes-style path: a field or map key, a list element by position, or a list
 * element by its key fields (`[name=app]`, `[containerPort=80,protocol=TCP]`). Patterns add
 * `*` (any one step) and `**` (any number of steps, none included).
 *
 * @example
 * ```ts
 * const step: PathSegment = { type: 'key', keys: [['name', 'app']] };
 * ```
 * @public
 */
export type PathSegment =
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'key'; readonly keys: readonly (readonly [string, JsonPrimitive])[]; readonly index?: number }
  | { readonly type: 'any' }
  | { readonly type: 'any-depth' };

const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * A field name written bare (`[A-Za-z_$][A-Za-z0-9_$-]*`); anything else is written as a JSON
 * string in brackets. A loop over the characters rather than a regular expression: every reported
 * path is made of these.
 */
function isBareName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isLetter(code) || code === 0x5f /* _ */ || code === 0x24 /* $ */) continue;
    if (i > 0 && (isDigit(code) || code === 0x2d /* - */)) continue;
    return false;
  }
  return true;
}

/** A key value written bare in a selector (`[A-Za-z0-9_./:-]+`, not read as a literal: `true…`, `false…`, `null…`, a number); anything else as JSON. */
function isBareValue(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isLetter(code) || isDigit(code) || code === 0x5f || code === 0x2e /* . */ || code === 0x2f /* / */ || code === 0x3a /* : */ || code === 0x2d) continue;
    return false;
  }
  const first = value.charCodeAt(0);
  if (isDigit(first) || (first === 0x2d && value.length > 1 && isDigit(value.charCodeAt(1)))) return false;
  return !(value.startsWith('true') || value.startsWith('false') || value.startsWith('null'));
}

function formatKeyValue(value: JsonPrimitive): string {
  if (typeof value === 'string') return isBareValue(value) ? value : JSON.stringify(value);
  return String(value);
}

/**
 * Writes a path the way {@link SemanticChange.path} shows it: `spec.template.spec.containers[name=app].image`,
 * `metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]`, `args[0]`. The root is `""`.
 *
 * @example
 * ```ts
 * formatKubernetesPath([{ type: 'field', name: 'spec' }, { type: 'field', name: 'ports' },
 *   { type: 'key', keys: [['containerPort', 80], ['protocol', 'TCP']] }]);
 * // 'spec.ports[containerPort=80,protocol=TCP]'
 * ```
 * @public
 */
export function formatKubernetesPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) out = appendPathSegment(out, segment);
  return out;
}

/** `path` (as {@link formatKubernetesPath} writes it) followed by one more step. @internal */
export function appendPathSegment(path: string, segment: PathSegment): string {
  switch (segment.type) {
    case 'field':
      return path + (isBareName(segment.name) ? (path === '' ? '' : '.') + segment.name : `[${JSON.stringify(segment.name)}]`);
    case 'index':
      return path + `[${segment.index}]`;
    case 'key': {
      let selector = '';
      for (const [k, v] of segment.keys) selector += `${selector === '' ? '' : ','}${k}=${formatKeyValue(v)}`;
      return `${path}[${selector}]`;
    }
    case 'any':
      return path + (path === '' ? '*' : '.*');
    case 'any-depth':
      return path + (path === '' ? '**' : '.**');
    default:
      return path;
  }
}

/**
 * Reads a path pattern, the syntax of {@link IgnoreRule} strings that do not start with `/`:
 *
 * - steps are separated by `.`: `spec.replicas`;
 * - a field or map key is written bare (`[A-Za-z_$][A-Za-z0-9_$-]*`) or as a JSON string in
 *   brackets: `metadata.annotations["example.com/owner"]`;
 * - `*` is any one step (field, map key or list element), `**` any number of steps (zero included);
 * - a list element is `[*]` (any), `[3]` (position 3) or `[name=app]` / `[containerPort=80,protocol=TCP]`
 *   (by key; a value is bare or a JSON literal: `[port=80]` matches the number 80, `[name="80"]` the string).
 *
 * Throws {@link InvalidDocumentError} naming `input` when the pattern does not parse.
 *
 * @example
 * ```ts
 * parseKubernetesPath('spec.template.spec.containers[name=app].env[*]');
 * ```
 * @public
 */
export function parseKubernetesPath(pattern: string, input = 'pattern'): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new InvalidDocumentError(`${input}: ${JSON.stringify(pattern)} is not a path pattern: ${why} at offset ${i}`, { input });
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '[') {
      const end = findClose(pattern, i) ?? fail('unclosed "["');
      segments.push(parseBracket(pattern.slice(i + 1, end), fail));
      i = end + 1;
    } else {
      if (segments.length > 0) {
        if (c !== '.') fail('expected "." or "["');
        i++;
      }
      const match = /^(\*\*|\*|[A-Za-z_$][A-Za-z0-9_$-]*)/.exec(pattern.slice(i)) ?? fail('expected a field name, "*" or "**"');
      const token = match[0];
      segments.push(token === '**' ? { type: 'any-depth' } : token === '*' ? { type: 'any' } : { type: 'field', name: token });
      i += token.length;
    }
  }
  if (segments.length === 0) fail('it is empty');
  return segments;
}

function findClose(pattern: string, open: number): number | undefined {
  let inString = false;
  for (let j = open + 1; j < pattern.length; j++) {
    const c = pattern[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return j;
  }
  return undefined;
}

function parseBracket(body: string, fail: (why: string) => never): PathSegment {
  if (body === '*') return { type: 'any' };
  if (/^\d+$/.test(body)) return { type: 'index', index: Number(body) };
  if (body.startsWith('"')) return { type: 'field', name: parseJson(body, fail) as string };
  const keys: [string, JsonPrimitive][] = [];
  for (const part of splitSelector(body)) {
    const eq = part.indexOf('=');
    if (eq <= 0) fail(`"${part}" is not a key=value selector`);
    const raw = part.slice(eq + 1);
    const value = /^("|-?\d|true$|false$|null$)/.test(raw) ? (parseJson(raw, fail) as JsonPrimitive) : raw;
    if (typeof value === 'object' && value !== null) fail('a key value must be a string, number, boolean or null');
    keys.push([part.slice(0, eq), value]);
  }
  return { type: 'key', keys };
}

function splitSelector(body: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inString = false;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',') {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function parseJson(text: string, fail: (why: string) => never): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail(`${text} is not a JSON literal`);
  }
}
