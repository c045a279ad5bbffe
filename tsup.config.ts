import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // `kubepatch` (the core, no client dependency), `kubepatch/client` (sends patches with a
    // KubeConfig of @kubernetes/client-node, an optional peer dependency it never imports at run time)
    // and `kubepatch/envtest` (a real API server for tests; loads client-node when a control plane starts).
    entry: { index: 'src/index.ts', client: 'src/client/index.ts', envtest: 'src/envtest/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // The client imports the core by its package name, so it loads `kubepatch`'s own build (one copy
    // of the error classes: `instanceof ConflictError` holds across the two entries) and its type
    // declarations refer to `kubepatch` instead of repeating it.
    external: ['kubepatch', '@kubernetes/client-node'],
    // The core reads Argo CD's argocd-cm values (YAML) and must run without Node (see
    // scripts/check-portable-core.ts): it bundles the `yaml` package's browser build, which
    // names neither Buffer nor process, instead of importing it.
    noExternal: ['yaml'],
    esbuildOptions(options) {
      options.alias = { ...options.alias, yaml: './node_modules/yaml/browser/index.js' };
    },
    splitting: false,
  },
  {
    // The `kubepatch` command line (`bin`): ESM only, the core bundled in, `yaml` a dependency.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
