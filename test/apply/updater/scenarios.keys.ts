import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import { k, leaf, num, str, v, type Scenario } from './scenario.js';

// Retold from structured-merge-diff v4.6.0 merge/default_keys_test.go and duplicates_test.go.

/** Container ports keyed by port and protocol, protocol defaulting to TCP. */
const portList = {
  table: {
    v1: { fields: { containerPorts: { kind: 'list', listType: 'map', keys: ['port', 'protocol'], elem: { kind: 'struct', ref: 'port' } } } },
    port: { fields: { port: num, protocol: str, name: str }, keyDefaults: { protocol: 'TCP' } },
  } satisfies ApplyTable,
  root: 'v1',
};

/** Chapters keyed by chapter (default 1) and section (default "A"), sentences by page (2) and line (3). */
const book = {
  table: {
    v1: { fields: { book: { kind: 'list', listType: 'map', keys: ['chapter', 'section'], elem: { kind: 'struct', ref: 'chapter' } } } },
    chapter: {
      fields: { chapter: num, section: str, sentences: { kind: 'list', listType: 'map', keys: ['page', 'line'], elem: { kind: 'struct', ref: 'sentence' } } },
      keyDefaults: { chapter: 1, section: 'A' },
    },
    sentence: { fields: { page: num, line: num, text: str }, keyDefaults: { page: 2, line: 3 } },
  } satisfies ApplyTable,
  root: 'v1',
};

/** A keyed list, an unrelated number and a set of numbers. */
const duplicates = {
  table: {
    type: {
      fields: {
        list: { kind: 'list', listType: 'map', keys: ['name'], elem: { kind: 'struct', ref: 'myElement' } },
        unrelated: num,
        set: { kind: 'list', listType: 'set', elem: num },
      },
    },
    myElement: { fields: { name: str, value1: num, value2: num } },
  } satisfies ApplyTable,
  root: 'type',
};

const tcp80 = k({ port: 80, protocol: 'TCP' });
const a = k({ name: 'a' });
const b = k({ name: 'b' });
const withDuplicates = { list: [{ name: 'a', value1: 1 }, { name: 'a', value1: 2 }, { name: 'b', value1: 3 }] };
const ownsB = { '.': leaf, [b]: { '.': leaf, 'f:name': leaf, 'f:value1': leaf } };

