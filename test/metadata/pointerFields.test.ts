import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pointerFields } from '../../src/metadata/generated/pointerFields.js';
import { isPointerField, kindType, typeAt } from '../../src/metadata/goTypes.js';
import { readK8sSchema } from '../helpers/conformance.js';
import { generatePointerFieldsModule, type BuiltinTypesData } from './pointerFieldsModule.js';

const outputFile = fileURLToPath(new URL('../../src/metadata/generated/pointerFields.ts', import.meta.url));

describe('the generated pointer-field table', () => {
  it('is up to date with builtin-types.json (rerun with KUBEPATCH_UPDATE_GENERATED=1 when this fails)', () => {
    const expected = generatePointerFieldsModule(readK8sSchema<BuiltinTypesData>('builtin-types.json'));
    if (process.env.KUBEPATCH_UPDATE_GENERATED === '1') writeFileSync(outputFile, expected);
    expect(readFileSync(outputFile, 'utf8') === expected).toBe(true);
  });

  it('knows the pointers that matter to the rules', () => {
    const pvc = kindType('v1', 'PersistentVolumeClaim')!;
    expect(isPointerField(typeAt(pvc, ['spec']), 'storageClassName')).toBe(true);
    expect(isPointerField(typeAt(pvc, ['spec']), 'volumeName')).toBe(false);
    const deployment = kindType('apps/v1', 'Deployment')!;
    expect(isPointerField(typeAt(deployment, ['spec']), 'selector')).toBe(true);
    expect(isPointerField(typeAt(deployment, ['spec', 'template', 'spec']), 'affinity')).toBe(true);
    expect(Object.keys(pointerFields).length).toBeGreaterThan(50);
  });
});
