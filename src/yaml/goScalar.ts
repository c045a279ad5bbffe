/**
 * How go-yaml v2 (the YAML reader behind sigs.k8s.io/yaml, hence kubectl) resolves a scalar:
 * YAML 1.1 booleans (`yes`, `on`, `y`, …), octal `010`, `0x`/`0o`/`0b` integers, `_` in numbers,
 * `.inf`/`.nan`, `~`. Sexagesimal numbers (`1:30`) and timestamps stay strings. Mirrors
 * `resolve` in go-yaml v2's resolve.go and the tag check of its decoder.
 */

/** A resolved scalar, keeping what JSON conversion and map keys need to tell apart. */
export type GoScalar =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  /** `exact` is false when the integer does not fit a double exactly (beyond 2^53). */
  | { readonly kind: 'int'; readonly value: number; readonly exact: boolean; readonly unsigned: boolean }
  /** `integerLiteral`: written as an integer too large for int64 and uint64, so Go made it a float. */
  | { readonly kind: 'float'; readonly value: number; readonly integerLiteral?: boolean };

export const STR_TAG = 'tag:yaml.org,2002:str';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
const BOOL_TAG = 'tag:yaml.org,2002:bool';
const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';
const NULL_TAG = 'tag:yaml.org,2002:null';
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

const NULL: GoScalar = { kind: 'null' };
const TRUE: GoScalar = { kind: 'bool', value: true };
const FALSE: GoScalar = { kind: 'bool', value: false };

/** go-yaml v2's `resolveMap`. */
const KNOWN = new Map<string, GoScalar>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) KNOWN.set(word, TRUE);
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) KNOWN.set(word, FALSE);
for (const word of ['', '~', 'null', 'Null', 'NULL']) KNOWN.set(word, NULL);
for (const word of ['.nan', '.NaN', '.NAN']) KNOWN.set(word, { kind: 'float', value: Number.NaN });
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) KNOWN.set(word, { kind: 'float', value: Infinity });
for (const word of ['-.inf', '-.Inf', '-.INF']) KNOWN.set(word, { kind: 'float', value: -Infinity });

/** go-yaml v2's `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's `strconv.ParseInt(s, 0, 64)` accepts once `_` are removed: sign, then a base prefix or a leading 0 for octal. */
const GO_INTEGER = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** What Go's `strconv.ParseFloat` accepts for a string starting with `.` (go-yaml tries it on such strings). */
const GO_DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const TIMESTAMP_FORMATS = [
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[-+]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}$/,
];
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Resolves a plain (unquoted) scalar, or any scalar with an explicit tag, as go-yaml v2 does.
 * `tag` is the full tag (`tag:yaml.org,2002:int`) or `undefined`. Throws an `Error` with go-yaml's
 * words when the tag does not fit the text (`!!int abc`).
 */
export function resolveGoScalar(text: string, tag: string | undefined): GoScalar {
  if (tag === BINARY_TAG) return { kind: 'str', value: decodeBinary(text) };
  if (tag !== undefined && !isResolvableTag(tag)) return { kind: 'str', value: text };
  if (tag === STR_TAG) return { kind: 'str', value: text };
  const resolved = resolvePlain(text, tag === TIMESTAMP_TAG || tag === undefined);
  if (tag === undefined || tag === tagOf(resolved)) return resolved;
  if (tag === FLOAT_TAG && resolved.kind === 'int') return { kind: 'float', value: resolved.value };
  if (tag === TIMESTAMP_TAG && resolved.kind === 'str' && isTimestamp(text)) return resolved;
  throw new Error(`cannot decode ${shortTag(tagOf(resolved))} \`${text}\` as a ${shortTag(tag)}`);
}

function isResolvableTag(tag: string): boolean {
  return tag === STR_TAG || tag === BOOL_TAG || tag === INT_TAG || tag === FLOAT_TAG || tag === NULL_TAG || tag === TIMESTAMP_TAG;
}

function tagOf(scalar: GoScalar): string {
  switch (scalar.kind) {
    case 'str':
      return STR_TAG;
    case 'null':
      return NULL_TAG;
    case 'bool':
      return BOOL_TAG;
    case 'int':
      return INT_TAG;
    case 'float':
      return FLOAT_TAG;
  }
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function resolvePlain(text: string, timestamps: boolean): GoScalar {
  const first = text.charCodeAt(0);
  const known = KNOWN.get(text);
  if (known !== undefined) return known;
  if (first === 0x2e /* . */) return GO_DOT_FLOAT.test(text) ? dotFloat(text) : { kind: 'str', value: text };
  const digitOrSign = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d;
  if (!digitOrSign) return { kind: 'str', value: text };
  if (timestamps && isTimestamp(text)) return { kind: 'str', value: text }; // go-yaml hands timestamps to interface{} as the string
  const plain = text.replaceAll('_', '');
  if (GO_INTEGER.test(plain)) {
    const integer = parseGoInteger(plain);
    if (integer >= INT64_MIN && integer <= UINT64_MAX) return intScalar(integer);
    if (YAML_STYLE_FLOAT.test(plain)) return { kind: 'float', value: Number(plain), integerLiteral: true };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return { kind: 'float', value }; // Go's ParseFloat fails on overflow: the text stays a string
  }
  return { kind: 'str', value: text };
}

function parseGoInteger(plain: string): bigint {
  const negative = plain.startsWith('-');
  const unsigned = plain.replace(/^[-+]/, '');
  let magnitude: bigint;
  if (/^0[oO]/.test(unsigned)) magnitude = BigInt(`0o${unsigned.slice(2)}`);
  else if (/^0[0-7]/.test(unsigned)) magnitude = BigInt(`0o${unsigned.slice(1)}`);
  else magnitude = BigInt(unsigned.toLowerCase());
  return negative ? -magnitude : magnitude;
}

function intScalar(integer: bigint): GoScalar {
  const exact = integer <= SAFE && integer >= -SAFE;
  return { kind: 'int', value: Number(integer), exact, unsigned: integer > 2n ** 63n - 1n };
}

/** The timestamps go-yaml v2 recognizes (`parseTimestamp`): it starts with four digits and `-`, then one of Go's layouts. */
function isTimestamp(text: string): boolean {
  return /^\d{4}-/.test(text) && TIMESTAMP_FORMATS.some((format) => format.test(text) && validDate(text));
}

function validDate(text: string): boolean {
  const [year, month, day] = text.split(/[-Tt ]/).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return false;
  const time = /[Tt ](\d{1,2}):(\d{1,2}):(\d{1,2})/.exec(text);
  return time === null || (Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3]) < 60);
}

/** `!!binary`: Go's `base64.StdEncoding.DecodeString` (padding required, line breaks ignored), bytes read as UTF-8. */
function decodeBinary(text: string): string {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new Error('!!binary value contains invalid base64 data');
  // atob and TextDecoder rather than Buffer: this reader is part of the portable core.
  const binary = atob(compact);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function dotFloat(text: string): GoScalar {
  const value = Number(text);
  return Number.isFinite(value) ? { kind: 'float', value } : { kind: 'str', value: text };
}
