import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { goMapKey, goScalarToJson } from './goJson.js';
import { resolveGoScalar } from './goScalar.js';
import { setJsonKey } from './setJsonKey.js';

/**
 * A fast reader for the YAML most manifests are written in: one document of block mappings and
 * sequences (`- key: value` included) whose keys are plain words (`app.kubernetes.io/name`), and
 * whose values are single-line plain or quoted scalars, `|`/`|-` literal blocks, `{}` or `[]`.
 * Scalars resolve as go-yaml v2 resolves them, as in the full reader. Anything else (anchors,
 * tags, flow collections, multi-line scalars, folded blocks, tabs, several documents, any
 * error) makes it give up and return `undefined`, and the caller reads the text with the `yaml`
 * package; so it never decides anything the full reader would decide differently. It exists
 * because the `yaml` package needs about 15 s and 800 MB for a 50 MB ConfigMap (this: 1 s).
 */
export function readSimpleBlockYaml(text: string): JsonValue | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  try {
    return new SimpleBlockReader(text.split('\n')).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** Tabs, carriage returns, control characters, a BOM, lone surrogates: left to the full reader. */
const UNSUPPORTED_CHARACTERS = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const KEY = /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +|$)/;
const GIVE_UP = Symbol('give up');
const MAX_NESTING = 200;
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', "'": "'", '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function giveUp(): never {
  throw GIVE_UP;
}

