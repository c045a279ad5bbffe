import type { JsonObject } from 'kubepatch';
import { qualified, type ResourceType } from './fakeKubeResources.js';

/** An error answer: a `Status` object and its code. */
export class StatusAnswer extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: JsonObject,
  ) {
    super(message);
  }
  toStatus(): JsonObject {
    const status: JsonObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason };
    if (this.details !== undefined) status.details = this.details;
    status.code = this.code;
    return status;
  }
}

export function conflict(type: ResourceType, name: string): StatusAnswer {
  const message = `Operation cannot be fulfilled on ${qualified(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`;
  return new StatusAnswer(409, 'Conflict', message, { name, group: type.group, kind: type.plural });
}

export function invalidOptions(detail: string): StatusAnswer {
  return new StatusAnswer(422, 'Invalid', `PatchOptions.meta.k8s.io "" is invalid: ${detail}`, { group: 'meta.k8s.io', kind: 'PatchOptions' });
}

