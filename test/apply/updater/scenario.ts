import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import type { JsonObject, JsonValue } from '../../../src/json/JsonValue.js';

// The shape of structured-merge-diff's merge scenarios (merge/*_test.go, v4.6.0), retold as data:
// a schema, operations run one after the other from no object at all, and what the object and
// the managers' field sets must be afterwards. The updater test runs each through kubepatch's
// updater and through the Go oracle.

/** A schema as an apply table and its root struct, or `'deduced'` (no schema: `__untyped_deduced_`). */
export type ScenarioSchema = { readonly table: ApplyTable; readonly root: string } | 'deduced';

/** A conflict an apply must report: the manager, and the path as `Path.String()` prints it. */
export interface ScenarioConflict {
  readonly manager: string;
  readonly path: string;
}

/**
 * One operation: an apply (not forced; when `conflicts` is given it must fail with exactly those,
 * and changes nothing), a forced apply, or an update (the object is the whole next object);
 * `apiVersion` defaults to `v1`, `object` `null` is an empty YAML document. Or a change of schema
 * (the Go fixture's `ChangeParser`): the next operations use `schema`, the live object and the
 * managers' sets stay as they are.
 */
export type ScenarioOp = ScenarioWrite | { readonly op: 'changeSchema'; readonly schema: ScenarioSchema };

/** A write of a scenario: see {@link ScenarioOp}. */
export interface ScenarioWrite {
  readonly op: 'apply' | 'forceApply' | 'update';
  readonly manager: string;
  readonly apiVersion?: string;
  readonly object: JsonValue;
  readonly conflicts?: readonly ScenarioConflict[];
  /** The operation must fail: structured-merge-diff returns an error, kubepatch throws `InvalidDocumentError`. */
  readonly error?: true;
}

/** A manager's expected set: its fieldsV1 object, at `apiVersion` (default `v1`). */
export interface ScenarioManaged {
  readonly apiVersion?: string;
  readonly fields: JsonObject;
}

/** One scenario of structured-merge-diff's merge tests. */
export interface Scenario {
  /** `<file>: <case name>` of the Go test it retells. */
  readonly name: string;
  readonly schema: ScenarioSchema;
  readonly ops: readonly ScenarioOp[];
  /** The live object afterwards; absent when the Go test does not check it. */
  readonly object?: JsonValue;
  /** Every manager's set afterwards (managers with empty sets are gone); absent when not checked. */
  readonly managed?: { readonly [manager: string]: ScenarioManaged };
  /** The updater's ignored fields (fieldsV1), the same at every version. */
  readonly ignored?: JsonObject;
}

/** A string scalar field type, for the tables below. */
export const str = { kind: 'scalar', scalar: 'string' } as const;
/** A numeric scalar field type. */
export const num = { kind: 'scalar', scalar: 'numeric' } as const;
/** A boolean scalar field type. */
export const bool = { kind: 'scalar', scalar: 'boolean' } as const;

/** The fieldsV1 key of a set element (`v:` and the value as JSON). */
export const v = (value: JsonValue): string => `v:${JSON.stringify(value)}`;
/** The fieldsV1 key of an associative-list element (`k:` and its key fields as JSON, sorted by name). */
export const k = (fields: JsonObject): string =>
  `k:${JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))}`;
/** A leaf of a fieldsV1 object. */
export const leaf: JsonObject = Object.freeze({}) as JsonObject;
