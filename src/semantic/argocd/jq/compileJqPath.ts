import type { JsonValue } from '../../../json/JsonValue.js';
import type { JqNode } from './JqAst.js';
import type { JqPathElement } from './evalJq.js';
import { pathsOf } from './jqFunctions.js';
import { JqRuntimeError } from './jqValues.js';
import { parseJq } from './parseJq.js';

/**
 * What running a path expression gave: its paths, or the error Argo CD would log and skip the rule for.
 * @example
 * ```ts
 * const result: JqPathsResult = { paths: [['webhooks', 0, 'clientConfig', 'caBundle']] };
 * ```
 * @internal
 */
export type JqPathsResult = { readonly paths: JqPathElement[][] } | { readonly error: string };

/**
 * A jq path expression compiled for `del(expr)` as Argo CD runs it (gojq): `paths(value)` is
 * every path `path(expr)` yields, in order. Throws `JqCompileError` for a program gojq would
 * refuse (Argo CD then refuses the settings) or that is outside kubepatch's subset.
 * @example
 * ```ts
 * const compiled: CompiledJqPath = compileJqPath('.spec.replicas');
 * ```
 * @internal
 */
export interface CompiledJqPath {
  paths(value: JsonValue): JqPathsResult;
}

/**
 * kubepatch's jq, for `jqPathExpressions`: gojq v0.12 semantics for the subset ignore rules use.
 *
 * Supported: `.`, `..`, `.foo`, `."foo"`, `.[e]`, `.[e:e]`, `.[]`, `?` after any of them, `|`,
 * `,`, `//`, `and`, `or`, `==` `!=` `<` `<=` `>` `>=` `+` `-` `*` `/` `%`, unary `-`, literals,
 * `[…]`, `{…}`, `if … then … elif … else … end`, `try … catch …`, `Term as $x | …`, `$x`,
 * and the functions empty, error, select, recurse (0–2), first, last, nth, limit, until, while,
 * repeat, getpath, arrays, objects, iterables, booleans, numbers, strings, nulls, values,
 * scalars, path, paths (0–1), del, delpaths, isempty, any and all (0–2), IN (1–2), map,
 * to_entries, from_entries, with_entries, add (0–1), range (1–3), length, utf8bytelength, not,
 * type, keys, has, in, contains, inside, tostring, tojson, fromjson, tonumber, ascii_downcase,
 * ascii_upcase, startswith, endswith, ltrimstr, rtrimstr, trim, ltrim, rtrim, split/1, join,
 * test (1–2, regular expressions as JavaScript runs them, see `compileJqRegex`), index, rindex,
 * indices, min, max, sort, unique, reverse, abs, floor, ceil, round, explode.
 *
 * Refused as unsupported (gojq knows them): `def`, `reduce`, `foreach`, `label`, assignment
 * operators, destructuring, string interpolation, `@formats`, `$ENV`, module syntax, every
 * other gojq function, and an operator whose operand reads a path in a path position
 * (`path(.a + 0)`). Unknown functions and variables and syntax errors fail as gojq fails.
 * A run stops after 2,000,000 steps (Argo CD stops jq after 1 s): the rule is then skipped.
 * @example
 * ```ts
 * compileJqPath('.webhooks[]?.clientConfig.caBundle').paths({ webhooks: [{ clientConfig: {} }] });
 * // { paths: [['webhooks', 0, 'clientConfig', 'caBundle']] }
 * ```
 * @internal
 */
export function compileJqPath(expression: string): CompiledJqPath {
  const node: JqNode = parseJq(expression);
  return {
    paths(value: JsonValue): JqPathsResult {
      try {
        return { paths: Array.from(pathsOf(node, value, { vars: new Map(), budget: { steps: 0 } })) };
      } catch (error) {
        if (error instanceof JqRuntimeError) return { error: error.message };
        // A program that recurses without end exhausts the stack before the step budget.
        if (error instanceof RangeError) return { error: 'jq execution exceeded the stack' };
        throw error;
      }
    },
  };
}
