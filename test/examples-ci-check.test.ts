import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const run = (oldDir: string, newDir: string) =>
  spawnSync(process.execPath, [tsx, 'examples/ci-check-manifests.ts', oldDir, newDir], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('examples/ci-check-manifests.ts', () => {
  it('prints one line per problem and exits 1', () => {
    const result = run('examples/ci-check/old', 'examples/ci-check/new');
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Rollout shop\/storefront: spec\.selector: .*immutable/);
    expect(lines[1]).toMatch(/^Deployment shop\/web: spec\.selector: .*field is immutable$/);
  }, 60_000);

  it('exits 0 when nothing changes', () => {
    const result = run('examples/ci-check/old', 'examples/ci-check/old');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('ok: 2 manifests checked');
  }, 60_000);
});
