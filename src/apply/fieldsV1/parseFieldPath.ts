import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { compareUtf8 } from '../../text/utf8.js';
import type { FieldPath, KeyField, PathElement } from './PathElement.js';

/**
 * Options of {@link parseFieldPath}.
 *
 * @example
 * ```ts
 * const options: ParseFieldPathOptions = { object: appliedConfiguration };
 * ```
 * @public
 */
export interface ParseFieldPathOptions {
  /**
   * An object the path names a field of, such as the configuration whose apply conflicted. The
   * text cannot tell a `.` inside a name from the `.` before the next field
   * (`.metadata.labels.app.kubernetes.io/name`); given the object, a run of `.a.b.c` is split into
   * the names it has, so that label key stays one name. Where the object does not hold the path,
   * every `.` starts a field, as without it. The object is only read.
   */
  readonly object?: unknown;
}

/**
 * Reads a field path in the API server's words, as {@link formatFieldPath} writes it and
 * structured-merge-diff's `Path.String()` prints it in apply conflicts: `.name` a field,
 * `[name="app"]` or `[containerPort=80,protocol="TCP"]` the key of a list element (its fields
 * sorted by name, as a {@link PathElement} holds them), `[="example.com/x"]` a set value and `[3]`
 * an index. Values are Go-quoted strings (`%q`, escapes such as `\"`, `\n`, `\x7f`, `\u00e9`),
 * numbers (`80`, `1.5`, `1e+06`), `true`, `false`, `null` or lists of them (`[1,"a"]`).
 *
 * The text is ambiguous where a name holds a `.` (a label key, a ConfigMap key): without
 * `options.object` every `.` starts a field. A key field's name runs up to its `=`.
 *
 * @example
 * ```ts
 * parseFieldPath('.spec.template.spec.containers[name="app"].image');
 * // → [{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'template' }, { kind: 'field', name: 'spec' },
 * //    { kind: 'field', name: 'containers' }, { kind: 'key', fields: [{ name: 'name', value: 'app' }] },
 * //    { kind: 'field', name: 'image' }]
 * parseFieldPath('.metadata.labels.app.kubernetes.io/name', { object: deployment });
 * // → [… 'metadata', 'labels', { kind: 'field', name: 'app.kubernetes.io/name' }]
 * ```
 * @throws `InvalidDocumentError` (`INVALID_DOCUMENT`, `input: 'path'`) when the text is not a
 * field path: a step that starts with neither `.` nor `[`, an unterminated or badly escaped
 * string, a value of no known form (a Go map value), a key field without a name, or twice.
 * @public
 */
export function parseFieldPath(text: string, options: ParseFieldPathOptions = {}): FieldPath {
  if (typeof text !== 'string') throw new InvalidDocumentError(`a field path must be a string, not ${typeof text}`, { input: 'path' });
  const elements = new PathScanner(text).elements();
  if (options.object === undefined || !elements.some((e, i) => e.kind === 'field' && elements[i + 1]?.kind === 'field')) return elements;
  return regroup(elements, 0, options.object).path;
}

/**
 * Go's `strconv.Unquote` of a double-quoted string literal (what `%q` writes): the escapes `\a`,
 * `\b`, `\f`, `\n`, `\r`, `\t`, `\v`, `\\`, `\"`, `\xFF` and `\377` (bytes), `\u00e9` and
 * `\U0001f600`; bytes that are not UTF-8 become U+FFFD. `undefined` when it is not such a literal.
 * @internal
 */
export function goUnquote(quoted: string): string | undefined {
  if (quoted.length < 2 || !quoted.startsWith('"') || !quoted.endsWith('"')) return undefined;
  const encoder = new TextEncoder();
  const bytes: number[] = [];
  const body = quoted.slice(1, -1);
  for (let i = 0; i < body.length; ) {
    const char = body[i]!;
    if (char === '"' || char === '\n') return undefined;
    if (char !== '\\') {
      const code = body.codePointAt(i)!;
      bytes.push(...encoder.encode(String.fromCodePoint(code)));
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const escape = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      bytes.push(simple);
      i += 2;
    } else if (escape === 'x' || escape === 'u' || escape === 'U' || /[0-7]/.test(escape)) {
      const octal = escape !== 'x' && escape !== 'u' && escape !== 'U';
      const digits = octal ? body.slice(i + 1, i + 4) : body.slice(i + 2, i + 2 + HEX_DIGITS[escape]!);
      if (!(octal ? /^[0-7]{3}$/ : /^[0-9a-fA-F]+$/).test(digits) || (!octal && digits.length !== HEX_DIGITS[escape])) return undefined;
      const code = parseInt(digits, octal ? 8 : 16);
      if (octal || escape === 'x') {
        if (code > 0xff) return undefined;
        bytes.push(code);
      } else {
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
        bytes.push(...encoder.encode(String.fromCodePoint(code)));
      }
      i += octal ? 4 : 2 + digits.length;
    } else return undefined;
  }
  // ignoreBOM keeps a leading U+FEFF, which the decoder would otherwise swallow.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(bytes));
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 };
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const INDEX = /\[(0|-?[1-9][0-9]*)\]/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /null|true|false/y;

/** Reads a field path left to right; every `.` starts a field (the regrouping comes after). */
class PathScanner {
  private at = 0;

  constructor(private readonly text: string) {}

