import { describe, expect, it } from 'vitest';
import {
  applyStrategicMergePatch,
  createStrategicMergePatch,
  createThreeWayStrategicMergePatch,
  isKubepatchError,
  PatchConflictError,
  schemaFromOpenAPI,
  type PatchSchema,
} from 'kubepatch';
import { readConformance, readConformanceText } from '../helpers/conformance.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { goJson, smpData, sortMergeLists, structSchema, type SmpVector } from '../helpers/smpVectors.js';

/** The three schema sources upstream runs every vector through: struct tags, OpenAPI v2 and v3. */
const schemaSources: Record<string, (root: 'MergeItem' | 'PrecisionItem') => PatchSchema> = {
  'struct tags': structSchema,
  'OpenAPI v3': (root) =>
    root === 'MergeItem'
      ? schemaFromOpenAPI(readConformance<object>('smp-schemas/swagger-merge-item-v3.json'), 'mergeItem')
      : schemaFromOpenAPI(readConformance<object>('smp-schemas/swagger-precision-item-v3.json'), 'precisionItem'),
  'OpenAPI v2': (root) =>
    root === 'MergeItem'
      ? // Upstream's v2 file has a trailing comma that JSON.parse rejects, as upstream notes; drop it.
        schemaFromOpenAPI(JSON.parse(readConformanceText('smp-schemas/swagger-merge-item.json').replace(/,(\s*})/g, '$1')) as object, 'mergeItem')
      : schemaFromOpenAPI(readConformance<object>('smp-schemas/swagger-precision-item.json'), 'precisionItem'),
};

/** Values a JavaScript number cannot hold exactly: listed, not dropped. */
const inexpressible: Record<string, string> = {
  'numberConversion/004': 'int64 max (9223372036854775807) is beyond 2^53: a JavaScript number rounds it',
};

const bySuite = (suite: string) => smpData.vectors.filter((vector) => vector.suite === suite);

describe('smp-vectors.json', () => {
  it('has all 176 vectors', () => expect(smpData.vectors).toHaveLength(176));
});

for (const [sourceName, schemaOf] of Object.entries(schemaSources)) {
  describe(`strategic merge patch vectors (${sourceName} schema)`, () => {
    describe('sortMergeList (test-only normalisation)', () => {
      for (const vector of bySuite('sortMergeList')) {
        it(vector.description, () => {
          expect(goJson(sortMergeLists(vector.docs.original, schemaOf(vector.schema)))).toBe(goJson(vector.docs.sorted));
        });
      }
    });

    describe('customStrategicMergePatch (apply, normalised)', () => {
      for (const vector of bySuite('customStrategicMergePatch')) {
        it(vector.description, () => {
          const schema = schemaOf(vector.schema);
          const docs = vector.normalizedDocs!;
          const result = applyStrategicMergePatch(frozenCopy(docs.original) as object, frozenCopy(docs.twoWay) as object, schema);
          expect(goJson(sortMergeLists(result, schema))).toBe(goJson(docs.twoWayResult ?? docs.modified));
        });
      }
    });

    describe('customStrategicMergePatchRaw (apply, exact)', () => {
      for (const vector of bySuite('customStrategicMergePatchRaw')) {
        it(vector.description, () => {
          const apply = () =>
            applyStrategicMergePatch(frozenCopy(vector.docs.original ?? null) as object, frozenCopy(vector.docs.twoWay) as object, schemaOf(vector.schema));
          if (vector.expectedError) {
            expect(apply).toThrow(vector.expectedError);
            return;
          }
          expect(goJson(apply())).toBe(goJson(vector.docs.modified ?? {}));
        });
      }
    });

    for (const suite of ['createStrategicMergePatch', 'strategicMergePatchRaw', 'replaceRawExtension', 'unknownField']) {
      describe(`${suite} (two-way and three-way)`, () => {
        for (const vector of bySuite(suite)) {
          it(vector.description, () => checkCreateVector(vector, schemaOf(vector.schema), suite === 'createStrategicMergePatch'));
        }
      });
    }

    describe('numberConversion (exact text)', () => {
      for (const vector of bySuite('numberConversion')) {
        if (inexpressible[vector.id]) {
          it.skip(`${vector.description}: ${inexpressible[vector.id]}`, () => {});
          continue;
        }
        it(vector.description, () => {
          const text = vector.docsText!;
          const schema = schemaOf(vector.schema);
          const patch = createStrategicMergePatch(JSON.parse(text.original!), JSON.parse(text.modified!), schema);
          expect(goJson(patch)).toBe(text.twoWay);
          expect(goJson(applyStrategicMergePatch(JSON.parse(text.original!), patch, schema))).toBe(text.twoWayResult);
        });
      }
    });
  });
}

function checkCreateVector(vector: SmpVector, schema: PatchSchema, normalised: boolean): void {
  const docs = (normalised ? vector.normalizedDocs : vector.docs)!;
  const normal = (value: unknown) => goJson(normalised ? sortMergeLists(value, schema) : value);
  const original = frozenCopy(docs.original ?? null) as object | null;
  const modified = frozenCopy(docs.modified ?? null) as object | null;
  const current = frozenCopy(docs.current ?? null) as object | null;

  if (vector.expectedTwoWayErr) {
    expect(() => createStrategicMergePatch(original, modified, schema)).toThrow(vector.expectedTwoWayErr);
  } else if (docs.twoWay !== undefined) {
    const twoWay = createStrategicMergePatch(original, modified, schema);
    expect(goJson(twoWay)).toBe(goJson(docs.twoWay));
    expect(normal(applyStrategicMergePatch(original, twoWay, schema))).toBe(goJson(docs.twoWayResult ?? docs.modified ?? {}));
  }

  if (vector.expectedThreeWayErr) {
    expect(() => createThreeWayStrategicMergePatch(original, modified, current, schema)).toThrow(vector.expectedThreeWayErr);
    return;
  }
  if (docs.threeWay === undefined) return;
  if (vector.description.includes('conflict')) {
    let conflict: unknown;
    try {
      createThreeWayStrategicMergePatch(original, modified, current, schema, { overwrite: false });
    } catch (error) {
      conflict = error;
    }
    expect(conflict, 'overwrite: false must report a conflict').toBeInstanceOf(PatchConflictError);
  } else {
    createThreeWayStrategicMergePatch(original, modified, current, schema, { overwrite: false });
  }
  const threeWay = createThreeWayStrategicMergePatch(original, modified, current, schema, { overwrite: true });
  expect(goJson(threeWay)).toBe(goJson(docs.threeWay));
  expect(normal(applyStrategicMergePatch(current, threeWay, schema))).toBe(goJson(docs.result));
}

export { isKubepatchError };