export const keyScenarios: readonly Scenario[] = [
  {
    name: 'default_keys_test.go: apply_missing_defaulted_key_B',
    schema: portList,
    ops: [{ op: 'apply', manager: 'default', object: { containerPorts: [{ port: 80 }, { port: 80, protocol: 'UDP' }] } }],
    object: { containerPorts: [{ port: 80 }, { port: 80, protocol: 'UDP' }] },
    managed: {
      default: {
        fields: {
          'f:containerPorts': { [tcp80]: { '.': leaf, 'f:port': leaf }, [k({ port: 80, protocol: 'UDP' })]: { '.': leaf, 'f:port': leaf, 'f:protocol': leaf } },
        },
      },
    },
  },
  {
    name: 'default_keys_test.go: apply_missing_defaulted_key_with_conflict',
    schema: portList,
    ops: [
      { op: 'apply', manager: 'apply-one', object: { containerPorts: [{ port: 80, protocol: 'TCP', name: 'foo' }] } },
      {
        op: 'apply',
        manager: 'apply-two',
        object: { containerPorts: [{ port: 80, name: 'bar' }] },
        conflicts: [{ manager: 'apply-one', path: '.containerPorts[port=80,protocol="TCP"].name' }],
      },
    ],
    object: { containerPorts: [{ port: 80, protocol: 'TCP', name: 'foo' }] },
    managed: { 'apply-one': { fields: { 'f:containerPorts': { [tcp80]: { '.': leaf, 'f:name': leaf, 'f:port': leaf, 'f:protocol': leaf } } } } },
  },
  {
    name: 'default_keys_test.go: apply_missing_undefaulted_defaulted_key (fails)',
    schema: portList,
    ops: [{ op: 'apply', manager: 'default', object: { containerPorts: [{ protocol: 'TCP' }] }, error: true }],
  },
  {
    name: 'default_keys_test.go: apply_missing_defaulted_key_ambiguous_B (fails)',
    schema: portList,
    ops: [{ op: 'apply', manager: 'default', object: { containerPorts: [{ port: 80 }, { port: 80, protocol: 'TCP' }] }, error: true }],
  },
  {
    name: 'default_keys_test.go: apply_integer_key_with_float_default',
    schema: book,
    ops: [
      { op: 'apply', manager: 'default', object: { book: [{ sentences: [{ text: 'blah' }] }] } },
      { op: 'apply', manager: 'default', object: { book: [{ sentences: [{ text: 'blah', page: 2 }] }] } },
    ],
    object: { book: [{ sentences: [{ text: 'blah', page: 2 }] }] },
    managed: {
      default: {
        fields: {
          'f:book': { [k({ chapter: 1, section: 'A' })]: { '.': leaf, 'f:sentences': { [k({ page: 2, line: 3 })]: { '.': leaf, 'f:page': leaf, 'f:text': leaf } } } },
        },
      },
    },
  },
  {
    name: 'duplicates_test.go: sets/ownership/add_duplicate',
    schema: duplicates,
    ops: [
      { op: 'update', manager: 'updater-one', object: { set: [1, 3, 4] } },
      { op: 'update', manager: 'updater-two', object: { set: [1, 1, 3, 4] } },
    ],
    managed: {
      'updater-one': { fields: { 'f:set': { '.': leaf, [v(3)]: leaf, [v(4)]: leaf } } },
      'updater-two': { fields: { 'f:set': { [v(1)]: leaf } } },
    },
  },
  {
    name: 'duplicates_test.go: sets/merging/remove_duplicate',
    schema: duplicates,
    ops: [
      { op: 'update', manager: 'updater', object: { set: [1, 1, 3, 4] } },
      { op: 'apply', manager: 'applier', object: { set: [1] }, conflicts: [{ manager: 'updater', path: '.set[=1]' }] },
      { op: 'forceApply', manager: 'applier', object: { set: [1] } },
    ],
    object: { set: [1, 3, 4] },
    managed: { updater: { fields: { 'f:set': { '.': leaf, [v(3)]: leaf, [v(4)]: leaf } } }, applier: { fields: { 'f:set': { [v(1)]: leaf } } } },
  },
  {
    name: 'duplicates_test.go: sets/merging/ignore_duplicate',
    schema: duplicates,
    ops: [
      { op: 'update', manager: 'updater', object: { set: [1, 1, 3, 4] } },
      { op: 'apply', manager: 'applier', object: { set: [5] } },
    ],
    object: { set: [1, 1, 3, 4, 5] },
    managed: {
      updater: { fields: { 'f:set': { '.': leaf, [v(1)]: leaf, [v(3)]: leaf, [v(4)]: leaf } } },
      applier: { fields: { 'f:set': { [v(5)]: leaf } } },
    },
  },
  {
    name: 'duplicates_test.go: list/ownership/change_fields_duplicated_items',
    schema: duplicates,
    ops: [
      { op: 'update', manager: 'updater-one', object: withDuplicates },
      { op: 'update', manager: 'updater-two', object: { list: [{ name: 'a', value1: 1 }, { name: 'a', value1: 2, value2: 3 }, { name: 'b', value1: 3 }] } },
    ],
    managed: { 'updater-one': { fields: { 'f:list': ownsB } }, 'updater-two': { fields: { 'f:list': { [a]: leaf } } } },
  },
  {
    name: 'duplicates_test.go: list/merge/unrelated_with_duplicated_items',
    schema: duplicates,
    ops: [
      { op: 'update', manager: 'updater', object: withDuplicates },
      { op: 'forceApply', manager: 'applier', object: { unrelated: 5 } },
    ],
    object: { ...withDuplicates, unrelated: 5 },
    managed: { updater: { fields: { 'f:list': { ...ownsB, [a]: leaf } } }, applier: { fields: { 'f:unrelated': leaf } } },
  },
  {
    name: 'duplicates_test.go: list/merge/unchanged_duplicated_item',
    schema: duplicates,
    ops: [
      { op: 'update', manager: 'updater', object: withDuplicates },
      { op: 'apply', manager: 'applier', object: { list: [{ name: 'a', value1: 2 }] }, conflicts: [{ manager: 'updater', path: '.list[name="a"]' }] },
      { op: 'forceApply', manager: 'applier', object: { list: [{ name: 'a', value1: 3 }] } },
    ],
    object: { list: [{ name: 'a', value1: 3 }, { name: 'b', value1: 3 }] },
    managed: {
      updater: { fields: { 'f:list': ownsB } },
      applier: { fields: { 'f:list': { [a]: { '.': leaf, 'f:name': leaf, 'f:value1': leaf } } } },
    },
  },
  {
    name: 'duplicates_test.go: list/merge/change_non_duplicated_item',
    schema: duplicates,
    ops: [
      { op: 'update', manager: 'updater', object: withDuplicates },
      { op: 'forceApply', manager: 'applier', object: { list: [{ name: 'b', value1: 4 }] } },
    ],
    object: { list: [{ name: 'a', value1: 1 }, { name: 'a', value1: 2 }, { name: 'b', value1: 4 }] },
    managed: {
      updater: { fields: { 'f:list': { '.': leaf, [a]: leaf, [b]: { '.': leaf, 'f:name': leaf } } } },
      applier: { fields: { 'f:list': { [b]: { '.': leaf, 'f:name': leaf, 'f:value1': leaf } } } },
    },
  },
  {
    name: 'duplicates_test.go: list/merge/apply_update_duplicates_apply_without',
    schema: duplicates,
    ops: [
      { op: 'apply', manager: 'applier', object: { list: [{ name: 'a', value1: 1 }, { name: 'b', value1: 3 }] } },
      { op: 'update', manager: 'updater', object: withDuplicates },
      { op: 'apply', manager: 'applier', object: { list: [{ name: 'b', value1: 3 }] } },
    ],
    object: withDuplicates,
    managed: {
      applier: { fields: { 'f:list': { [b]: { '.': leaf, 'f:name': leaf, 'f:value1': leaf } } } },
      updater: { fields: { 'f:list': { [a]: leaf } } },
    },
  },
];
