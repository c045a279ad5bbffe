import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from './runInProcess.js';

const F = 'test/cli/fixtures';
const R = 'examples/rollouts';
const STATEFULSET_MESSAGE =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
  "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

describe('kubepatch check: one line per distinct problem, with the object, the path and the message', () => {
  it('a StatefulSet serviceName and volumeClaimTemplates change is one problem naming both paths', async () => {
    const result = await cli(['check', `${F}/statefulset.v1.yaml`, `${F}/statefulset.v2.yaml`]);
    expect(result).toEqual({
      code: 1,
      stdout: `StatefulSet shop/db at spec.serviceName, spec.volumeClaimTemplates: ${STATEFULSET_MESSAGE}\n`,
      stderr: '',
    });
  });
  it('a risky Rollout change names the reaction and the path', async () => {
    const result = await cli(['check', `${F}/rollout-no-steps.v1.yaml`, `${F}/rollout-no-steps.v2.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Rollout shop\/api at spec\.template\.spec\.containers\[name=api\]\.image: new-revision: .*with no steps to stop at/);
    expect(result.stdout.split('\n')).toHaveLength(2);
  });
});

describe('kubepatch check -o json|yaml', () => {
  it('prints a list of { object, source, type, paths, message }', async () => {
    const result = await cli(['check', '-o', 'json', `${F}/statefulset.v1.yaml`, `${F}/statefulset.v2.yaml`]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        object: 'StatefulSet shop/db',
        source: `${F}/statefulset.v2.yaml (document 1)`,
        type: 'immutable-field',
        paths: ['spec.serviceName', 'spec.volumeClaimTemplates'],
        message: STATEFULSET_MESSAGE,
      },
    ]);
  });
  it('adds the reaction for a risky Rollout change, and the same shape as YAML', async () => {
    const args = [`${F}/rollout-no-steps.v1.yaml`, `${F}/rollout-no-steps.v2.yaml`];
    const json = await cli(['check', '--output', 'json', ...args]);
    const [problem] = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(problem).toMatchObject({ object: 'Rollout shop/api', type: 'rollout-risk', reaction: 'new-revision', paths: ['spec.template.spec.containers[name=api].image'] });
    expect(Object.keys(problem ?? {})).toEqual(['object', 'source', 'type', 'reaction', 'paths', 'message']);
    const yaml = await cli(['check', '-o', 'yaml', ...args]);
    expect(yaml.code).toBe(1);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });
  it('prints [] and exits 0 when all is well', async () => {
    expect(await cli(['check', '-o', 'json', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });
  it('a selector change refused by the API server is not repeated as a Rollout risk', async () => {
    const result = await cli(['check', '-o', 'json', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`]);
    const problems = JSON.parse(result.stdout) as { type: string; paths: string[] }[];
    expect(problems.map((p) => [p.type, p.paths])).toEqual([['immutable-field', ['spec.selector']]]);
  });
});
