import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import type { JsonObject, JsonValue } from '../../../src/json/JsonValue.js';
import { k, leaf, num, str, v, type Scenario } from './scenario.js';

// Retold from structured-merge-diff v4.6.0 merge/multiple_appliers_test.go: the cases its fixture
// runs with the converter that converts nothing (the others need its converters).

const associativeList = {
  table: {
    type: { fields: { list: { kind: 'list', listType: 'map', keys: ['name'], elem: { kind: 'struct', ref: 'myElement' } } } },
    myElement: { fields: { name: str, value: num } },
  } satisfies ApplyTable,
  root: 'type',
};

const listOfLists = {
  table: {
    type: {
      fields: {
        listOfLists: { kind: 'list', listType: 'map', keys: ['name'], elem: { kind: 'struct', ref: 'element' } },
        mapOfMapsRecursive: { kind: 'struct', ref: 'mapOfMapsRecursive' },
      },
    },
    element: { fields: { name: str, value: { kind: 'list', listType: 'set', elem: str } } },
    mapOfMapsRecursive: { fields: {}, otherFields: { kind: 'struct', ref: 'mapOfMapsRecursive' } },
  } satisfies ApplyTable,
  root: 'type',
};

const atomicMap = {
  table: { v1: { fields: { atomicMap: { kind: 'struct', ref: 'atomicMap' } } }, atomicMap: { fields: { field1: str, field2: str }, structType: 'atomic' } } satisfies ApplyTable,
  root: 'v1',
};

const named = (name: string): JsonObject => ({ [k({ name })]: { '.': leaf, 'f:name': leaf } });

/** The updates of the recursive-map cases, under `at` (a field of the root, or the root itself). */
const recursiveOps = (at: (value: JsonObject) => JsonValue): Scenario['ops'] => [
  { op: 'apply', manager: 'apply-one', object: at({ a: { b: null }, c: { d: null } }) },
  { op: 'apply', manager: 'apply-two', apiVersion: 'v2', object: at({ a: null, c: { d: null } }) },
  { op: 'update', manager: 'controller-one', apiVersion: 'v3', object: at({ a: { b: { c: null } }, c: { d: { e: null } } }) },
  { op: 'update', manager: 'controller-two', apiVersion: 'v2', object: at({ a: { b: { c: { d: null } } }, c: { d: { e: { f: null } } } }) },
  { op: 'update', manager: 'controller-one', apiVersion: 'v3', object: at({ a: { b: { c: { d: { e: null } } } }, c: { d: { e: { f: { g: null } } } } }) },
];
const recursiveResult = { a: null, c: { d: { e: { f: { g: null } } } } };
const recursiveManaged = (wrap: (fields: JsonObject) => JsonObject): NonNullable<Scenario['managed']> => ({
  'apply-two': { apiVersion: 'v2', fields: wrap({ 'f:a': leaf, 'f:c': { '.': leaf, 'f:d': leaf } }) },
  'controller-one': { apiVersion: 'v3', fields: wrap({ 'f:c': { 'f:d': { 'f:e': { '.': leaf, 'f:f': { 'f:g': leaf } } } } }) },
  'controller-two': { apiVersion: 'v2', fields: wrap({ 'f:c': { 'f:d': { 'f:e': { 'f:f': leaf } } } }) },
});

