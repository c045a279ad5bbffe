/**
 * Generates the committed Argo Rollouts modules of `src/rollout/generated/` from the data in
 * `../shared/k8s-schema/` (see `scripts/rollout/sources.ts`):
 *
 * - `rolloutTypes.ts`: the Go types the canary steps hash marshals, per release line
 *   (`scripts/rollout/stepsHashTypes.ts`);
 * - `rolloutModel.ts`: TypeScript interfaces for Rollout and the types it reaches
 *   (`scripts/rollout/model.ts`);
 * - `rolloutCRD.ts`: the Rollout CRD `rolloutSchema()` reads (`scripts/rollout/crd.ts`).
 *
 * Run with `npm run generate:rollout`. `test/rollout/generated.test.ts` runs the generators in
 * memory and fails when a committed file differs.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generateRolloutCRDModule, rolloutCRDFile } from './rollout/crd.ts';
import { generateRolloutModelModule, rolloutModelFile } from './rollout/model.ts';
import { readBuiltinGoTypes, readRolloutCRD, readRolloutTypes, releases } from './rollout/sources.ts';
import { generateStepsHashTypesModule, stepsHashTypesFile } from './rollout/stepsHashTypes.ts';

/** Every generated module: its file and its text, computed from the shared data. */
export function generateRolloutModules(): { file: string; text: string }[] {
  const builtin = readBuiltinGoTypes();
  const data = { '1.9': readRolloutTypes(releases['1.9']), '1.8': readRolloutTypes(releases['1.8']) };
  const newest = data['1.9'];
  const crd = readRolloutCRD(newest.source.tag);
  return [
    { file: stepsHashTypesFile, text: generateStepsHashTypesModule(data, builtin) },
    { file: rolloutModelFile, text: generateRolloutModelModule(newest, builtin, crd) },
    { file: rolloutCRDFile, text: generateRolloutCRDModule(crd, newest.source.tag, newest.source.commit) },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { file, text } of generateRolloutModules()) {
    writeFileSync(file, text);
    console.log(`wrote ${file} (${text.length} characters)`);
  }
}
