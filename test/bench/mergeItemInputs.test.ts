import { describe, expect, it } from 'vitest';
import { createStrategicMergePatch } from '../../src/index.js';
import { buildInput } from '../../bench/inputs.js';
import { mergeItemRates, mergeItemSchema, mergeItemSizes } from '../../bench/mergeItemInputs.js';
import { elementFates } from '../../bench/random.js';

type Item = { name: string; mergingList?: Item[] };
const itemsOf = (document: unknown) => (document as { mergingList: Item[] }).mergingList;

describe('MergeItem benchmark inputs', () => {
  it('change 10% of the items, delete 5% and add 5%', () => {
    const fates = elementFates(1_000, 3, mergeItemRates);
    expect(fates.filter((fate) => fate === 'changed')).toHaveLength(100);
    expect(fates.filter((fate) => fate === 'removed')).toHaveLength(50);
    expect(fates.filter((fate) => fate === 'followed-by-new')).toHaveLength(50);
    const input = buildInput('mergeitem-1000');
    expect(itemsOf(input.before)).toHaveLength(1_000);
    expect(itemsOf(input.after)).toHaveLength(1_000);
    expect(itemsOf(input.after).filter((item) => item.name.startsWith('new-'))).toHaveLength(50);
  });

  it('are one series of the sizes the goals name, each for Go as MergeItem', () => {
    expect(mergeItemSizes).toEqual([10, 100, 1_000, 10_000]);
    for (const size of mergeItemSizes) {
      expect(buildInput(`mergeitem-${size}`)).toMatchObject({ series: 'mergeitem', size, goType: 'MergeItem', tasks: ['strategic-create', 'strategic-apply'] });
    }
  });

  it("carry the Go struct's patch tags in their schema", () => {
    const schema = mergeItemSchema();
    expect(schema.field('mergingList')!.meta).toMatchObject({ patchStrategies: ['merge'], patchMergeKey: 'name' });
    expect(schema.field('mergingIntList')!.meta).toMatchObject({ patchStrategies: ['merge'] });
    expect(schema.field('nonMergingList')!.meta.patchStrategies).toEqual([]);
    expect(schema.field('mergingList')!.schema.items().field('mergingList')!.meta).toMatchObject({ patchMergeKey: 'name' });
  });

  it('make a patch that uses every part: nested merge lists, maps and merged integer lists', () => {
    const input = buildInput('mergeitem-10');
    const patch = createStrategicMergePatch(input.before, input.after, input.schema);
    const text = JSON.stringify(patch);
    for (const directive of ['$setElementOrder/mergingList', '"$patch":"delete"', '$deleteFromPrimitiveList/mergingIntList', '"simpleMap":{']) {
      expect(text).toContain(directive);
    }
  });
});
