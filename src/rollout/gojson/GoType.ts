/**
 * Go types as Go's `encoding/json` sees them: enough to decode a JSON value the way a Go program
 * would (unknown fields dropped, `null` leaving zero values) and to marshal it back byte for byte.
 *
 * Types are written in the generated tables (`../generated/rolloutTypes.ts`) as Go type
 * expressions, with named types resolved to what they marshal as:
 *
 * - `string`, `bool`, `int32`, `int64`: the basic types (a named string type such as Argo's
 *   `DurationString` is written `string`);
 * - `intstr.IntOrString`, `json.RawMessage`: the two leaf types with their own JSON;
 * - `*T` (pointer), `[]T` (slice), `map[string]T` (map);
 * - any other name: a struct of the same table.
 *
 * A struct's fields are written as `"<json name>[,omitempty] <type>"`, in encoding/json's output
 * order (Go declaration order, embedded structs flattened).
 *
 * @internal
 */
export type GoType =
  | { readonly kind: 'string' | 'bool' | 'int32' | 'int64' | 'intOrString' | 'rawMessage' }
  | { readonly kind: 'pointer'; readonly elem: GoType }
  | { readonly kind: 'slice'; readonly elem: GoType }
  | { readonly kind: 'map'; readonly elem: GoType }
  | { readonly kind: 'struct'; readonly name: string; readonly fields: readonly GoField[] };

/**
 * One field of a Go struct, as `encoding/json` handles it.
 * @internal
 */
export interface GoField {
  /** The JSON name (the struct tag's name). */
  readonly name: string;
  /** The field's Go type. */
  readonly type: GoType;
  /** The struct tag has `omitempty`. */
  readonly omitempty: boolean;
}

/**
 * A table of Go structs in the generated form: each struct's fields as
 * `"<json name>[,omitempty] <type>"`.
 * @internal
 */
export interface GoStructTable {
  readonly [structName: string]: readonly string[];
}

/**
 * The Go types of one Argo Rollouts release that a hash marshals: the generated form.
 * @internal
 */
export interface GoTypeTable {
  /** The release the types were extracted from, e.g. `v1.9.1`. */
  readonly release: string;
  /** Its commit in github.com/argoproj/argo-rollouts. */
  readonly commit: string;
  /** The Go type of the value hashed, e.g. `[]CanaryStep`. */
  readonly root: string;
  /** Every struct `root` reaches. */
  readonly structs: GoStructTable;
}

const basicKinds: ReadonlyMap<string, GoType> = new Map<string, GoType>([
  ['string', { kind: 'string' }],
  ['bool', { kind: 'bool' }],
  ['int32', { kind: 'int32' }],
  ['int64', { kind: 'int64' }],
  ['intstr.IntOrString', { kind: 'intOrString' }],
  ['json.RawMessage', { kind: 'rawMessage' }],
]);

/**
 * Resolves the Go type expression `expression` against `structs`. Struct types are built once
 * per name and shared, so a type used in many places is one object. Throws a plain `Error` on a
 * malformed table: the tables are generated, so that is a bug, not a user error.
 *
 * @internal
 */
export function parseGoType(expression: string, structs: GoStructTable): GoType {
  const built = new Map<string, { kind: 'struct'; name: string; fields: GoField[] }>();
  const parse = (text: string): GoType => {
    if (text.startsWith('*')) return { kind: 'pointer', elem: parse(text.slice(1)) };
    if (text.startsWith('[]')) return { kind: 'slice', elem: parse(text.slice(2)) };
    if (text.startsWith('map[string]')) return { kind: 'map', elem: parse(text.slice('map[string]'.length)) };
    const basic = basicKinds.get(text);
    if (basic !== undefined) return basic;
    const existing = built.get(text);
    if (existing !== undefined) return existing;
    const fields = Object.hasOwn(structs, text) ? structs[text] : undefined;
    if (fields === undefined) throw new Error(`Go type table: unknown type ${JSON.stringify(text)}`);
    // Registered before its fields are parsed, so that a recursive struct refers to itself.
    const struct = { kind: 'struct' as const, name: text, fields: [] as GoField[] };
    built.set(text, struct);
    for (const field of fields) struct.fields.push(parseField(field, parse));
    return struct;
  };
  return parse(expression);
}

function parseField(text: string, parse: (type: string) => GoType): GoField {
  const space = text.indexOf(' ');
  const [name = '', ...options] = text.slice(0, space).split(',');
  if (space <= 0 || name === '') throw new Error(`Go type table: malformed field ${JSON.stringify(text)}`);
  return { name, type: parse(text.slice(space + 1)), omitempty: options.includes('omitempty') };
}

/**
 * The type as Go writes it in messages (`*int32`, `[]CanaryStep`, `map[string]StringMatch`).
 * @internal
 */
export function goTypeName(type: GoType): string {
  switch (type.kind) {
    case 'pointer':
      return '*' + goTypeName(type.elem);
    case 'slice':
      return '[]' + goTypeName(type.elem);
    case 'map':
      return 'map[string]' + goTypeName(type.elem);
    case 'struct':
      return type.name;
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'rawMessage':
      return 'json.RawMessage';
    default:
      return type.kind;
  }
}
