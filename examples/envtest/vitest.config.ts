import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// In a project of your own, `kubepatch` is installed and these aliases are not needed: inside the
// kubepatch checkout they point the package's names at its sources.
const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      'kubepatch/client': source('../../src/client/index.ts'),
      'kubepatch/envtest': source('../../src/envtest/index.ts'),
      kubepatch: source('../../src/index.ts'),
    },
  },
  test: {
    root: source('.'),
    include: ['*.test.ts'],
    // One real control plane for every test file of the run.
    globalSetup: ['./globalSetup.ts'],
    testTimeout: 30_000,
  },
});