function keyOf(text: string): string {
  try {
    return goMapKey(resolveGoScalar(text, undefined));
  } catch {
    return giveUp(); // a null or out-of-range key: the full reader names the problem and its line
  }
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

class SimpleBlockReader {
  private pos = 0;
  /** The rest of the current line after `- `, read as a line of its own at `indent` (compact nesting). */
  private compact: { readonly indent: number; readonly text: string } | undefined;
  private depth = 0;

  constructor(private readonly lines: readonly string[]) {}

  document(): JsonValue {
    let indent = this.nextContent();
    if (indent === 0 && /^---(?: +#.*)?$/.test(this.current(0))) {
      this.advance();
      indent = this.nextContent();
    }
    if (indent !== 0) giveUp();
    const first = this.current(0);
    if (!isSequenceItem(first) && !KEY.test(first)) giveUp();
    const value = this.collection(0);
    if (this.nextContent() !== -1) giveUp();
    return value;
  }

  /** Indent of the next line that is neither blank nor a comment, or -1 at the end. */
  private nextContent(): number {
    if (this.compact !== undefined) return this.compact.indent;
    for (; this.pos < this.lines.length; this.pos++) {
      const line = this.lines[this.pos] as string;
      let spaces = 0;
      while (line.charCodeAt(spaces) === 32) spaces++;
      if (spaces === line.length || line.charCodeAt(spaces) === 35) continue;
      if (spaces === 0 && (line.startsWith('---') || line.startsWith('...') || line.startsWith('%'))) giveUp();
      return spaces;
    }
    return -1;
  }

  private current(indent: number): string {
    return this.compact !== undefined ? this.compact.text : (this.lines[this.pos] as string).slice(indent);
  }

  private advance(): void {
    this.compact = undefined;
    this.pos++;
  }

  private collection(indent: number): JsonValue {
    if (++this.depth > MAX_NESTING) giveUp();
    const value = isSequenceItem(this.current(indent)) ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }

  private mapping(indent: number): JsonObject {
    const result: JsonObject = {};
    let next = this.nextContent();
    while (next === indent) {
      const text = this.current(indent);
      const match = KEY.exec(text);
      if (match === null) giveUp();
      const key = keyOf(match[1] as string);
      setJsonKey(result, key, this.value(text.slice(match[0].length), indent, true));
      next = this.nextContent();
    }
    if (next > indent) giveUp();
    return result;
  }

  private sequence(indent: number): JsonValue[] {
    const result: JsonValue[] = [];
    while (this.nextContent() === indent && isSequenceItem(this.current(indent))) {
      const text = this.current(indent);
      let offset = 1;
      while (text.charCodeAt(offset) === 32) offset++;
      const rest = text.slice(offset);
      if (rest !== '' && !rest.startsWith('#') && (isSequenceItem(rest) || KEY.test(rest))) {
        this.compact = { indent: indent + offset, text: rest };
        result.push(this.collection(indent + offset));
      } else {
        result.push(this.value(rest, indent, false));
      }
    }
    if (this.nextContent() > indent) giveUp();
    return result;
  }

  /** The value after `key:` or `- ` (`rest`, the rest of the line) of an entry at `indent`. */
  private value(rest: string, indent: number, inMapping: boolean): JsonValue {
    this.advance();
    if (rest === '' || rest.startsWith('#')) {
      const next = this.nextContent();
      if (next > indent) return this.collection(next);
      if (inMapping && next === indent && isSequenceItem(this.current(indent))) return this.sequence(indent);
      return null;
    }
    const value = this.scalar(rest, indent);
    if (this.nextContent() > indent) giveUp(); // a continuation line: a multi-line scalar
    return value;
  }

  private scalar(rest: string, indent: number): JsonValue {
    const first = rest[0] as string;
    if (first === '"') return doubleQuoted(rest);
    if (first === "'") return singleQuoted(rest);
    if (first === '|') return this.literal(rest, indent);
    if (/^(?:\{\}|\[\])(?: +#.*| *)$/.test(rest)) return first === '{' ? {} : [];
    if ('[]{}#&*!|>%@`,'.includes(first)) giveUp();
    if ('-?:'.includes(first) && (rest.length === 1 || rest[1] === ' ')) giveUp();
    const comment = rest.indexOf(' #');
    const plain = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
    if (plain.includes(': ') || plain.endsWith(':')) giveUp();
    try {
      return goScalarToJson(resolveGoScalar(plain, undefined));
    } catch {
      return giveUp(); // the full reader names the problem and its line
    }
  }

  /** A `|` or `|-` block whose content starts on the next line, more indented than `indent`. */
  private literal(header: string, indent: number): string {
    const strip = /^\|-(?: +#.*| *)$/.test(header);
    if (!strip && !/^\|(?: +#.*| *)$/.test(header)) giveUp();
    const firstLine = this.lines[this.pos];
    if (firstLine === undefined) giveUp();
    let contentIndent = 0;
    while (firstLine.charCodeAt(contentIndent) === 32) contentIndent++;
    if (contentIndent <= indent || contentIndent === firstLine.length) giveUp();
    const parts: string[] = [];
    for (; this.pos < this.lines.length; this.pos++) {
      const line = this.lines[this.pos] as string;
      let spaces = 0;
      while (spaces < contentIndent && line.charCodeAt(spaces) === 32) spaces++;
      if (spaces === line.length) parts.push('');
      else if (spaces < contentIndent) break;
      else if (line.trimEnd() === '') giveUp(); // spaces beyond the indentation on an otherwise empty line
      else parts.push(line.slice(contentIndent));
    }
    if (this.pos === this.lines.length && parts[parts.length - 1] !== '') giveUp(); // no final line break
    let end = parts.length;
    while (end > 0 && parts[end - 1] === '') end--;
    const body = parts.slice(0, end).join('\n');
    return strip ? body : `${body}\n`;
  }
}

function doubleQuoted(rest: string): string {
  let result = '';
  let i = 1;
  for (;;) {
    const close = rest.indexOf('"', i);
    const escape = rest.indexOf('\\', i);
    if (close === -1) giveUp();
    if (escape === -1 || close < escape) {
      result += rest.slice(i, close);
      i = close + 1;
      break;
    }
    result += rest.slice(i, escape);
    const code = rest[escape + 1] ?? giveUp();
    const simple = ESCAPES[code];
    if (simple !== undefined) {
      result += simple;
      i = escape + 2;
      continue;
    }
    const length = HEX_ESCAPE_LENGTH[code] ?? giveUp();
    const hex = rest.slice(escape + 2, escape + 2 + length);
    if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
    const point = Number.parseInt(hex, 16);
    if ((point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) giveUp();
    result += String.fromCodePoint(point);
    i = escape + 2 + length;
  }
  if (!/^(?: +#.*| *)$/.test(rest.slice(i))) giveUp();
  return result;
}

function singleQuoted(rest: string): string {
  let result = '';
  let i = 1;
  for (;;) {
    const close = rest.indexOf("'", i);
    if (close === -1) giveUp();
    result += rest.slice(i, close);
    if (rest[close + 1] === "'") {
      result += "'";
      i = close + 2;
      continue;
    }
    i = close + 1;
    break;
  }
  if (!/^(?: +#.*| *)$/.test(rest.slice(i))) giveUp();
  return result;
}
