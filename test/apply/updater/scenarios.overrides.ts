import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import { leaf, num, str, v, type Scenario } from './scenario.js';

// Retold from structured-merge-diff v4.6.0 merge/field_level_overrides_test.go: a field's own
// element relationship beside a named type overrides the type's. Struct overrides are an apply
// table's `structType` on the field; its lists' overrides are written as the list they amount to
// (an associative list referred to as atomic is an atomic list; an atomic list made associative
// is a set).

const overrides = {
  table: {
    type: {
      fields: {
        associativeListReference: { kind: 'list', listType: 'atomic', elem: { kind: 'struct', ref: 'unspecifiedMap', structType: 'atomic' } },
        separableInlineList: { kind: 'list', listType: 'set', elem: num },
        separableMapReference: { kind: 'struct', ref: 'atomicMap', structType: 'granular' },
        atomicMapReference: { kind: 'struct', ref: 'unspecifiedMap', structType: 'atomic' },
      },
    },
    unspecifiedMap: { fields: { name: str, value: num } },
    atomicMap: { fields: { name: str, value: num }, structType: 'atomic' },
  } satisfies ApplyTable,
  root: 'type',
};

export const overrideScenarios: readonly Scenario[] = [
  {
    name: 'field_level_overrides_test.go: test_override_atomic_map_with_separable',
    schema: overrides,
    ops: [
      { op: 'apply', manager: 'apply_one', object: { separableMapReference: { name: 'a' } } },
      { op: 'apply', manager: 'apply_two', object: { separableMapReference: { value: 2 } } },
    ],
    object: { separableMapReference: { name: 'a', value: 2 } },
    managed: {
      apply_one: { fields: { 'f:separableMapReference': { 'f:name': leaf } } },
      apply_two: { fields: { 'f:separableMapReference': { 'f:value': leaf } } },
    },
  },
  {
    name: 'field_level_overrides_test.go: test_override_unspecified_map_with_atomic',
    schema: overrides,
    ops: [
      { op: 'apply', manager: 'apply_one', object: { atomicMapReference: { name: 'a' } } },
      { op: 'apply', manager: 'apply_two', object: { atomicMapReference: { value: 2 } }, conflicts: [{ manager: 'apply_one', path: '.atomicMapReference' }] },
      { op: 'apply', manager: 'apply_one', object: { atomicMapReference: { name: 'b', value: 2 } } },
    ],
    object: { atomicMapReference: { name: 'b', value: 2 } },
    managed: { apply_one: { fields: { 'f:atomicMapReference': leaf } } },
  },
  {
    name: 'field_level_overrides_test.go: test_override_associative_list_with_atomic',
    schema: overrides,
    ops: [
      { op: 'apply', manager: 'apply_one', object: { associativeListReference: [{ name: 'a', value: 1 }] } },
      {
        op: 'apply',
        manager: 'apply_two',
        object: { associativeListReference: [{ name: 'b', value: 2 }] },
        conflicts: [{ manager: 'apply_one', path: '.associativeListReference' }],
      },
    ],
    object: { associativeListReference: [{ name: 'a', value: 1 }] },
    managed: { apply_one: { fields: { 'f:associativeListReference': leaf } } },
  },
  {
    name: 'field_level_overrides_test.go: test_override_inline_atomic_list_with_associative',
    schema: overrides,
    ops: [
      { op: 'apply', manager: 'apply_one', object: { separableInlineList: [1] } },
      { op: 'apply', manager: 'apply_two', object: { separableInlineList: [2] } },
    ],
    object: { separableInlineList: [1, 2] },
    managed: { apply_one: { fields: { 'f:separableInlineList': { [v(1)]: leaf } } }, apply_two: { fields: { 'f:separableInlineList': { [v(2)]: leaf } } } },
  },
];
