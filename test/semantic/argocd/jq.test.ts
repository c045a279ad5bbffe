// kubepatch's jq subset against gojq v0.12.17, the jq Argo CD runs `jqPathExpressions` with:
// every program of the recorded tables gives gojq's outputs, errors where gojq errors, and is
// refused where gojq refuses it. Inputs are deep-frozen: evaluation never changes them.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from 'kubepatch';
import { compileJqPath } from '../../../src/semantic/argocd/jq/compileJqPath.ts';
import { evaluate } from '../../../src/semantic/argocd/jq/evalJq.ts';
import { JqRuntimeError } from '../../../src/semantic/argocd/jq/jqValues.ts';
import { JqCompileError } from '../../../src/semantic/argocd/jq/lexJq.ts';
import { parseJq } from '../../../src/semantic/argocd/jq/parseJq.ts';
import { frozenCopy } from '../../helpers/deepFreeze.js';
import type { GojqCase, GojqResult } from './gojqCase.js';
import { GOJQ_FUNCTION_CASES } from './gojqFunctionCases.js';
import { GOJQ_MORE_CASES } from './gojqMoreCases.js';
import { GOJQ_PATH_CASES } from './gojqPathCases.js';

/** Runs a whole program on `input` as gojq's CLI would, giving the same shape as the recorded answers. */
function run(program: string, input: JsonValue): GojqResult | { unsupported: string } {
  let node;
  try {
    node = parseJq(program);
  } catch (error) {
    if (error instanceof JqCompileError) return error.reason === 'syntax' ? { syntaxError: true } : { unsupported: error.message };
    throw error;
  }
  try {
    return { outputs: Array.from(evaluate(node, { v: input, p: undefined }, { vars: new Map(), budget: { steps: 0 } }), (o) => o.v) };
  } catch (error) {
    if (error instanceof JqRuntimeError) return { error: true };
    if (error instanceof JqCompileError) return { unsupported: error.message };
    throw error;
  }
}

/** JSON with sorted keys: gojq's objects have no key order. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

describe.each([
  ['path expressions (`[path(e)]` and `del(e)`)', GOJQ_PATH_CASES],
  ['path tracking, operators and functions', GOJQ_FUNCTION_CASES],
  ['more functions and gojq quirks', GOJQ_MORE_CASES],
] as const)('as gojq: %s', (_name, cases: readonly GojqCase[]) => {
  it.each(cases.map((c, i) => [i, c[0], c] as const))('#%i %s', (_i, _program, [program, input, gojq]) => {
    expect(canonical(run(program, frozenCopy(input)))).toBe(canonical(gojq));
  });
});

describe('compileJqPath', () => {
  it('gives the paths Argo CD deletes, as gojq orders them', () => {
    const deployment = frozenCopy({ spec: { template: { spec: { initContainers: [{ name: 'init-container-0' }, { name: 'init-container-1' }] } } } });
    expect(compileJqPath('.spec.template.spec.initContainers[] | select(.name == "init-container-0")').paths(deployment)).toEqual({
      paths: [['spec', 'template', 'spec', 'initContainers', 0]],
    });
  });

  it('reports a runtime error instead of throwing: Argo CD skips the rule (`.spec.fakeField.foo[]`)', () => {
    expect(compileJqPath('.spec.fakeField.foo[]').paths(frozenCopy({ spec: {} }))).toEqual({ error: 'cannot iterate over: null' });
  });

  it('stops a program that never ends, as Argo CD stops jq after 1 s (`until(true==false; [.] + [1])`)', () => {
    expect(compileJqPath('until(true==false; [.] + [1])').paths({})).toEqual({ error: expect.stringMatching(/budget|stack/) });
    expect(compileJqPath('[repeat(1)]').paths(null)).toEqual({ error: expect.stringMatching(/budget|stack/) });
  });

  it.each([
    ['.spec.template.spec.containers[] | select(.name == "missing-quote)', 'syntax'],
    ['.nothing) | .data["config.yaml"]', 'syntax'],
    ['.a | foo', 'syntax'],
    ['$x | .a', 'syntax'],
    ['.a | leaf_paths', 'syntax'],
    ['.a |= 1', 'unsupported'],
    ['def f: .a; f', 'unsupported'],
    ['reduce .[] as $x (0; . + $x)', 'unsupported'],
    ['"\\(.a)"', 'unsupported'],
    ['.a | splits(",")', 'unsupported'],
    ['.a | @base64', 'unsupported'],
    ['. as [$a] | $a', 'unsupported'],
    ['$ENV.HOME', 'unsupported'],
  ])('refuses %s (%s)', (program, reason) => {
    expect(() => compileJqPath(program)).toThrow(JqCompileError);
    try {
      compileJqPath(program);
    } catch (error) {
      expect((error as JqCompileError).reason).toBe(reason);
    }
  });

  it('refuses an operator whose operand reads a path in a path position when it runs', () => {
    expect(() => compileJqPath('.a + 0').paths({ a: 5 })).toThrow(JqCompileError);
    expect(compileJqPath('select(.a + 0 == 5) | .b').paths(frozenCopy({ a: 5, b: 1 }))).toEqual({ paths: [['b']] });
  });
});
