import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const F = 'test/cli/fixtures';
const R = 'examples/rollouts';

/** Runs the CLI's TypeScript entry with the repository's tsx. */
function cli(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectOneLineError(result: ReturnType<typeof cli>, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('kubepatch diff', () => {
  it('exits 0 for objects the API server sees as equal (quantities, server fields)', () => {
    const result = cli(['diff', `${F}/deployment.v1-live.yaml`, `${F}/deployment.v1.yaml`]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
  it('exits 1 and prints the change when they differ', () => {
    const result = cli(['diff', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('~ image: ghcr.io/example/storefront:2.7.0 → ghcr.io/example/storefront:2.8.0');
  });
  it('works as KUBECTL_EXTERNAL_DIFF on two directories, an empty file for a new object', () => {
    const result = cli(['diff', `${F}/kubectl-diff/LIVE`, `${F}/kubectl-diff/MERGED`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Deployment shop/web');
    expect(result.stdout).toContain('~ image: web:1 → web:2');
    expect(result.stdout).toContain('ConfigMap shop/settings');
    expect(result.stdout).not.toContain('resourceVersion');
  });
  it('prints JSON with --output json and reads stdin', () => {
    const result = cli(['diff', '-o', 'json', `${F}/deployment.v1.yaml`, '-'], `${JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 3 } })}`);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveProperty(['Deployment shop/web']);
  });
  it('honours --ignore and --no-normalize', () => {
    expect(cli(['diff', '--ignore', 'spec.template.spec.containers[*].image', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]).code).toBe(0);
    expect(cli(['diff', '--no-normalize=quantity,ignored-fields', `${F}/deployment.v1-live.yaml`, `${F}/deployment.v1.yaml`]).code).toBe(1);
  });
});

describe('kubepatch patch', () => {
  it('sends a strategic merge patch for a Deployment', () => {
    const result = cli(['patch', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Content-Type: application/strategic-merge-patch+json');
    expect(result.stdout).toContain('"$setElementOrder/containers":[{"name":"app"}]');
  });
  it('sends a JSON merge patch for a Rollout', () => {
    const result = cli(['patch', '-o', 'json', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`]);
    expect(result.code).toBe(0);
    const [entry] = JSON.parse(result.stdout) as { type: string; contentType: string; patch: unknown }[];
    expect(entry?.type).toBe('merge');
    expect(entry?.contentType).toBe('application/merge-patch+json');
  });
  it('computes the three-way patch of kubectl apply', () => {
    const result = cli(['patch', '--three-way', `${F}/deployment.v1-live.yaml`, `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"image":"web:2"');
  });
});

describe('kubepatch apply', () => {
  it('prints the patched document', () => {
    const result = cli(['apply', `${R}/rollout.v1.yaml`, '-'], '{"spec":{"replicas":6}}');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('replicas: 6');
    expect(result.stdout).toContain('kind: Rollout');
  });
  it('applies a JSON patch given as a list', () => {
    const result = cli(['apply', '-o', 'json', `${F}/deployment.v1.yaml`, '-'], '[{"op":"replace","path":"/spec/replicas","value":1}]');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).spec.replicas).toBe(1);
  });
});

describe('kubepatch check', () => {
  it('exits 1 on a selector change with the API server message', () => {
    const result = cli(['check', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Rollout shop/storefront: spec.selector: Invalid value: "object": .spec.selector is immutable');
  });
  it('exits 0 on an image change of a canary Rollout', () => {
    expect(cli(['check', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('kubepatch explain', () => {
  it('explains the selector change of the seed incident', () => {
    const result = cli(['explain', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Rollout shop/storefront: risk high');
    expect(result.stdout).toContain('selector-change (high)');
  });
});

describe('bad input', () => {
  it('invalid YAML', () => expectOneLineError(cli(['diff', `${F}/invalid.yaml`, `${F}/deployment.v1.yaml`]), /invalid\.yaml \(document 1\): invalid YAML at line 3/));
  it('a missing file', () => expectOneLineError(cli(['diff', `${F}/missing.yaml`, `${F}/deployment.v1.yaml`]), /missing\.yaml: no such file or directory/));
  it('two objects that do not match', () =>
    expectOneLineError(cli(['diff', `${R}/rollout.v1.yaml`, `${F}/deployment.v1.yaml`]), /Deployment shop\/web \(apps\/v1\) matches no object of the old input/));
  it('an unknown patch type', () => expectOneLineError(cli(['patch', '--type', 'bogus', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]), /--type must be one of auto, strategic, merge, json/));
  it('a strategic patch for a custom resource without schema', () => {
    const crd = '{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"a":1}}';
    expectOneLineError(cli(['apply', '--type', 'strategic', '-', `${F}/deployment.v2.yaml`], crd), /no strategic merge patch schema/);
  });
  it('--help for every command, with an example', () => {
    for (const command of ['diff', 'patch', 'apply', 'check', 'explain']) {
      const result = cli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: kubepatch ${command}`);
      expect(result.stdout).toContain('Example:');
    }
  });
});

describe('the built dist/cli.js', () => {
  const dist = join(ROOT, 'dist', 'cli.js');
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
  it('runs (built when missing or older than the sources)', { timeout: 120_000 }, () => {
    if (!existsSync(dist) || statSync(dist).mtimeMs < newest(join(ROOT, 'src'))) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
    }
    const run = spawnSync(dist, ['check', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('.spec.selector is immutable');
  });
});
