import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runInProcess.js';

// In-process (runCli with collected streams): nothing here starts a process, so no test depends on
// how fast the machine is. What needs a real process (exit status, a piped stdin, dist/cli.js) is
// in cliDist.test.ts.
const F = 'test/cli/fixtures';
const R = 'examples/rollouts';

describe('kubepatch diff', () => {
  it('exits 0 for objects the API server sees as equal (quantities, server fields)', async () => {
    expect(await cli(['diff', `${F}/deployment.v1-live.yaml`, `${F}/deployment.v1.yaml`])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
  it('exits 1 and prints the change when they differ', async () => {
    const result = await cli(['diff', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('~ image: ghcr.io/example/storefront:2.7.0 → ghcr.io/example/storefront:2.8.0');
  });
  it('works as KUBECTL_EXTERNAL_DIFF on two directories, an empty file for a new object', async () => {
    const result = await cli(['diff', `${F}/kubectl-diff/LIVE`, `${F}/kubectl-diff/MERGED`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Deployment shop/web');
    expect(result.stdout).toContain('~ image: web:1 → web:2');
    expect(result.stdout).toContain('ConfigMap shop/settings');
    expect(result.stdout).not.toContain('resourceVersion');
  });
  it('prints JSON with --output json and reads stdin', async () => {
    const stdin = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 3 } });
    const result = await cli(['diff', '-o', 'json', `${F}/deployment.v1.yaml`, '-'], { stdin });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveProperty(['Deployment shop/web']);
  });
  it('honours --ignore and --no-normalize', async () => {
    expect((await cli(['diff', '--ignore', 'spec.template.spec.containers[*].image', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`])).code).toBe(0);
    expect((await cli(['diff', '--no-normalize=quantity,ignored-fields', `${F}/deployment.v1-live.yaml`, `${F}/deployment.v1.yaml`])).code).toBe(1);
  });
  it('colours on a terminal, not with --no-color or NO_COLOR', async () => {
    const args = ['diff', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`];
    expect((await cli(args, { isTTY: true })).stdout).toContain('\u001b[');
    expect((await cli(['diff', '--no-color', ...args.slice(1)], { isTTY: true })).stdout).not.toContain('\u001b[');
    expect((await cli(args, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe('kubepatch patch', () => {
  it('sends a strategic merge patch for a Deployment', async () => {
    const result = await cli(['patch', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Content-Type: application/strategic-merge-patch+json');
    expect(result.stdout).toContain('"$setElementOrder/containers":[{"name":"app"}]');
  });
  it('sends a JSON merge patch for a Rollout', async () => {
    const result = await cli(['patch', '-o', 'json', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`]);
    expect(result.code).toBe(0);
    const [entry] = JSON.parse(result.stdout) as { type: string; contentType: string; patch: unknown }[];
    expect(entry?.type).toBe('merge');
    expect(entry?.contentType).toBe('application/merge-patch+json');
  });
  it('computes the three-way patch of kubectl apply', async () => {
    const result = await cli(['patch', '--three-way', `${F}/deployment.v1-live.yaml`, `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"image":"web:2"');
  });
});

describe('kubepatch apply', () => {
  it('prints the patched document', async () => {
    const result = await cli(['apply', `${R}/rollout.v1.yaml`, '-'], { stdin: '{"spec":{"replicas":6}}' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('replicas: 6');
    expect(result.stdout).toContain('kind: Rollout');
  });
  it('applies a JSON patch given as a list', async () => {
    const result = await cli(['apply', '-o', 'json', `${F}/deployment.v1.yaml`, '-'], { stdin: '[{"op":"replace","path":"/spec/replicas","value":1}]' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).spec.replicas).toBe(1);
  });
});

describe('kubepatch check', () => {
  it('exits 1 on a selector change with the object, the path and the API server message', async () => {
    const result = await cli(['check', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Rollout shop/storefront at spec.selector: spec.selector: Invalid value: "object": .spec.selector is immutable\n');
  });
  it('exits 0 on an image change of a canary Rollout', async () => {
    expect(await cli(['check', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-image.yaml`])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('kubepatch explain', () => {
  it('explains the selector change of the seed incident', async () => {
    const result = await cli(['explain', `${R}/rollout.v1.yaml`, `${R}/rollout.v2-selector.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Rollout shop/storefront: risk high');
    expect(result.stdout).toContain('selector-change (high)');
  });
});

describe('bad input', () => {
  it('invalid YAML', async () => expectOneLineError(await cli(['diff', `${F}/invalid.yaml`, `${F}/deployment.v1.yaml`]), /invalid\.yaml \(document 1\): invalid YAML at line 3/));
  it('a missing file', async () => expectOneLineError(await cli(['diff', `${F}/missing.yaml`, `${F}/deployment.v1.yaml`]), /missing\.yaml: no such file or directory/));
  it('two objects that do not match', async () =>
    expectOneLineError(await cli(['diff', `${R}/rollout.v1.yaml`, `${F}/deployment.v1.yaml`]), /Deployment shop\/web \(apps\/v1\) matches no object of the old input/));
  it('an unknown patch type', async () =>
    expectOneLineError(await cli(['patch', '--type', 'bogus', `${F}/deployment.v1.yaml`, `${F}/deployment.v2.yaml`]), /--type must be one of auto, strategic, merge, json/));
  it('a strategic patch for a custom resource without schema', async () => {
    const stdin = '{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"a":1}}';
    expectOneLineError(await cli(['apply', '--type', 'strategic', '-', `${F}/deployment.v2.yaml`], { stdin }), /no strategic merge patch schema/);
  });
  it('--help for every command, with an example', async () => {
    for (const command of ['diff', 'patch', 'apply', 'check', 'explain']) {
      const result = await cli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: kubepatch ${command}`);
      expect(result.stdout).toContain('Example:');
    }
  });
});
