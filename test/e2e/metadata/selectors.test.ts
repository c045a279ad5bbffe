// validateSelector against the real server: seeded random label selectors (matchLabels and
// matchExpressions with In/NotIn/Exists/DoesNotExist and unknown operators, values missing, empty,
// valid and not) sent as a PodDisruptionBudget's spec.selector (dry run).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSelectorProblems, validateSelector } from 'kubepatch';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { labelValue, metadataKey, seededSample } from '../helpers/metadataArbitraries.js';
import { disagreements, inBatches, serverCauses, thrownMessage } from '../helpers/metadataVerdicts.js';
import { createNamespace } from '../helpers/serverRequest.js';

const operator = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist') },
  fc.constantFrom('in', 'Equals', '', 'Gt'),
);
const requirement = fc.record(
  { key: metadataKey, operator, values: fc.oneof(fc.array(labelValue, { maxLength: 3 }), fc.constant(undefined)) },
  { requiredKeys: ['key', 'operator'] },
).map((r) => (r.values === undefined ? { key: r.key, operator: r.operator } : r));
const selector = fc.record(
  { matchLabels: fc.dictionary(metadataKey, labelValue, { maxKeys: 2 }), matchExpressions: fc.array(requirement, { minLength: 1, maxLength: 3 }) },
  { requiredKeys: [] },
);

describe.skipIf(skipReason)('validateSelector agrees with the API server', () => {
  const namespace = uniqueName('selectors');
  beforeAll(() => createNamespace(namespace));
  const cases = seededSample(selector, 160, 3);

  it(`on ${cases.length} seeded selectors of a PodDisruptionBudget`, async () => {
    const collection = `/apis/policy/v1/namespaces/${namespace}/poddisruptionbudgets`;
    const results = await inBatches(cases, 8, async (sel) => {
      const causes = await serverCauses(collection, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'budget' }, spec: { selector: sel } });
      const thrown = thrownMessage(() => validateSelector(sel));
      return { sel, differences: disagreements(causes, findSelectorProblems(sel), thrown), refused: causes.length > 0 };
    });
    expect(results.filter((r) => r.differences.length > 0)).toEqual([]);
    expect(results.filter((r) => r.refused).length).toBeGreaterThan(20);
    expect(results.filter((r) => !r.refused).length).toBeGreaterThan(20);
  });
});

describe.skipIf(skipReason)('validateSelector with a path agrees with the API server on a NetworkPolicy', () => {
  const namespace = uniqueName('podselectors');
  beforeAll(() => createNamespace(namespace));
  const cases = seededSample(selector, 60, 4);

  it(`on ${cases.length} seeded spec.podSelector values`, async () => {
    const collection = `/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies`;
    const options = { path: '/spec/podSelector' };
    const results = await inBatches(cases, 8, async (sel) => {
      const causes = await serverCauses(collection, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'policy' }, spec: { podSelector: sel } });
      const thrown = thrownMessage(() => validateSelector(sel, options));
      return { sel, differences: disagreements(causes, findSelectorProblems(sel, options), thrown), refused: causes.length > 0 };
    });
    expect(results.filter((r) => r.differences.length > 0)).toEqual([]);
    expect(results.filter((r) => r.refused).length).toBeGreaterThan(10);
  });
});
