// The operations of one sequence, one at a time: who writes, how (apply, with or without force;
// PUT or merge patch by an updater; the same through /status), and what. Each manager keeps
// evolving its own apply configurations; updaters edit the live object.
import { applyMergePatch, createMergePatch, FieldSet, schemaFor, schemaFromCRD, type JsonValue, type PatchSchema } from 'kubepatch';
import type { Obj } from '../../helpers/patchPodTemplate.js';
import type { Random } from '../../helpers/seededRandom.js';
import { applyEdits, applyRemoval, METADATA_EDITS, type Edit, type EditContext } from './edits.js';
import { APPLY_PATCH, MERGE_PATCH, type StepRequest } from './http.js';
import { STATUS_EDITS, STATUS_IN_MAIN_EDIT, STATUS_RESET_EDITS } from './status.js';
import type { Target } from './targets.js';

export type OpKind = 'create-apply' | 'create-post' | 'apply' | 'put' | 'merge' | 'reset-managed-fields' | 'status-apply' | 'status-put';

/** The manager `kubectl apply` (client-side) writes as; its objects carry {@link LAST_APPLIED}. */
export const CLIENT_SIDE_APPLY = 'kubectl-client-side-apply';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** JSON with sorted keys and a final newline, as kubectl writes {@link LAST_APPLIED}. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v)) + '\n';

/** What the engine is asked for the step, from the live object before it. */
export type EngineCall =
  | { readonly call: 'serverSideApply'; readonly config: Obj; readonly options: { manager: string; force: boolean; subresource?: string } & SchemaOption }
  | { readonly call: 'recordUpdate'; readonly after: Obj; readonly options: { manager: string; subresource?: string } & SchemaOption };

/** How the engine learns the kind's schema: by the CRDs (or the built-in tables), or as one schema object. */
type SchemaOption = { readonly crds?: readonly object[] } | { readonly schema: PatchSchema };

export interface Op {
  readonly kind: OpKind;
  readonly manager: string;
  readonly force: boolean;
  readonly subresource?: 'status';
  readonly request: StepRequest;
  readonly engine: EngineCall;
  /** The edits made, in words (for reports). */
  readonly edits: readonly string[];
}

interface Manager {
  readonly name: string;
  config?: Obj;
  statusConfig?: Obj;
  conflicted: boolean;
  statusConflicted: boolean;
}

const withoutManagedFields = (object: Obj): Obj => {
  const copy = structuredClone(object);
  delete copy.metadata?.managedFields;
  return copy;
};

/**
 * Whether every managedFields entry but `self`'s that owns something of the list item at `itemPath`
 * also owns its `required` field: then `self` may drop the item without leaving it incomplete.
 */
function mayDropFrom(live: Obj | null, self: { manager: string; subresource?: string }) {
  return (itemPath: string, required: string): boolean => {
    for (const entry of (live?.metadata?.managedFields ?? []) as Obj[]) {
      if (entry.manager === self.manager && entry.operation === 'Apply' && entry.subresource === self.subresource) continue;
      const lines = FieldSet.fromFieldsV1(entry.fieldsV1).toString().split('\n');
      const owns = lines.some((line) => line === itemPath || line.startsWith(`${itemPath}.`) || line.startsWith(`${itemPath}[`));
      if (owns && !lines.includes(`${itemPath}.${required}`)) return false;
    }
    return true;
  };
}

export class SequencePlan {
  readonly managers: Manager[];
  private readonly collection: string;
  private readonly item: string;

  constructor(
    readonly target: Target,
    private readonly random: Random,
    namespace: string,
    readonly name: string,
    managerNames: readonly string[],
  ) {
    this.managers = managerNames.map((n) => ({ name: n, conflicted: false, statusConflicted: false }));
    this.collection = target.collection(namespace);
    this.item = `${this.collection}/${name}`;
  }

  private context(live: Obj | null, keepSkeleton: boolean, isLive: boolean, manager: string, subresource?: string): EditContext {
    return { random: this.random, keepSkeleton, isLive, live, mayDrop: mayDropFrom(live, { manager, subresource }) };
  }

  private get mainEdits(): readonly Edit[] {
    return this.target.status ? [...this.target.edits, STATUS_IN_MAIN_EDIT] : this.target.edits;
  }

  /**
   * Half the sequences (by the object's name) name the schema's source, the other half pass the
   * kind's `PatchSchema` (the one object strategic merge patch takes too): both must give the server's answer.
   */
  private crds(): SchemaOption {
    if (this.name.charCodeAt(this.name.length - 1) % 2 === 0) return this.target.crds ? { crds: this.target.crds } : {};
    const [crd] = this.target.crds ?? [];
    const version = this.target.apiVersion.slice(this.target.apiVersion.lastIndexOf('/') + 1);
    return { schema: crd === undefined ? schemaFor(this.target.apiVersion, this.target.kind)! : schemaFromCRD(crd, version) };
  }

  /** The next operation, given the live object as the server last returned it (null: none yet). */
  next(live: Obj | null): Op {
    const random = this.random;
    if (live === null) return this.create();
    const roll = random.next();
    if (this.target.status && roll < 0.4) return roll < 0.25 ? this.apply(live, true) : this.update(live, 'status-put');
    if (roll < 0.62) return this.apply(live, false);
    return this.update(live, random.chance(0.5) ? 'put' : 'merge');
  }

