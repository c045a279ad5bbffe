import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { runRandomUpdates, type UpdateCase } from '../helpers/immutableRunner.js';
import { daemonSetCase, deploymentCase, replicaSetCase, statefulSetCase } from '../helpers/immutableWorkloadCases.js';
import { createNamespace } from '../helpers/serverRequest.js';
import { expectAgreement } from '../helpers/immutableExpect.js';

const cases: [UpdateCase, number][] = [
  [deploymentCase, 101],
  [replicaSetCase, 102],
  [daemonSetCase, 103],
  [statefulSetCase, 104],
];

describe.skipIf(skipReason)('findImmutableFieldChanges flags exactly the workload updates the real API server refuses', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = uniqueName('immutable-workloads');
    await createNamespace(namespace);
  });

  it.each(cases.map(([c, s]) => [c.title, c, s] as const))('%s', async (_title, testCase, seed) => {
    expectAgreement(await runRandomUpdates(testCase, { namespace, seed, updates: 40, perObject: 6 }));
  });
});
