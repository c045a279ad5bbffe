import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import type { JsonValue } from '../../../src/json/JsonValue.js';
import { leaf, num, str, type Scenario } from './scenario.js';

// Retold from structured-merge-diff v4.6.0 merge/deduced_test.go, ignore_test.go (TestIgnoredFields)
// and preserve_unknown_test.go.

/** A struct with one numeric field, any other key a string. */
const preserveUnknown = { table: { type: { fields: { num }, otherFields: str } } satisfies ApplyTable, root: 'type' };

const nestedV1: JsonValue = { a: 1, b: { c: { d: 2, e: [1, 2, 3], f: [{ name: 'n', value: 1 }] } } };
const nestedController: JsonValue = { a: 1, b: { c: { d: 3, e: [1, 2, 3, 4], f: [{ name: 'n', value: 2 }] } }, g: 5 };
const nestedV2: JsonValue = { a: 2, b: { c: { d: 2, e: [3, 2, 1], f: [{ name: 'n', value: 1 }] } } };
const nestedConflicts = [
  { manager: 'controller', path: '.b.c.d' },
  { manager: 'controller', path: '.b.c.e' },
  { manager: 'controller', path: '.b.c.f' },
];

const deepObject: JsonValue = { numeric: 1, obj: { string: 'foo', numeric: 2 } };

export const deducedScenarios: readonly Scenario[] = [
  {
    name: 'deduced_test.go: leaf_apply_update_apply_with_conflict',
    schema: 'deduced',
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 1, string: 'string' } },
      { op: 'update', manager: 'controller', object: { numeric: 1, string: 'controller string', bool: true } },
      { op: 'apply', manager: 'default', object: { numeric: 2, string: 'user string' }, conflicts: [{ manager: 'controller', path: '.string' }] },
      { op: 'forceApply', manager: 'default', object: { numeric: 2, string: 'user string' } },
    ],
    object: { numeric: 2, string: 'user string', bool: true },
    managed: { default: { fields: { 'f:numeric': leaf, 'f:string': leaf } }, controller: { fields: { 'f:bool': leaf } } },
  },
  {
    name: 'deduced_test.go: leaf_apply_twice_remove',
    schema: 'deduced',
    ops: [
      { op: 'apply', manager: 'default', object: { numeric: 1, string: 'string', bool: false } },
      { op: 'apply', manager: 'default', object: { string: 'new string' } },
    ],
    object: { string: 'new string' },
    managed: { default: { fields: { 'f:string': leaf } } },
  },
  {
    name: 'deduced_test.go: apply_twice_list_is_atomic',
    schema: 'deduced',
    ops: [
      { op: 'apply', manager: 'default', object: { list: ['a', 'c'] } },
      { op: 'apply', manager: 'default', object: { list: ['a', 'd', 'c', 'b'] } },
    ],
    object: { list: ['a', 'd', 'c', 'b'] },
    managed: { default: { fields: { 'f:list': leaf } } },
  },
  {
    name: 'deduced_test.go: apply_update_apply_list',
    schema: 'deduced',
    ops: [
      { op: 'apply', manager: 'default', object: { list: ['a', 'c'] } },
      { op: 'update', manager: 'controller', object: { list: ['a', 'b', 'c', 'd'] } },
      { op: 'forceApply', manager: 'default', object: { list: ['a', 'b', 'c'] } },
    ],
    object: { list: ['a', 'b', 'c'] },
    managed: { default: { fields: { 'f:list': leaf } } },
  },
  {
    name: 'deduced_test.go: apply_update_apply_nested',
    schema: 'deduced',
    ops: [
      { op: 'apply', manager: 'default', object: nestedV1 },
      { op: 'update', manager: 'controller', object: nestedController },
      { op: 'apply', manager: 'default', object: nestedV2, conflicts: nestedConflicts },
      { op: 'forceApply', manager: 'default', object: nestedV2 },
    ],
    object: { ...(nestedV2 as object), g: 5 },
  },
  {
    name: 'deduced_test.go: apply_update_apply_nested_different_version',
    schema: 'deduced',
    ops: [
      { op: 'apply', manager: 'default', object: nestedV1 },
      { op: 'update', manager: 'controller', apiVersion: 'v2', object: nestedController },
      { op: 'apply', manager: 'default', apiVersion: 'v3', object: nestedV2, conflicts: nestedConflicts },
      { op: 'forceApply', manager: 'default', apiVersion: 'v3', object: nestedV2 },
    ],
    object: { ...(nestedV2 as object), g: 5 },
  },
  {
    name: 'ignore_test.go: TestIgnoredFields update_does_not_own_ignored',
    schema: 'deduced',
    ignored: { 'f:string': leaf },
    ops: [{ op: 'update', manager: 'default', object: { numeric: 1, string: 'some string' } }],
    object: { numeric: 1, string: 'some string' },
    managed: { default: { fields: { 'f:numeric': leaf } } },
  },
  {
    name: 'ignore_test.go: TestIgnoredFields update_does_not_own_deep_ignored',
    schema: 'deduced',
    ignored: { 'f:obj': leaf },
    ops: [{ op: 'update', manager: 'default', object: deepObject }],
    object: deepObject,
    managed: { default: { fields: { 'f:numeric': leaf } } },
  },
  {
    name: 'ignore_test.go: TestIgnoredFields apply_does_not_own_ignored',
    schema: 'deduced',
    ignored: { 'f:string': leaf },
    ops: [{ op: 'apply', manager: 'default', object: { numeric: 1, string: 'some string' } }],
    object: { numeric: 1, string: 'some string' },
    managed: { default: { fields: { 'f:numeric': leaf } } },
  },
  {
    name: 'ignore_test.go: TestIgnoredFields apply_does_not_own_deep_ignored',
    schema: 'deduced',
    ignored: { 'f:obj': leaf },
    ops: [{ op: 'apply', manager: 'default', object: deepObject }],
    object: deepObject,
    managed: { default: { fields: { 'f:numeric': leaf } } },
  },
  {
    name: 'preserve_unknown_test.go: preserve_unknown_fields',
    schema: preserveUnknown,
    ops: [
      { op: 'apply', manager: 'default', object: { num: 5, unknown: 'value' } },
      { op: 'apply', manager: 'default', object: { num: 6, unknown: 'new' } },
    ],
    object: { num: 6, unknown: 'new' },
    managed: { default: { fields: { 'f:num': leaf, 'f:unknown': leaf } } },
  },
];
