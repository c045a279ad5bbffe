import type { JsonObject } from '../json/JsonValue.js';
import type { ManagedFieldsEntry } from './managedFields/ManagedFieldsEntry.js';

/**
 * Who writes, and how: the options of {@link serverSideApply}, {@link recordUpdate} and
 * {@link predictApply}.
 *
 * @example
 * ```ts
 * const options: WriteOptions = { manager: 'deployer', subresource: 'status', crds: [rolloutCrd], now: new Date('2026-12-07T10:00:00Z') };
 * ```
 * @public
 */
export interface WriteOptions {
  /** The field manager (`fieldManager` of the request). */
  readonly manager: string;
  /** Write through a subresource: `'status'`. Absent: the main resource. */
  readonly subresource?: string;
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
