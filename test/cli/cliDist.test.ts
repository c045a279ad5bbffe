import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The built executable, where a real process is the point: its exit status, a piped standard input,
// its version read from package.json one folder up. Building is slow by nature (a minute or more on
// a loaded 2-core machine), and so, less so, is starting node: both have their own timeouts.
const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'cli.js');
const R = 'examples/rollouts';
const F = 'test/cli/fixtures';
const BUILD_TIMEOUT = 600_000;
const PROCESS_TIMEOUT = 60_000;

function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
}

/** Runs dist/cli.js as `kubepatch` would run once installed (its `#!/usr/bin/env node` line). */
function kubepatch(args: string[], stdin = '') {
  const run = spawnSync(DIST, args, { cwd: ROOT, input: stdin, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the built dist/cli.js', { timeout: PROCESS_TIMEOUT }, () => {
  beforeAll(() => {
    if (existsSync(DIST) && statSync(DIST).mtimeMs >= newest(join(ROOT, 'src'))) return;
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, BUILD_TIMEOUT);

  it('exits 1 when check finds a problem, printing it on stdout', () => {
    const result = kubepatch(['check', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Rollout shop/storefront at spec.selector:');
    expect(result.stdout).toContain('.spec.selector is immutable');
  });
  it('exits 0 when diff finds the objects equal, and 2 with one line on stderr on trouble', () => {
    expect(kubepatch(['diff', `${F}/deployment.v1-live.yaml`, `${F}/deployment.v1.yaml`])).toEqual({ code: 0, stdout: '', stderr: '' });
    const bad = kubepatch(['diff', `${F}/missing.yaml`, `${F}/deployment.v1.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^kubepatch diff: .*missing\.yaml: no such file or directory\n$/);
  });
  it('reads - from a piped standard input', () => {
    const result = kubepatch(['apply', '-o', 'json', `${F}/deployment.v1.yaml`, '-'], '[{"op":"replace","path":"/spec/replicas","value":1}]');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).spec.replicas).toBe(1);
  });
  it('prints the version of package.json, one folder up', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(kubepatch(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