  elements(): PathElement[] {
    const elements: PathElement[] = [];
    while (this.at < this.text.length) {
      const char = this.text[this.at];
      if (char === '.') {
        let end = this.at + 1;
        while (end < this.text.length && this.text[end] !== '.' && this.text[end] !== '[') end++;
        elements.push({ kind: 'field', name: this.text.slice(this.at + 1, end) });
        this.at = end;
      } else if (char === '[') elements.push(this.bracket());
      else this.fail('expected "." or "["');
    }
    return elements;
  }

  /** `[3]`, `[=value]` or `[name=value,…]`. */
  private bracket(): PathElement {
    INDEX.lastIndex = this.at;
    const index = INDEX.exec(this.text);
    if (index !== null) {
      this.at = INDEX.lastIndex;
      return { kind: 'index', index: Number(index[1]) };
    }
    this.at += 1;
    if (this.text[this.at] === '=') {
      this.at += 1;
      const value = this.value();
      this.expect(']');
      return { kind: 'value', value };
    }
    const fields: KeyField[] = [];
    for (;;) {
      const equals = this.text.indexOf('=', this.at);
      if (equals === -1) this.fail('expected a key field "name=value"');
      if (equals === this.at) this.fail('a key field has no name');
      const name = this.text.slice(this.at, equals);
      this.at = equals + 1;
      if (fields.some((field) => field.name === name)) this.fail(`key field ${JSON.stringify(name)} appears twice`);
      fields.push({ name, value: this.value() });
      if (this.text[this.at] === ']') break;
      this.expect(',');
    }
    this.at += 1;
    return { kind: 'key', fields: fields.sort((a, b) => compareUtf8(a.name, b.name)) };
  }

  /** A value as `value.ToString` prints it (maps excepted: their text has no delimiters). */
  private value(): JsonValue {
    const char = this.text[this.at];
    if (char === '"') return this.quoted();
    if (char === '[') {
      this.at += 1;
      const items: JsonValue[] = [];
      while (this.text[this.at] !== ']') {
        if (items.length > 0) this.expect(',');
        items.push(this.value());
      }
      this.at += 1;
      return items;
    }
    WORD.lastIndex = this.at;
    const word = WORD.exec(this.text);
    if (word !== null) {
      this.at = WORD.lastIndex;
      return word[0] === 'null' ? null : word[0] === 'true';
    }
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (number !== null && Number.isFinite(Number(number[0]))) {
      this.at = NUMBER.lastIndex;
      return Number(number[0]);
    }
    return this.fail('expected a value: a quoted string, a number, true, false, null or a list');
  }

  private quoted(): string {
    let end = this.at + 1;
    while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;
    if (end >= this.text.length) this.fail('unterminated string');
    const value = goUnquote(this.text.slice(this.at, end + 1));
    if (value === undefined) this.fail('invalid escape in a quoted string');
    this.at = end + 1;
    return value;
  }

  private expect(char: string): void {
    if (this.text[this.at] !== char) this.fail(`expected ${JSON.stringify(char)}`);
    this.at += 1;
  }

  private fail(reason: string): never {
    const shown = this.text.length > 200 ? `${this.text.slice(0, 200)}…` : this.text;
    throw new InvalidDocumentError(`not a field path: ${reason} at offset ${this.at} of ${JSON.stringify(shown)}`, { input: 'path' });
  }
}

interface Regrouped {
  readonly path: PathElement[];
  /** True when the object holds the whole path. */
  readonly complete: boolean;
}

/**
 * The elements from `i` on with each run of fields split as `node` names them: the shortest
 * names first, the first split that the object holds to the end; failing that, the first split
 * that matched a name; failing that, every `.` a field.
 */
function regroup(elements: readonly PathElement[], i: number, node: unknown): Regrouped {
  const element = elements[i];
  if (element === undefined) return { path: [], complete: true };
  const asScanned = { path: elements.slice(i), complete: false };
  if (element.kind !== 'field') {
    const child = childOf(node, element);
    if (child === undefined) return asScanned;
    const rest = regroup(elements, i + 1, child);
    return { path: [element, ...rest.path], complete: rest.complete };
  }
  if (!isJsonObject(node)) return asScanned;
  let fallback: Regrouped | undefined;
  let name: string | undefined;
  for (let j = i; j < elements.length; j++) {
    const next = elements[j]!;
    if (next.kind !== 'field') break;
    name = name === undefined ? next.name : `${name}.${next.name}`;
    const child = getOwn(node, name);
    if (child === undefined) continue;
    const rest = regroup(elements, j + 1, child);
    const result = { path: [{ kind: 'field' as const, name }, ...rest.path], complete: rest.complete };
    if (result.complete) return result;
    fallback ??= result;
  }
  return fallback ?? asScanned;
}

/** The list element a key, value or index names in `node`, or `undefined`. */
function childOf(node: unknown, element: PathElement): unknown {
  if (!Array.isArray(node)) return undefined;
  const items = node as readonly JsonValue[];
  switch (element.kind) {
    case 'index':
      return items[element.index];
    case 'value':
      return items.find((item) => jsonEqual(item, element.value));
    case 'key':
      return items.find((item) => isJsonObject(item) && element.fields.every((field) => jsonEqual(getOwn(item, field.name), field.value)));
    default:
      return undefined;
  }
}
