import type { JsonValue } from '../../../json/JsonValue.js';

/**
 * One suffix of a term: `.foo`, `[e]`, `[e:e]`, `[]`, each optionally followed by `?`.
 * @example
 * ```ts
 * const step: JqStep = { kind: 'field', name: 'spec', optional: false };
 * ```
 * @internal
 */
export type JqStep =
  | { readonly kind: 'field'; readonly name: string; readonly optional: boolean }
  | { readonly kind: 'index'; readonly key: JqNode; readonly optional: boolean }
  | { readonly kind: 'slice'; readonly from: JqNode | undefined; readonly to: JqNode | undefined; readonly optional: boolean }
  | { readonly kind: 'iterate'; readonly optional: boolean };

/**
 * The binary operators evaluated on values.
 * @example
 * ```ts
 * const op: JqOperator = '==';
 * ```
 * @internal
 */
export type JqOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A parsed jq expression of the supported subset (see `compileJqPath`).
 * @example
 * ```ts
 * const node: JqNode = { type: 'chain', base: { type: 'identity' }, steps: [{ kind: 'iterate', optional: true }] }; // .[]?
 * ```
 * @internal
 */
export type JqNode =
  | { readonly type: 'identity' }
  | { readonly type: 'recurseDefault' }
  | { readonly type: 'literal'; readonly value: JsonValue; readonly integer?: boolean }
  | { readonly type: 'chain'; readonly base: JqNode; readonly steps: readonly JqStep[] }
  | { readonly type: 'pipe'; readonly left: JqNode; readonly right: JqNode }
  | { readonly type: 'comma'; readonly left: JqNode; readonly right: JqNode }
  | { readonly type: 'alternative'; readonly left: JqNode; readonly right: JqNode }
  | { readonly type: 'and' | 'or'; readonly left: JqNode; readonly right: JqNode }
  | { readonly type: 'binary'; readonly op: JqOperator; readonly left: JqNode; readonly right: JqNode }
  | { readonly type: 'negate'; readonly operand: JqNode }
  | { readonly type: 'if'; readonly cond: JqNode; readonly then: JqNode; readonly else: JqNode | undefined }
  | { readonly type: 'try'; readonly body: JqNode; readonly handler: JqNode | undefined }
  | { readonly type: 'bind'; readonly source: JqNode; readonly name: string; readonly body: JqNode }
  | { readonly type: 'variable'; readonly name: string }
  | { readonly type: 'array'; readonly body: JqNode | undefined }
  | { readonly type: 'object'; readonly entries: readonly { readonly key: JqNode; readonly value: JqNode }[] }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly JqNode[] };
