import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runInProcess.js';

const F = 'test/cli/fixtures';
const R = 'examples/rollouts';

/** A valid run of each command (every one prints data, so takes -o json). */
const RUNS: Record<string, { args: string[]; stdin?: string }> = {
  diff: { args: [`${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`] },
  patch: { args: [`${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`] },
  apply: { args: [`${R}/rollout.v1.yaml`, '-'], stdin: '{"spec":{"replicas":6}}' },
  check: { args: [`${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`] },
  explain: { args: [`${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`] },
};

// Five to eight in-process runs per test: well under a second, a few on a 2-core machine under heavy load.
describe('every command takes the same output flags', { timeout: 30_000 }, () => {
  for (const [command, run] of Object.entries(RUNS)) {
    it(`${command} takes --no-color, -o json and --output json, and lists them in --help`, async () => {
      const plain = await cli([command, ...run.args], { stdin: run.stdin });
      const noColor = await cli([command, '--no-color', ...run.args], { stdin: run.stdin, isTTY: true });
      expect(noColor).toEqual(plain);
      expect(noColor.stdout).not.toContain('\u001b[');
      for (const flag of ['-o', '--output']) {
        const json = await cli([command, flag, 'json', ...run.args], { stdin: run.stdin });
        expect(json.stderr).toBe('');
        expect(() => JSON.parse(json.stdout)).not.toThrow();
      }
      const help = (await cli([command, '--help', '--no-color'])).stdout;
      for (const option of ['--no-color', '-h, --help', '-o, --output']) expect(help).toContain(option);
    });
  }
  it('an unknown option is one line naming it and the options, with balanced quotes', async () => {
    const result = await cli(['explain', '--colour', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`]);
    expectOneLineError(result, /^kubepatch explain: unknown option --colour \(the options are --argo-version, -o\/--output, -h\/--help, --no-color;/);
    for (const quote of ["'", '"', '`']) expect(result.stderr.split(quote).length % 2, `${quote} balanced`).toBe(1);
    expect(result.stderr.split('(').length).toBe(result.stderr.split(')').length);
  });
});

describe('kubepatch --version', () => {
  it("prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await cli(['--help'])).stdout).toContain('--version');
  });
});

describe('kubepatch explain with no Rollout', () => {
  it('says there is nothing to explain and exits 0', async () => {
    const result = await cli(['explain', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]);
    expect(result).toEqual({
      code: 0,
      stdout: `Nothing to explain: no Argo Rollout (argoproj.io Rollout) is in both ${F}/deployment.v1.yaml and ${F}/deployment.v2.yaml.\n`,
      stderr: '',
    });
  });
  it('prints an empty list with -o json', async () => {
    expect(await cli(['explain', '-o', 'json', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });
});

describe('objects named by generateName', () => {
  const job = (metadata: object) => JSON.stringify({ apiVersion: 'batch/v1', kind: 'Job', metadata: { namespace: 'shop', ...metadata }, spec: {} });
  it('match an object with the same generateName', async () => {
    const result = await cli(['diff', `${F}/job-generate-name.v1.yaml`, `${F}/job-generate-name.v2.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Job shop/migrate-* (generateName)');
    expect(result.stdout).toContain('~ image: migrate:1 → migrate:2');
    const check = await cli(['check', '-o', 'json', `${F}/job-generate-name.v1.yaml`, `${F}/job-generate-name.v2.yaml`]);
    expect(JSON.parse(check.stdout)).toMatchObject([{ object: 'Job shop/migrate-* (generateName)', paths: ['spec.template'] }]);
  });
  it('do not match a named object, and the error says why', async () => {
    const result = await cli(['diff', `${F}/job-generate-name.v1.yaml`, '-'], { stdin: job({ name: 'migrate-x7k2p' }) });
    expectOneLineError(result, /matches no object .*; an object named by generateName matches only an object with the same generateName and no name/);
  });
  it('an object with neither name nor generateName is refused, naming both', async () => {
    const result = await cli(['diff', `${F}/job-generate-name.v1.yaml`, '-'], { stdin: job({}) });
    expectOneLineError(result, /<stdin>.*: metadata\.name is missing \(and there is no metadata\.generateName\), so the object cannot be matched/);
  });
});
