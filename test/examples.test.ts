import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const run = (file: string): string => execFileSync(process.execPath, [tsx, file], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('the runnable examples', () => {
  it('examples/patch-a-deployment.ts runs', () => {
    expect(run('examples/patch-a-deployment.ts')).toContain('PatchTestFailedError');
  }, 60_000);

  it('examples/safe-controller-updates.ts tells both incidents the safe way', () => {
    const output = run('examples/safe-controller-updates.ts');
    expect(output).toContain('"scale-down-deadline":"2026-11-23T10:30:00Z"');
    expect(output).toContain('"scale-down-deadline":null');
    expect(output).toContain('.spec.selector is immutable');
    expect(output).not.toContain('"scale-down-deadline":""');
  }, 60_000);
});
