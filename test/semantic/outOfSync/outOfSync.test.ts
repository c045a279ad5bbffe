// The corpus of real OutOfSync cases (explainedCases.ts, realDifferences.ts), run through
// semanticDiff with Argo CD's settings read by kubepatch's own reader (src/semantic/argocd).
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../../helpers/deepFreeze.js';
import { isRealChange, semanticDiff, type SemanticChange, type SemanticDiffOptions } from 'kubepatch';
import { EXPLAINED_CASES } from './explainedCases.js';
import { REAL_DIFFERENCES } from './realDifferences.js';

const diff = (live: object, manifest: object, options: SemanticDiffOptions = {}) =>
  semanticDiff(frozenCopy(live), frozenCopy(manifest), frozenCopy(options));
const real = (changes: readonly SemanticChange[]) => changes.filter(isRealChange);
/** `path` is `at` or lies inside it. */
const within = (path: string, at: string) => path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);

describe('false positives of Argo CD, explained away', () => {
  it.each(EXPLAINED_CASES.map((c) => [`${c.title} (${c.issues.join(', ')})`, c] as const))('%s', (_, testCase) => {
    const changes = diff(testCase.live, testCase.manifest, testCase.options);
    expect(real(changes), 'no real difference').toEqual([]);
    for (const { path, because, ignoredBy } of testCase.explained) {
      const found = changes.find((c) => c.path === path);
      expect(found, `${path} is reported`).toBeDefined();
      expect(found).toMatchObject({ kind: 'equivalent', equalBecause: because, ...(ignoredBy === undefined ? {} : { ignoredBy }) });
    }
    // Without the normalization or the rule, each explained path is a real difference (in it or around it).
    const unexplained = real(diff(testCase.live, testCase.manifest, testCase.without));
    for (const { path } of testCase.explained) {
      expect(unexplained.some((c) => within(path, c.path)), `${path} is out of sync without its reason`).toBe(true);
    }
  });
});

describe('real differences, never hidden', () => {
  it.each(REAL_DIFFERENCES.map((c) => [`${c.title}${c.issues ? ` (${c.issues.join(', ')})` : ''}`, c] as const))('%s', (_, testCase) => {
    const changes = diff(testCase.live, testCase.manifest, testCase.options);
    expect(real(changes).map((c) => `${c.kind} ${c.path}`)).toEqual(testCase.real);
    const explained = changes.filter((c) => c.kind === 'equivalent').map((c) => `${c.path} (${c.equalBecause})`);
    for (const expected of testCase.alsoExplained ?? []) expect(explained).toContain(expected);
    // A Secret's values never show in clear.
    expect(JSON.stringify(changes)).not.toMatch(/b2xk|bmV3|"new"|"old"|eHl6/);
  });
});
