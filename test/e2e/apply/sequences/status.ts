// Edits of a Deployment's status, written through the status subresource (apply and update). The
// replica counts go together (validation ties them: ready ≤ replicas, available ≤ ready, …), so a
// writer always writes all four and never drops them; conditions are a map list keyed by type.
import type { Obj } from '../../helpers/patchPodTemplate.js';
import { at, prune, scalar, type Edit } from './edits.js';

const TIMES = ['2026-01-01T00:00:00Z', '2026-06-30T12:34:56Z'];
const REASONS = ['NewReplicaSetAvailable', 'MinimumReplicasAvailable', 'ReplicaSetUpdated', 'ProgressDeadlineExceeded'];

const counts: Edit = (object, { random }) => {
  const status = at(object, 'status');
  const replicas = random.int(4);
  const ready = random.int(replicas + 1);
  // Zero counts are omitempty: written, owned, not stored.
  Object.assign(status, { replicas, updatedReplicas: random.int(replicas + 1), readyReplicas: ready, availableReplicas: random.int(ready + 1) });
  return `counts ${replicas}/${ready}`;
};

const condition: Edit = (object, { random }) => {
  const status = at(object, 'status');
  const conditions: Obj[] = status.conditions ?? (status.conditions = []);
  const type = random.pick(['Available', 'Progressing', 'ReplicaFailure']);
  const found = conditions.find((c) => c.type === type);
  if (found !== undefined && random.chance(0.35)) {
    conditions.splice(conditions.indexOf(found), 1);
    prune(object, 'status', 'conditions');
    return `remove condition ${type}`;
  }
  const value: Obj = { type, status: random.pick(['True', 'False']), reason: random.pick(REASONS), lastUpdateTime: random.pick(TIMES) };
  if (random.chance(0.5)) value.lastTransitionTime = random.pick(TIMES);
  if (random.chance(0.3)) value.message = random.pick(['ok', 'Deployment has minimum availability.']);
  if (found !== undefined) conditions.splice(conditions.indexOf(found), 1, value);
  else conditions.splice(random.int(conditions.length + 1), 0, value);
  return `condition ${type}=${value.status}`;
};

/** Edits of the status: of a status apply's config and of the live object PUT to /status. */
export const STATUS_EDITS: readonly Edit[] = [
  counts,
  counts,
  condition,
  condition,
  condition,
  scalar(['status', 'observedGeneration'], [1, 2, 3]),
  // collisionCount may only grow (validation: "cannot be decremented"), nor be dropped.
  (object, { live }) => {
    const next = Number(live?.status?.collisionCount ?? 0) + 1;
    at(object, 'status').collisionCount = Math.max(next, Number(object.status.collisionCount ?? 0));
    return `collisionCount ${object.status.collisionCount}`;
  },
];

/** Fields of the main resource in a status write, which the server resets (only in configs). */
export const STATUS_RESET_EDITS: readonly Edit[] = [
  (object, { isLive }) => (isLive ? undefined : ((at(object, 'metadata', 'labels')['example.com/from-status'] = 'yes'), 'label in a status write')),
  (object, { isLive }) => (isLive ? undefined : ((at(object, 'spec').replicas = 7), 'spec.replicas in a status write')),
];

/** A status field in a write of the main resource, which the server resets. */
export const STATUS_IN_MAIN_EDIT: Edit = (object) => ((at(object, 'status').observedGeneration = 9), 'status in a main-resource write');
