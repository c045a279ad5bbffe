import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:dist` runs the same suite against the built bundle instead of the sources.
const dist = Boolean(process.env.KUBEPATCH_TEST_DIST);
const alias = (source: string, built: string): string => fileURLToPath(new URL(dist ? built : source, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      'kubepatch/client': alias('./src/client/index.ts', './dist/client.js'),
      'kubepatch/envtest': alias('./src/envtest/index.ts', './dist/envtest.js'),
      kubepatch: alias('./src/index.ts', './dist/index.js'),
    },
  },
  test: {
    setupFiles: ['./test/setup.ts'],
    reporters: ['default', './test/helpers/summaryReporter.ts'],
    projects: [
      {
        // vitest's 5 s default makes a slow-by-nature test (300 property runs, kubectl spawns) fail
        // on a loaded machine; 30 s still ends a hung test.
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], testTimeout: 30_000, sequence: { groupOrder: 0 } },
      },
      {
        // Against a real kube-apiserver and etcd (kubepatch/envtest), started once for the run by
        // the global setup, which builds the binaries first if it has to (docs/envtest.md). It runs
        // after the unit project, so the server's CPU does not slow the unit tests down.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
