import { beforeAll, describe, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { configMapCase, objectMetaCase, persistentVolumeClaimCase, podCase, secretCase, serviceCase } from '../helpers/immutableCoreCases.js';
import { expectAgreement } from '../helpers/immutableExpect.js';
import { runRandomUpdates, type UpdateCase } from '../helpers/immutableRunner.js';
import { createNamespace } from '../helpers/serverRequest.js';

const cases: [UpdateCase, number][] = [
  [serviceCase, 201],
  [persistentVolumeClaimCase, 202],
  [configMapCase, 203],
  [secretCase, 204],
  [podCase, 205],
  [objectMetaCase, 206],
];

describe.skipIf(skipReason)('findImmutableFieldChanges flags exactly the core-object updates the real API server refuses', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = uniqueName('immutable-core');
    await createNamespace(namespace);
  });

  it.each(cases.map(([c, s]) => [c.title, c, s] as const))('%s', async (_title, testCase, seed) => {
    expectAgreement(await runRandomUpdates(testCase, { namespace, seed, updates: 40, perObject: 5 }));
  });
});
