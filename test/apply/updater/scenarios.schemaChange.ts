import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import { leaf, num, str, type Scenario } from './scenario.js';

// Retold from structured-merge-diff v4.6.0 merge/schema_change_test.go: a struct made atomic, or
// granular, between two applies (Updater.reconcileManagedFieldsWithSchemaChanges).

/** A root with one struct of two scalars, granular or atomic. */
const structSchema = (atomic: boolean): { table: ApplyTable; root: string } => ({
  table: { v1: { fields: { struct: { kind: 'struct', ref: 'struct' } } }, struct: { fields: { numeric: num, string: str }, ...(atomic ? { structType: 'atomic' as const } : {}) } },
  root: 'v1',
});
const granular = structSchema(false);
const atomic = structSchema(true);

export const schemaChangeScenarios: readonly Scenario[] = [
  {
    name: 'schema_change_test.go: to-atomic',
    schema: granular,
    ops: [
      { op: 'apply', manager: 'one', object: { struct: { numeric: 1 } } },
      { op: 'changeSchema', schema: atomic },
      { op: 'apply', manager: 'two', object: { struct: { string: 'string' } }, conflicts: [{ manager: 'one', path: '.struct' }] },
      { op: 'forceApply', manager: 'two', object: { struct: { string: 'string' } } },
    ],
    object: { struct: { string: 'string' } },
    managed: { two: { fields: { 'f:struct': leaf } } },
  },
  {
    name: 'schema_change_test.go: to-atomic-owner-with-no-child-fields',
    schema: granular,
    ops: [
      { op: 'apply', manager: 'one', object: { struct: { numeric: 1 } } },
      { op: 'forceApply', manager: 'two', object: { struct: { numeric: 2 } } },
      { op: 'changeSchema', schema: atomic },
      { op: 'apply', manager: 'three', object: { struct: { string: 'string' } }, conflicts: [{ manager: 'two', path: '.struct' }] },
      { op: 'forceApply', manager: 'two', object: { struct: { string: 'string' } } },
    ],
    object: { struct: { string: 'string' } },
    managed: { two: { fields: { 'f:struct': leaf } } },
  },
  {
    name: 'schema_change_test.go: to-granular',
    schema: atomic,
    ops: [
      { op: 'apply', manager: 'one', object: { struct: { numeric: 1, string: 'a' } } },
      { op: 'apply', manager: 'two', object: { struct: { string: 'b' } }, conflicts: [{ manager: 'one', path: '.struct' }] },
      { op: 'changeSchema', schema: granular },
      { op: 'apply', manager: 'two', object: { struct: { string: 'b' } } },
    ],
    object: { struct: { numeric: 1, string: 'b' } },
    managed: { one: { fields: { 'f:struct': leaf } }, two: { fields: { 'f:struct': { 'f:string': leaf } } } },
  },
];