export const multipleScenarios: readonly Scenario[] = [
  {
    name: 'multiple_appliers_test.go: TestMultipleAppliersSet remove_one_keep_one',
    schema: associativeList,
    ops: [
      { op: 'apply', manager: 'apply-one', object: { list: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } },
      { op: 'apply', manager: 'apply-two', apiVersion: 'v2', object: { list: [{ name: 'c' }, { name: 'd' }] } },
      { op: 'apply', manager: 'apply-one', apiVersion: 'v3', object: { list: [{ name: 'a' }] } },
    ],
    object: { list: [{ name: 'a' }, { name: 'c' }, { name: 'd' }] },
    managed: {
      'apply-one': { apiVersion: 'v3', fields: { 'f:list': named('a') } },
      'apply-two': { apiVersion: 'v2', fields: { 'f:list': { ...named('c'), ...named('d') } } },
    },
  },
  {
    name: 'multiple_appliers_test.go: TestMultipleAppliersSet change_value_yes_conflict',
    schema: associativeList,
    ops: [
      { op: 'apply', manager: 'apply-one', object: { list: [{ name: 'a', value: 0 }] } },
      {
        op: 'apply',
        manager: 'apply-two',
        apiVersion: 'v2',
        object: { list: [{ name: 'a', value: 1 }] },
        conflicts: [{ manager: 'apply-one', path: '.list[name="a"].value' }],
      },
    ],
    object: { list: [{ name: 'a', value: 0 }] },
    managed: { 'apply-one': { fields: { 'f:list': { [k({ name: 'a' })]: { '.': leaf, 'f:name': leaf, 'f:value': leaf } } } } },
  },
  {
    name: 'multiple_appliers_test.go: TestMultipleAppliersSet same_value_no_conflict',
    schema: associativeList,
    ops: [
      { op: 'apply', manager: 'apply-one', object: { list: [{ name: 'a', value: 0 }] } },
      { op: 'apply', manager: 'apply-two', apiVersion: 'v2', object: { list: [{ name: 'a', value: 0 }] } },
    ],
    object: { list: [{ name: 'a', value: 0 }] },
    managed: {
      'apply-one': { fields: { 'f:list': { [k({ name: 'a' })]: { '.': leaf, 'f:name': leaf, 'f:value': leaf } } } },
      'apply-two': { apiVersion: 'v2', fields: { 'f:list': { [k({ name: 'a' })]: { '.': leaf, 'f:name': leaf, 'f:value': leaf } } } },
    },
  },
  {
    name: 'multiple_appliers_test.go: TestMultipleAppliersNestedType remove_one_keep_one_with_dangling_subitem',
    schema: listOfLists,
    ops: [
      { op: 'apply', manager: 'apply-one', object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['c'] }] } },
      { op: 'apply', manager: 'apply-two', apiVersion: 'v2', object: { listOfLists: [{ name: 'b', value: ['d'] }] } },
      { op: 'update', manager: 'controller', apiVersion: 'v2', object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['c', 'd', 'e'] }] } },
      { op: 'apply', manager: 'apply-one', apiVersion: 'v3', object: { listOfLists: [{ name: 'a' }] } },
    ],
    object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['d', 'e'] }] },
    managed: {
      'apply-one': { apiVersion: 'v3', fields: { 'f:listOfLists': named('a') } },
      'apply-two': { apiVersion: 'v2', fields: { 'f:listOfLists': { [k({ name: 'b' })]: { '.': leaf, 'f:name': leaf, 'f:value': { [v('d')]: leaf } } } } },
      controller: { apiVersion: 'v2', fields: { 'f:listOfLists': { [k({ name: 'b' })]: { 'f:value': { [v('e')]: leaf } } } } },
    },
  },
  {
    name: 'multiple_appliers_test.go: TestMultipleAppliersNestedType remove_one_with_dangling_subitem_keep_one',
    schema: listOfLists,
    ops: [
      { op: 'apply', manager: 'apply-one', object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['c'] }] } },
      { op: 'apply', manager: 'apply-two', apiVersion: 'v2', object: { listOfLists: [{ name: 'a', value: ['b'] }] } },
      { op: 'update', manager: 'controller', apiVersion: 'v2', object: { listOfLists: [{ name: 'a', value: ['b'] }, { name: 'b', value: ['c', 'd'] }] } },
      { op: 'apply', manager: 'apply-one', apiVersion: 'v3', object: { listOfLists: [{ name: 'a' }] } },
    ],
    object: { listOfLists: [{ name: 'a', value: ['b'] }] },
    managed: {
      'apply-one': { apiVersion: 'v3', fields: { 'f:listOfLists': named('a') } },
      'apply-two': { apiVersion: 'v2', fields: { 'f:listOfLists': { [k({ name: 'a' })]: { '.': leaf, 'f:name': leaf, 'f:value': { [v('b')]: leaf } } } } },
    },
  },
  {
    name: 'multiple_appliers_test.go: TestMultipleAppliersNestedType multiple_appliers_recursive_map',
    schema: listOfLists,
    ops: [...recursiveOps((value) => ({ mapOfMapsRecursive: value })), { op: 'apply', manager: 'apply-one', apiVersion: 'v4', object: { mapOfMapsRecursive: null } }],
    object: { mapOfMapsRecursive: recursiveResult },
    managed: {
      'apply-one': { apiVersion: 'v4', fields: { 'f:mapOfMapsRecursive': leaf } },
      ...recursiveManaged((fields) => ({ 'f:mapOfMapsRecursive': fields })),
    },
  },
  {
    name: 'multiple_appliers_test.go: TestMultipleAppliersDeducedType multiple_appliers_recursive_map_deduced',
    schema: 'deduced',
    ops: [...recursiveOps((value) => value), { op: 'apply', manager: 'apply-one', apiVersion: 'v4', object: null }],
    object: recursiveResult,
    managed: recursiveManaged((fields) => fields),
  },
  {
    name: 'multiple_appliers_test.go: TestMultipleApplierAtomicMaps force',
    schema: atomicMap,
    ops: [
      { op: 'apply', manager: 'apply-one', object: { atomicMap: { field1: 'a' } } },
      { op: 'apply', manager: 'apply-two', object: { atomicMap: { field2: 'b' } }, conflicts: [{ manager: 'apply-one', path: '.atomicMap' }] },
      { op: 'forceApply', manager: 'apply-two', object: { atomicMap: { field2: 'b' } } },
    ],
    object: { atomicMap: { field2: 'b' } },
    managed: { 'apply-two': { fields: { 'f:atomicMap': leaf } } },
  },
];
