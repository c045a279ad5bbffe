// The defaults table against the real server: workloads with pod templates (Deployment,
// StatefulSet, DaemonSet, ReplicaSet, Job, CronJob).
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDefaults } from '../helpers/defaultsCheck.js';
import { workloadCases } from '../helpers/defaultsManifests.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace } from '../helpers/serverRequest.js';

describe.skipIf(skipReason)('server defaults of workloads: the table predicts what the server stores', () => {
  const namespace = uniqueName('defaults-workloads');
  beforeAll(() => createNamespace(namespace));

  it.each(workloadCases().map((c) => [c.title, c] as const))('%s', async (_title, testCase) => {
    const verdict = await checkDefaults(namespace, testCase);
    expect(verdict.missed, 'fields the server defaulted that the table misses').toEqual([]);
    expect(verdict.wrong, 'defaults the table claims that the server does not set').toEqual([]);
    expect(verdict.unexplained, 'real changes semanticDiff(stored, sent) reports').toEqual([]);
    expect(verdict.predicted).toBeGreaterThan(10);
  });
});