  /** Records the server's verdict on an apply: a refused manager tends to force the next time. */
  settle(op: Op, accepted: boolean): void {
    const manager = this.managers.find((m) => m.name === op.manager)!;
    if (op.kind === 'apply' || op.kind === 'create-apply') manager.conflicted = !accepted;
    if (op.kind === 'status-apply') manager.statusConflicted = !accepted;
  }

  private create(): Op {
    const creator = this.managers[0]!;
    const config = this.target.skeleton(this.random, this.name);
    const edits = applyEdits(config, this.mainEdits, this.context(null, true, false, creator.name), this.random.int(3));
    creator.config = config;
    // A client-side `kubectl apply` creates with a POST that records its configuration.
    const clientSide = creator.name === CLIENT_SIDE_APPLY;
    if (clientSide) config.metadata.annotations = { ...config.metadata.annotations, [LAST_APPLIED]: sortedJson(config) };
    const byApply = !clientSide && this.random.chance(0.7);
    const options = { manager: creator.name, ...this.crds() };
    if (byApply) {
      const request: StepRequest = { method: 'PATCH', path: `${this.item}?fieldManager=${creator.name}`, contentType: APPLY_PATCH, body: config };
      return { kind: 'create-apply', manager: creator.name, force: false, request, edits, engine: { call: 'serverSideApply', config, options: { ...options, force: false } } };
    }
    const request: StepRequest = { method: 'POST', path: `${this.collection}?fieldManager=${creator.name}`, contentType: 'application/json', body: config };
    return { kind: 'create-post', manager: creator.name, force: false, request, edits, engine: { call: 'recordUpdate', after: config, options } };
  }

  private apply(live: Obj, status: boolean): Op {
    const random = this.random;
    const manager = random.pick(this.managers);
    const isCreator = manager === this.managers[0];
    const previous = status ? manager.statusConfig : manager.config;
    const config = structuredClone(previous ?? { apiVersion: this.target.apiVersion, kind: this.target.kind, metadata: { name: this.name } });
    const subresource = status ? 'status' : undefined;
    const context = this.context(live, isCreator && !status, false, manager.name, subresource);
    const count = previous === undefined ? 1 + random.int(3) : random.chance(0.15) ? 0 : 1 + random.int(2);
    // Now and then a manager drops a field it applied before: a removal.
    const removal = previous !== undefined && random.chance(0.15) ? applyRemoval(config, status ? STATUS_EDITS : this.mainEdits, context) : undefined;
    const edits = removal !== undefined
      ? [removal]
      : status
        ? applyEdits(config, random.chance(0.08) ? STATUS_RESET_EDITS : STATUS_EDITS, context, Math.max(count, previous === undefined ? 1 : 0))
        : applyEdits(config, previous === undefined && !isCreator && random.chance(0.3) ? METADATA_EDITS : this.mainEdits, context, count);
    if (status) manager.statusConfig = config;
    else manager.config = config;
    const conflicted = status ? manager.statusConflicted : manager.conflicted;
    const force = random.chance(conflicted ? 0.6 : 0.08);
    const path = `${this.item}${status ? '/status' : ''}?fieldManager=${manager.name}${force ? '&force=true' : ''}`;
    const options = { manager: manager.name, force, ...(subresource ? { subresource } : {}), ...this.crds() };
    return {
      kind: status ? 'status-apply' : 'apply',
      manager: manager.name,
      force,
      ...(subresource ? { subresource } : {}),
      request: { method: 'PATCH', path, contentType: APPLY_PATCH, body: config },
      edits,
      engine: { call: 'serverSideApply', config, options },
    };
  }

  private update(live: Obj, kind: 'put' | 'merge' | 'status-put'): Op {
    const random = this.random;
    const manager = random.pick(this.managers);
    const status = kind === 'status-put';
    const before = withoutManagedFields(live);
    const after = structuredClone(before);
    const context = this.context(live, true, true, manager.name, status ? 'status' : undefined);
    const edits = applyEdits(after, status ? STATUS_EDITS : this.mainEdits, context, 1 + random.int(2));
    const subresource = status ? { subresource: 'status' as const } : {};
    const options = { manager: manager.name, ...subresource, ...this.crds() };
    const path = `${this.item}${status ? '/status' : ''}?fieldManager=${manager.name}`;
    if (kind === 'merge' && random.chance(0.03)) {
      // `managedFields: [{}]` strips every entry; the next apply meets an object without them.
      const patch = { metadata: { managedFields: [{}] } };
      const reset = { ...before, metadata: { ...before.metadata, managedFields: [{}] } };
      const request: StepRequest = { method: 'PATCH', path, contentType: MERGE_PATCH, body: patch };
      return { kind: 'reset-managed-fields', manager: manager.name, force: false, request, edits: ['managedFields [{}]'], engine: { call: 'recordUpdate', after: reset, options } };
    }
    if (kind !== 'merge') {
      const request: StepRequest = { method: 'PUT', path, contentType: 'application/json', body: after };
      return { kind, manager: manager.name, force: false, ...subresource, request, edits, engine: { call: 'recordUpdate', after, options } };
    }
    const patch = createMergePatch(before as JsonValue, after as JsonValue) as Obj;
    const patched = applyMergePatch(before as JsonValue, patch as JsonValue) as Obj;
    const request: StepRequest = { method: 'PATCH', path, contentType: MERGE_PATCH, body: patch };
    return { kind, manager: manager.name, force: false, request, edits, engine: { call: 'recordUpdate', after: patched, options } };
  }
}
