import type * as ClientEntry from '../../../src/client/index.ts';

/**
 * The `kubepatch/client` entry under test: the sources, or the built bundle (`dist/client.js`)
 * when `KUBEPATCH_TEST_DIST` is set, as for the rest of the suite. The bundle imports `kubepatch`
 * by name, which the suite's alias points at the same build.
 */
const entry = process.env.KUBEPATCH_TEST_DIST ? '../../../dist/client.js' : '../../../src/client/index.ts';
export const client = (await import(/* @vite-ignore */ entry)) as typeof ClientEntry;
