/**
 * Inputs shaped like apimachinery's own strategic-merge-patch test type `MergeItem`
 * (k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go), so that Go's apimachinery and
 * kubepatch can be timed on the same documents with the same patch metadata, outside the
 * Kubernetes kinds: a root item whose `mergingList` (merged by `name`) holds n items, each with a
 * nested merge list, a map and a merged list of integers. The change: 10% of the items changed
 * (in every part), 5% removed, 5% added, at seeded places.
 *
 * The schema is built with `PatchSchema.fromTable` from the same fields and patch tags as the Go
 * struct of go/cmd/apimachinery-bench (types.go), which Go reads them from.
 */
import { PatchSchema, type FieldDef, type JsonObject, type SchemaTable } from '../src/index.js';
import type { BenchInput } from './inputs.js';
import { elementFates, type ChangeRates } from './random.js';

/** List lengths of the MergeItem series. */
export const mergeItemSizes = [10, 100, 1_000, 10_000] as const;

/** The change for these inputs: 10% changed, 5% deleted, 5% added. */
export const mergeItemRates: ChangeRates = { changed: 0.1, removed: 0.05, added: 0.05 };

const seed = 20_261_207;

const scalar = (type: 'string' | 'integer'): FieldDef => ({ type: { kind: 'scalar', type }, patchStrategies: [], omitempty: true });
const items = (strategies: FieldDef['patchStrategies'], mergeKey?: string): FieldDef => ({
  type: { kind: 'list', elem: { kind: 'struct', ref: 'MergeItem' } },
  patchStrategies: strategies,
  ...(mergeKey === undefined ? {} : { patchMergeKey: mergeKey }),
  omitempty: true,
});
const integers = (strategies: FieldDef['patchStrategies']): FieldDef => ({
  type: { kind: 'list', elem: { kind: 'scalar', type: 'integer' } },
  patchStrategies: strategies,
  omitempty: true,
});

/** The Go struct's fields, in its order, with its `patchStrategy` and `patchMergeKey` tags. */
const mergeItemTable: SchemaTable = {
  MergeItem: {
    fields: {
      name: scalar('string'),
      value: scalar('string'),
      other: scalar('string'),
      mergingList: items(['merge'], 'name'),
      nonMergingList: items([]),
      mergingIntList: integers(['merge']),
      nonMergingIntList: integers([]),
      simpleMap: { type: { kind: 'map', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: [], omitempty: true },
    },
  },
};

/** The patch schema of the MergeItem documents. */
export function mergeItemSchema(): PatchSchema {
  return PatchSchema.fromTable(mergeItemTable, 'MergeItem');
}

const pad = (i: number) => String(i).padStart(5, '0');

/** Item `i` of the list: a nested merge list of three, a map of three keys, three integers. */
function item(i: number, prefix = 'item'): JsonObject {
  return {
    name: `${prefix}-${pad(i)}`,
    value: `value-${i}`,
    mergingList: ['a', 'b', 'c'].map((name) => ({ name, value: `${i}-${name}` })),
    simpleMap: { owner: `team-${i % 7}`, tier: 'web', zone: `zone-${i % 3}` },
    mergingIntList: [i, i + 1, i + 2],
  };
}

/**
 * A changed item: every part changes. Its value; in the nested list one element changed, one
 * removed and one added; in the map one key changed, one removed, one added; in the integers one
 * removed and one added (a `$deleteFromPrimitiveList` in the patch).
 */
function changed(i: number): JsonObject {
  return {
    name: `item-${pad(i)}`,
    value: `changed-${i}`,
    mergingList: [
      { name: 'a', value: `${i}-a` },
      { name: 'b', value: `${i}-b-changed` },
      { name: 'd', value: `${i}-d` },
    ],
    simpleMap: { owner: `team-${i % 7}`, tier: 'api', release: 'r2' },
    mergingIntList: [i, i + 2, i + 100_000],
  };
}

function mergeItemList(size: number): BenchInput {
  const list = Array.from({ length: size }, (_, i) => item(i));
  const fates = elementFates(size, seed + size, mergeItemRates);
  const next = list.flatMap((element, i) => {
    switch (fates[i]) {
      case 'changed':
        return [changed(i)];
      case 'removed':
        return [];
      case 'followed-by-new':
        return [element, item(i, 'new')];
      default:
        return [element];
    }
  });
  return {
    id: `mergeitem-${size}`,
    title: `MergeItem list of ${size.toLocaleString('en')}`,
    series: 'mergeitem',
    shape: 'list',
    size,
    typical: false,
    large: size >= 1_000,
    before: { name: 'root', mergingList: list },
    after: { name: 'root', mergingList: next },
    schema: mergeItemSchema(),
    goType: 'MergeItem',
    // Only the strategic tasks: the peers of the other tasks are measured on the Kubernetes inputs.
    tasks: ['strategic-create', 'strategic-apply'],
  };
}

/** The MergeItem inputs by id, for bench/inputs.ts. */
export const mergeItemBuilders: ReadonlyArray<[string, () => BenchInput]> = mergeItemSizes.map((size) => [`mergeitem-${size}`, () => mergeItemList(size)]);
