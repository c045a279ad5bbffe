import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:dist` runs the same suite against the built bundle instead of the sources.
const entry = process.env.KUBEPATCH_TEST_DIST ? './dist/index.js' : './src/index.ts';

export default defineConfig({
  resolve: {
    alias: { kubepatch: fileURLToPath(new URL(entry, import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    reporters: ['default', './test/helpers/summaryReporter.ts'],
  },
});
