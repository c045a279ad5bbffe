/**
 * kubepatch/client: sends kubepatch's patches to a Kubernetes API server with a `KubeConfig` of
 * `@kubernetes/client-node` (1.1 or later, or 2.x): the right `Content-Type` for every patch,
 * server-side apply, and an update that falls back to a patch on conflict. Every refusal is a
 * typed error.
 *
 * @packageDocumentation
 */

export type { KubeCluster, KubeConfigLike } from './KubeConfigLike.js';
export type { ClientRequestOptions } from './ClientRequestOptions.js';
export type { ObjectManifestReference, ObjectReference, ObjectTarget } from './ObjectReference.js';
export type { RetryOptions } from './RetryOptions.js';
export { apiErrorFrom, type ApiAnswer, type ApiRequestDescription } from './apiErrorFrom.js';
export { getObject } from './getObject.js';
export { replaceObject, type ReplaceObjectOptions } from './replaceObject.js';
export { sendPatch, type PatchToSend, type SendPatchOptions } from './sendPatch.js';
export { applyObject, type ApplyObjectOptions } from './applyObject.js';
export { updateWithFallbackToPatch, type UpdateWithFallbackOptions } from './updateWithFallbackToPatch.js';
export { watchChanges } from './watchChanges.js';
export type { InformerLike, InformerList, MakeInformerLike, WatchChanges, WatchChangesErrorSource, WatchChangesOptions, WatchTarget } from './watchChangesOptions.js';

// The errors these functions throw, for convenience: the very classes `kubepatch` exports (this
// entry imports the core by name, so there is one copy of them), which also has `isKubepatchError`.
export { ApiError, ApplyConflictError, ConflictError, ImmutableFieldError, UnsupportedMediaTypeError } from 'kubepatch';
export type { ApiRefusal, ApplyConflict } from 'kubepatch';
