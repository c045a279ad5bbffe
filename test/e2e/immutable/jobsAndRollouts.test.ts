import { beforeAll, describe, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { expectAgreement } from '../helpers/immutableExpect.js';
import { jobCase } from '../helpers/immutableJobCase.js';
import { rolloutCase } from '../helpers/immutableRolloutCase.js';
import { runRandomUpdates, type UpdateCase } from '../helpers/immutableRunner.js';
import { createNamespace } from '../helpers/serverRequest.js';

const cases: [UpdateCase, number][] = [
  [jobCase, 301],
  [rolloutCase, 302],
];

describe.skipIf(skipReason)('findImmutableFieldChanges flags exactly the Job and Rollout updates the real API server refuses', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = uniqueName('immutable-batch');
    await createNamespace(namespace);
  });

  it.each(cases.map(([c, s]) => [c.title, c, s] as const))('%s', async (_title, testCase, seed) => {
    expectAgreement(await runRandomUpdates(testCase, { namespace, seed, updates: 40, perObject: 5 }));
  });
});
