import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRolloutModules } from '../../scripts/generate-rollout.ts';
import { reduceRolloutCRD } from '../../scripts/rollout/crd.ts';
import { stepsHashStructs } from '../../scripts/rollout/stepsHashTypes.ts';
import { readBuiltinGoTypes, readRolloutCRD, readRolloutTypes } from '../../scripts/rollout/sources.ts';
import { rolloutCRDJson, rolloutCRDRelease } from '../../src/rollout/generated/rolloutCRD.ts';
import { stepsHashTypes } from '../../src/rollout/generated/rolloutTypes.ts';
import { parseGoType, type GoType } from '../../src/rollout/gojson/GoType.ts';

const modules = generateRolloutModules();

describe('the generated rollout modules', () => {
  it.each(modules.map(({ file, text }) => [file.slice(file.lastIndexOf('/src/') + 1), file, text]))(
    '%s is up to date with ../shared/k8s-schema (run `npm run generate:rollout` when this fails)',
    (_, file, text) => {
      expect(readFileSync(file, 'utf8') === text).toBe(true);
    },
  );
});

describe('rolloutTypes.ts: the Go types of the steps hash', () => {
  it('has, per line, every struct the hash reaches, with the release it was extracted from', () => {
    const builtin = readBuiltinGoTypes();
    for (const [line, tag] of [['1.9', 'v1.9.1'], ['1.8', 'v1.8.4']] as const) {
      const table = stepsHashTypes[line];
      expect(table.release).toBe(tag);
      expect(Object.keys(table.structs)).toHaveLength(24);
      expect(Object.fromEntries(stepsHashStructs(readRolloutTypes(tag), builtin).structs)).toEqual(table.structs);
      expect(parseGoType(table.root, table.structs)).toMatchObject({ kind: 'slice', elem: { kind: 'struct', name: 'CanaryStep' } });
    }
  });

  it('encodes the 1.8 → 1.9 changes in the hash path', () => {
    const field = (line: '1.8' | '1.9', struct: string, name: string): string | undefined =>
      stepsHashTypes[line].structs[struct]?.find((entry) => entry.startsWith(`${name},`) || entry.startsWith(`${name} `));
    expect(field('1.8', 'RolloutAnalysis', 'analysisRunMetadata')).toBe('analysisRunMetadata,omitempty AnalysisRunMetadata');
    expect(field('1.9', 'RolloutAnalysis', 'analysisRunMetadata')).toBe('analysisRunMetadata,omitempty *AnalysisRunMetadata');
    expect(field('1.8', 'AnalysisTemplateRef', 'clusterScope')).toBe('clusterScope,omitempty bool');
    expect(field('1.9', 'AnalysisTemplateRef', 'clusterScope')).toBe('clusterScope,omitempty *bool');
    expect(field('1.8', 'RolloutExperimentStep', 'scaleDownDelaySeconds')).toBeUndefined();
    expect(field('1.9', 'RolloutExperimentStep', 'scaleDownDelaySeconds')).toBe('scaleDownDelaySeconds,omitempty *int32');
  });

  it('parses shared struct types once, so a type used in two places is one object', () => {
    const root = parseGoType(stepsHashTypes['1.9'].root, stepsHashTypes['1.9'].structs) as Extract<GoType, { kind: 'slice' }>;
    const step = root.elem as Extract<GoType, { kind: 'struct' }>;
    const structOf = (type: GoType | undefined): GoType | undefined => (type?.kind === 'pointer' ? type.elem : type);
    const analysis = structOf(step.fields.find((f) => f.name === 'analysis')?.type) as Extract<GoType, { kind: 'struct' }>;
    const experiment = structOf(step.fields.find((f) => f.name === 'experiment')?.type) as Extract<GoType, { kind: 'struct' }>;
    const dryRun = (s: Extract<GoType, { kind: 'struct' }>): GoType | undefined => s.fields.find((f) => f.name === 'dryRun')?.type;
    expect(dryRun(analysis)).toBeDefined();
    expect((dryRun(analysis) as { elem: GoType }).elem).toBe((dryRun(experiment) as { elem: GoType }).elem);
  });

  it('refuses a malformed table', () => {
    expect(() => parseGoType('Missing', {})).toThrow(/unknown type "Missing"/);
    expect(() => parseGoType('S', { S: ['noType'] })).toThrow(/malformed field/);
  });
});

describe('rolloutCRD.ts: the Rollout CRD', () => {
  it('is the v1.9.1 CRD, unchanged where schemaFromCRD reads it', () => {
    expect(rolloutCRDRelease).toBe('v1.9.1');
    const crd = readRolloutCRD('v1.9.1');
    const carried = JSON.parse(rolloutCRDJson.join('')) as typeof crd;
    expect(carried).toEqual(reduceRolloutCRD(crd));
    const schemaOf = (value: typeof crd): unknown => (value.spec as { versions: { schema: unknown }[] }).versions[0]?.schema;
    expect(schemaOf(carried)).toEqual(schemaOf(crd));
  });
});
