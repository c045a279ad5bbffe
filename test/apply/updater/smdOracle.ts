import { FieldSet } from '../../../src/apply/fieldsV1/FieldSet.js';
import type { JsonObject, JsonValue } from '../../../src/json/JsonValue.js';
import { JsonLineProcess } from '../../helpers/jsonLineProcess.js';
import type { SmdSchema } from '../../helpers/smdSchema.js';
import { sortConflicts, type Outcome } from './outcome.js';

// The client of go/cmd/smd-oracle: structured-merge-diff's merge.Updater, one JSON line per
// request and per answer, in order.

/** A manager's set as the oracle reads and writes it. */
export interface OracleManager {
  readonly name: string;
  readonly apiVersion: string;
  readonly applied: boolean;
  /** The set's fieldsV1 text (Set.ToJSON). */
  readonly fieldsV1: string;
}

/** One Apply or Update (or only the reconciliation of the managers with the schema), as the oracle is asked it. */
export interface OracleRequest {
  readonly op: 'apply' | 'update' | 'reconcile';
  readonly schema: SmdSchema;
  readonly typeName: string;
  readonly live: JsonValue;
  /** The applied configuration (apply) or the next object (update). */
  readonly object: JsonValue;
  readonly apiVersion: string;
  readonly managers: readonly OracleManager[];
  readonly manager: string;
  readonly force?: boolean;
  /** IgnoredFields, the same set at every version (fieldsV1 text). */
  readonly ignored?: string;
  /** Names the schema: it is sent with the first request that names it, and only named afterwards. */
  readonly schemaId?: string;
}

interface OracleReply {
  readonly object?: JsonValue;
  readonly noop?: boolean;
  readonly managers?: readonly OracleManager[];
  readonly conflicts?: readonly { readonly manager: string; readonly path: string; readonly pathSet: string }[];
  readonly error?: string;
}

/** One oracle process, answering one request at a time, in order. */
export class SmdOracle {
  readonly #process: JsonLineProcess;
  readonly #sentSchemas = new Set<string>();

  constructor(path: string) {
    this.#process = new JsonLineProcess(path, 'smd-oracle');
  }

  /** structured-merge-diff's outcome of `request`, in the form {@link Outcome} compares. */
  async run(request: OracleRequest): Promise<Outcome> {
    const { object, ignored, schema, ...rest } = request;
    const named = request.schemaId !== undefined && this.#sentSchemas.has(request.schemaId);
    if (request.schemaId !== undefined) this.#sentSchemas.add(request.schemaId);
    const line = JSON.stringify({
      ...rest,
      ...(named ? {} : { schema }),
      [request.op === 'apply' ? 'config' : 'next']: object,
      managers: request.managers.map((m) => ({ ...m, fieldsV1: JSON.parse(m.fieldsV1) as JsonObject })),
      ...(ignored === undefined ? {} : { ignored: JSON.parse(ignored) as JsonObject }),
    });
    const reply = JSON.parse(await this.#process.ask(line)) as OracleReply;
    if (reply.error !== undefined) return { kind: 'error', message: reply.error };
    if (reply.conflicts !== undefined) {
      return { kind: 'conflicts', conflicts: sortConflicts(reply.conflicts.map((c) => ({ ...c, pathSet: FieldSet.parse(c.pathSet).serialize() }))) };
    }
    return {
      kind: 'ok',
      noop: reply.noop === true,
      object: reply.object ?? null,
      managers: (reply.managers ?? []).map((m) => ({ ...m, fieldsV1: FieldSet.parse(m.fieldsV1).serialize() })),
    };
  }

  /** Ends the process and waits for it. */
  stop(): Promise<void> {
    return this.#process.stop();
  }
}
