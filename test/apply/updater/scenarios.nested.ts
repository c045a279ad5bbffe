import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import { k, leaf, num, str, v, type Scenario } from './scenario.js';

// Retold from structured-merge-diff v4.6.0 merge/nested_test.go. Its named list and map types are
// inlined here (an apply table names structs only); its recursive map of maps is a struct with no
// fields whose other keys are itself, which structured-merge-diff reads the same way.

const stringSet = { kind: 'list', listType: 'set', elem: str } as const;
const stringMap = { kind: 'map', mapType: 'granular', elem: str } as const;

const nested = {
  table: {
    type: {
      fields: {
        listOfLists: { kind: 'list', listType: 'map', keys: ['name'], elem: { kind: 'struct', ref: 'listOfListsElement' } },
        listOfMaps: { kind: 'list', listType: 'map', keys: ['name'], elem: { kind: 'struct', ref: 'listOfMapsElement' } },
        mapOfLists: { kind: 'map', mapType: 'granular', elem: stringSet },
        mapOfMaps: { kind: 'map', mapType: 'granular', elem: stringMap },
        mapOfMapsRecursive: { kind: 'struct', ref: 'mapOfMapsRecursive' },
        struct: { kind: 'struct', ref: 'struct' },
      },
    },
    struct: { fields: { name: str, value: num } },
    listOfListsElement: { fields: { name: str, value: stringSet } },
    listOfMapsElement: { fields: { name: str, value: stringMap } },
    mapOfMapsRecursive: { fields: {}, otherFields: { kind: 'struct', ref: 'mapOfMapsRecursive' } },
  } satisfies ApplyTable,
  root: 'type',
};

export const nestedScenarios: readonly Scenario[] = [
  {
    name: 'nested_test.go: listOfLists_change_value',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { listOfLists: [{ name: 'a', value: ['b', 'c'] }] } },
      { op: 'apply', manager: 'default', object: { listOfLists: [{ name: 'a', value: ['a', 'c'] }] } },
    ],
    object: { listOfLists: [{ name: 'a', value: ['a', 'c'] }] },
    managed: {
      default: { fields: { 'f:listOfLists': { [k({ name: 'a' })]: { '.': leaf, 'f:name': leaf, 'f:value': { [v('a')]: leaf, [v('c')]: leaf } } } } },
    },
  },
  {
    name: 'nested_test.go: listOfMaps_change_key_and_value',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { listOfMaps: [{ name: 'a', value: { b: 'x', c: 'y' } }] } },
      { op: 'apply', manager: 'default', object: { listOfMaps: [{ name: 'b', value: { a: 'x', c: 'z' } }] } },
    ],
    object: { listOfMaps: [{ name: 'b', value: { a: 'x', c: 'z' } }] },
    managed: {
      default: { fields: { 'f:listOfMaps': { [k({ name: 'b' })]: { '.': leaf, 'f:name': leaf, 'f:value': { 'f:a': leaf, 'f:c': leaf } } } } },
    },
  },
  {
    name: 'nested_test.go: mapOfLists_change_key_and_value',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { mapOfLists: { a: ['b', 'c'] } } },
      { op: 'apply', manager: 'default', object: { mapOfLists: { b: ['a', 'c'] } } },
    ],
    object: { mapOfLists: { b: ['a', 'c'] } },
    managed: { default: { fields: { 'f:mapOfLists': { 'f:b': { '.': leaf, [v('a')]: leaf, [v('c')]: leaf } } } } },
  },
  {
    name: 'nested_test.go: mapOfMaps_change_value',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { mapOfMaps: { a: { b: 'x', c: 'y' } } } },
      { op: 'apply', manager: 'default', object: { mapOfMaps: { a: { a: 'x', c: 'z' } } } },
    ],
    object: { mapOfMaps: { a: { a: 'x', c: 'z' } } },
    managed: { default: { fields: { 'f:mapOfMaps': { 'f:a': { '.': leaf, 'f:a': leaf, 'f:c': leaf } } } } },
  },
  {
    name: 'nested_test.go: mapOfMapsRecursive_change_middle_key',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { mapOfMapsRecursive: { a: { b: { c: null } } } } },
      { op: 'apply', manager: 'default', object: { mapOfMapsRecursive: { a: { d: { c: null } } } } },
    ],
    object: { mapOfMapsRecursive: { a: { d: { c: null } } } },
    managed: { default: { fields: { 'f:mapOfMapsRecursive': { 'f:a': { '.': leaf, 'f:d': { '.': leaf, 'f:c': leaf } } } } } },
  },
  {
    name: 'nested_test.go: struct_apply_remove_all',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { struct: { name: 'a', value: 1 } } },
      { op: 'apply', manager: 'default', object: null },
    ],
    object: null,
    managed: {},
  },
  {
    name: 'nested_test.go: struct_apply_remove_dangling',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { struct: { name: 'a' } } },
      { op: 'apply', manager: 'default', object: { struct: null } },
    ],
    object: { struct: null },
    managed: { default: { fields: { 'f:struct': leaf } } },
  },
  {
    name: 'nested_test.go: struct_apply_update_remove_all',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { struct: { name: 'a' } } },
      { op: 'update', manager: 'controller', object: { struct: { name: 'a', value: 1 } } },
      { op: 'apply', manager: 'default', object: null },
    ],
    object: { struct: { value: 1 } },
  },
  {
    name: 'nested_test.go: struct_apply_update_dict_dangling',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { struct: { name: 'a' } } },
      { op: 'update', manager: 'controller', object: { struct: { name: 'a', value: 1 } } },
      { op: 'apply', manager: 'default', object: { struct: {} } },
    ],
    object: { struct: { value: 1 } },
  },
  {
    name: 'nested_test.go: struct_apply_update_took_over',
    schema: nested,
    ops: [
      { op: 'apply', manager: 'default', object: { struct: { name: 'a' } } },
      { op: 'update', manager: 'controller', object: { struct: { name: 'b', value: 1 } } },
      { op: 'apply', manager: 'default', object: { struct: null } },
    ],
    object: { struct: { name: 'b', value: 1 } },
  },
];
