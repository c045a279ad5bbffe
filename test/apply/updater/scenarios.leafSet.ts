import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import { bool, k, leaf, num, str, v, type Scenario } from './scenario.js';

// Retold from structured-merge-diff v4.6.0 merge/leaf_test.go, set_test.go and key_test.go.

/** Three scalar fields. */
const leafFields = { table: { leafFields: { fields: { numeric: num, string: str, bool } } } satisfies ApplyTable, root: 'leafFields' };

/** One set of strings. */
const sets = { table: { sets: { fields: { list: { kind: 'list', listType: 'set', elem: str } } } } satisfies ApplyTable, root: 'sets' };

/** A list of `{name, value}` keyed by name. */
const associativeList = {
  table: {
    type: { fields: { list: { kind: 'list', listType: 'map', keys: ['name'], elem: { kind: 'struct', ref: 'myElement' } } } },
    myElement: { fields: { name: str, value: num } },
  } satisfies ApplyTable,
  root: 'type',
};

const both = { 'f:numeric': leaf, 'f:string': leaf };

export const leafSetScenarios: readonly Scenario[] = [
  {
    name: 'leaf_test.go: apply_twice',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 1, string: 'string' } },
      { op: 'apply', manager: 'default', object: { numeric: 2, string: 'string', bool: false } },
    ],
    object: { numeric: 2, string: 'string', bool: false },
    managed: { default: { fields: { ...both, 'f:bool': leaf } } },
  },
  {
    name: 'leaf_test.go: apply_twice_different_versions',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 1, string: 'string' } },
      { op: 'apply', manager: 'default', apiVersion: 'v2', object: { numeric: 2, string: 'string', bool: false } },
    ],
    object: { numeric: 2, string: 'string', bool: false },
    managed: { default: { apiVersion: 'v2', fields: { ...both, 'f:bool': leaf } } },
  },
  {
    name: 'leaf_test.go: apply_update_apply_no_conflict_different_version',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 1, string: 'string' } },
      { op: 'update', manager: 'controller', apiVersion: 'v2', object: { numeric: 1, string: 'string', bool: true } },
      { op: 'apply', manager: 'default', object: { numeric: 2, string: 'string' } },
    ],
    object: { numeric: 2, string: 'string', bool: true },
    managed: { default: { fields: both }, controller: { apiVersion: 'v2', fields: { 'f:bool': leaf } } },
  },
  {
    name: 'leaf_test.go: apply_update_apply_with_conflict',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 1, string: 'string' } },
      { op: 'update', manager: 'controller', object: { numeric: 1, string: 'controller string', bool: true } },
      { op: 'apply', manager: 'default', object: { numeric: 2, string: 'user string' }, conflicts: [{ manager: 'controller', path: '.string' }] },
      { op: 'forceApply', manager: 'default', object: { numeric: 2, string: 'user string' } },
    ],
    object: { numeric: 2, string: 'user string', bool: true },
    managed: { default: { fields: both }, controller: { fields: { 'f:bool': leaf } } },
  },
  {
    name: 'leaf_test.go: apply_twice_remove',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 1, string: 'string', bool: false } },
      { op: 'apply', manager: 'default', object: { string: 'new string' } },
    ],
    object: { string: 'new string' },
    managed: { default: { fields: { 'f:string': leaf } } },
  },
  {
    name: 'leaf_test.go: update_apply_omits',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 2 } },
      { op: 'update', manager: 'controller', object: { numeric: 1 } },
      { op: 'apply', manager: 'default', object: null },
    ],
    object: { numeric: 1 },
    managed: { controller: { fields: { 'f:numeric': leaf } } },
  },
  {
    name: 'leaf_test.go: update_remove_empty_set',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { string: 'string' } },
      { op: 'update', manager: 'controller', object: { string: 'new string' } },
    ],
    object: { string: 'new string' },
    managed: { controller: { fields: { 'f:string': leaf } } },
  },
  {
    name: 'leaf_test.go: apply_remove_empty_set',
    schema: leafFields,
    ops: [
      { op: 'apply', manager: 'default', object: { string: 'string' } },
      { op: 'apply', manager: 'default', object: null },
    ],
    object: null,
    managed: {},
  },
  {
    name: 'set_test.go: apply_update_apply_no_overlap',
    schema: sets,
    ops: [
      { op: 'apply', manager: 'default', object: { list: ['a', 'c'] } },
      { op: 'update', manager: 'controller', object: { list: ['a', 'b', 'c', 'd'] } },
      { op: 'apply', manager: 'default', object: { list: ['a', 'aprime', 'c', 'cprime'] } },
    ],
    object: { list: ['a', 'b', 'aprime', 'c', 'd', 'cprime'] },
    managed: {
      default: { fields: { 'f:list': { [v('a')]: leaf, [v('aprime')]: leaf, [v('c')]: leaf, [v('cprime')]: leaf } } },
      controller: { fields: { 'f:list': { [v('b')]: leaf, [v('d')]: leaf } } },
    },
  },
  {
    name: 'set_test.go: apply_update_apply_with_overlap_and_different_version',
    schema: sets,
    ops: [
      { op: 'apply', manager: 'default', object: { list: ['a', 'c'] } },
      { op: 'update', manager: 'controller', apiVersion: 'v2', object: { list: ['a', 'b', 'c', 'd'] } },
      { op: 'apply', manager: 'default', object: { list: ['a', 'b', 'c'] } },
    ],
    object: { list: ['a', 'b', 'c', 'd'] },
    managed: {
      default: { fields: { 'f:list': { [v('a')]: leaf, [v('b')]: leaf, [v('c')]: leaf } } },
      controller: { apiVersion: 'v2', fields: { 'f:list': { [v('b')]: leaf, [v('d')]: leaf } } },
    },
  },
  {
    name: 'set_test.go: apply_twice_reorder',
    schema: sets,
    ops: [
      { op: 'apply', manager: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
      { op: 'apply', manager: 'default', object: { list: ['a', 'd', 'c', 'b'] } },
    ],
    object: { list: ['a', 'd', 'c', 'b'] },
    managed: { default: { fields: { 'f:list': { [v('a')]: leaf, [v('b')]: leaf, [v('c')]: leaf, [v('d')]: leaf } } } },
  },
  {
    name: 'set_test.go: apply_update_apply_reorder',
    schema: sets,
    ops: [
      { op: 'apply', manager: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
      { op: 'update', manager: 'controller', object: { list: ['a', 'd', 'c', 'b'] } },
      { op: 'apply', manager: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
    ],
    object: { list: ['a', 'b', 'c', 'd'] },
    managed: { default: { fields: { 'f:list': { [v('a')]: leaf, [v('b')]: leaf, [v('c')]: leaf, [v('d')]: leaf } } } },
  },
  {
    name: 'set_test.go: apply_twice_remove_across_versions',
    schema: sets,
    ops: [
      { op: 'apply', manager: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
      { op: 'apply', manager: 'default', apiVersion: 'v2', object: { list: ['a', 'c', 'e'] } },
    ],
    object: { list: ['a', 'c', 'e'] },
    managed: { default: { apiVersion: 'v2', fields: { 'f:list': { [v('a')]: leaf, [v('c')]: leaf, [v('e')]: leaf } } } },
  },
  {
    name: 'key_test.go: removing_obsolete_applied_structs',
    schema: associativeList,
    ops: [
      { op: 'apply', manager: 'default', object: { list: [{ name: 'a', value: 1 }] } },
      { op: 'apply', manager: 'default', object: { list: [{ name: 'b', value: 2 }] } },
    ],
    object: { list: [{ name: 'b', value: 2 }] },
    managed: { default: { fields: { 'f:list': { [k({ name: 'b' })]: { '.': leaf, 'f:name': leaf, 'f:value': leaf } } } } },
  },
];
