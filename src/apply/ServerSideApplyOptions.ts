import type { JsonObject } from '../json/JsonValue.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { ManagedFieldsEntry } from './managedFields/ManagedFieldsEntry.js';

/**
 * Who writes, and how: the options of {@link serverSideApply}, {@link recordUpdate} and
 * {@link predictApply}.
 *
 * @example
 * ```ts
 * const options: WriteOptions = { manager: 'deployer', subresource: 'status', crds: [rolloutCrd], now: new Date('2026-12-07T10:00:00Z') };
 * const same: WriteOptions = { manager: 'deployer', schema: schemaFromCRD(rolloutCrd, 'v1alpha1') };
 * ```
 * @public
 */
export interface WriteOptions {
  /** The field manager (`fieldManager` of the request). */
  readonly manager: string;
  /** Write through a subresource: `'status'`. Absent: the main resource. */
  readonly subresource?: string;
  /**
   * The schema of the object's kind: the same {@link PatchSchema} strategic merge patch, keyed
   * JSON Patch and semantic diff take, from {@link schemaFor}, {@link schemaFromCRD},
   * {@link schemaFromOpenAPI} or {@link PatchSchema.fromTable}. Apply reads its source as the API
   * server reads it for apply (list types, keys, map types; a CRD's status subresource and
   * defaults). When given, `crds` and `openAPI` are not read. It must be the schema of the whole
   * object, of the object's kind (else `INVALID_SCHEMA`). Absent: `crds`, `openAPI`, then the
   * built-in kinds.
   */
  readonly schema?: PatchSchema;
  /**
   * The CustomResourceDefinitions of custom kinds, so their schema is known (list types, keys,
   * map types, status subresource). Built-in kinds of Kubernetes 1.33 need none.
   */
  readonly crds?: readonly object[];
  /**
   * An OpenAPI v3 document that describes the kind (as the API server serves it at
   * `/openapi/v3/apis/<group>/<version>`): its schema marked with the object's
   * `x-kubernetes-group-version-kind` is used, for kinds that are neither built in nor in `crds`
   * (an aggregated API), or to follow a server's own schema of a built-in kind.
   */
  readonly openAPI?: object;
  /** The time written into changed `managedFields` entries; default: now. The server keeps seconds. */
  readonly now?: Date;
}

/**
 * The options of {@link serverSideApply} and {@link predictApply}.
 *
 * @example
 * ```ts
 * const options: ServerSideApplyOptions = { manager: 'deployer', force: true };
 * ```
 * @public
 */
export interface ServerSideApplyOptions extends WriteOptions {
  /** Take the fields other managers own instead of failing with their conflicts (`--force-conflicts`). */
  readonly force?: boolean;
}

/**
 * The object after a write, as the API server would store it, and its `managedFields` (also in
 * `object.metadata.managedFields`).
 *
 * @example
 * ```ts
 * const { object, managedFields }: WriteResult = serverSideApply(live, manifest, { manager: 'deployer' });
 * ```
 * @public
 */
export interface WriteResult {
  /** The stored object. Server-assigned metadata (`resourceVersion`, `generation`, `uid`) is as in the live object. */
  readonly object: JsonObject;
  /** The entries of `object.metadata.managedFields`, in the server's order; empty when none are tracked. */
  readonly managedFields: readonly ManagedFieldsEntry[];
}
