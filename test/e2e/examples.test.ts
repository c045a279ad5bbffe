import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { skipReason } from './helpers/envtest.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

describe.skipIf(skipReason)('the envtest example (examples/envtest/)', () => {
  it('runs as docs/envtest.md says: its globalSetup starts a control plane, its test passes against it', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [vitest, 'run', '--config', 'examples/envtest/vitest.config.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    expect(stdout).toMatch(/Tests\s+1 passed \(1\)/);
  }, 150_000);
});
