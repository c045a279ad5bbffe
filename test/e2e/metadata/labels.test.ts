// validateLabels against the real server: seeded random label keys and values, valid and not, sent
// on ConfigMaps (dry run); kubepatch must refuse exactly what the server refuses, in its words.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLabelProblems, validateLabels } from 'kubepatch';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { labelValue, metadataKey, seededSample } from '../helpers/metadataArbitraries.js';
import { disagreements, inBatches, serverCauses, thrownMessage } from '../helpers/metadataVerdicts.js';
import { createNamespace } from '../helpers/serverRequest.js';

describe.skipIf(skipReason)('validateLabels agrees with the API server', () => {
  const namespace = uniqueName('labels');
  beforeAll(() => createNamespace(namespace));
  const cases = seededSample(fc.dictionary(metadataKey, labelValue, { minKeys: 1, maxKeys: 3 }), 160, 1);

  it(`on ${cases.length} seeded label sets`, async () => {
    const collection = `/api/v1/namespaces/${namespace}/configmaps`;
    const results = await inBatches(cases, 8, async (labels) => {
      const causes = await serverCauses(collection, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'labelled', labels } });
      return { labels, differences: disagreements(causes, findLabelProblems(labels), thrownMessage(() => validateLabels(labels))), refused: causes.length > 0 };
    });
    expect(results.filter((r) => r.differences.length > 0)).toEqual([]);
    // The sample covers both answers.
    expect(results.filter((r) => r.refused).length).toBeGreaterThan(20);
    expect(results.filter((r) => !r.refused).length).toBeGreaterThan(20);
  });
});

/** Text that Go prints escaped in `Invalid value: "…"` (strconv.Quote), or that JSON changes on the way. */
const AWKWARD = ['say "hi"', 'back\\slash', 'new\nline', 'tab\tbed', 'soft\u00adhyphen', 'zero\u200bwidth', 'line\u2028sep', 'del\u007f', 'nul\u0000', 'e\u0301', '😀', 'lone\ud800', 'k'.repeat(300), '\u00e9'.repeat(40)];

describe.skipIf(skipReason)('validateLabels quotes awkward keys and values as the API server does', () => {
  const namespace = uniqueName('labels-quoting');
  beforeAll(() => createNamespace(namespace));

  it(`on ${AWKWARD.length * 2} keys and values`, async () => {
    const collection = `/api/v1/namespaces/${namespace}/configmaps`;
    const cases = AWKWARD.flatMap((text) => [{ [text]: 'v' }, { key: text }]);
    const results = await inBatches(cases, 8, async (labels) => {
      const causes = await serverCauses(collection, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'quoted', labels } });
      return { labels, causes, differences: disagreements(causes, findLabelProblems(labels), thrownMessage(() => validateLabels(labels))) };
    });
    expect(results.filter((r) => r.differences.length > 0)).toEqual([]);
    expect(results.every((r) => r.causes.length > 0)).toBe(true);
  });
});
