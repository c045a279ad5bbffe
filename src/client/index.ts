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

// The errors these functions throw and the types their signatures use, so that `kubepatch/client`
// is usable on its own. They are the same classes as those of `kubepatch` (one shared chunk).
export { ApiError, ConflictError, UnsupportedMediaTypeError, type ApiRefusal } from '../errors/ApiError.js';
export { ImmutableFieldError, type ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
export { KubepatchError, type KubepatchErrorContext } from '../errors/KubepatchError.js';
export type { KubepatchErrorCode } from '../errors/KubepatchErrorCode.js';
export { isKubepatchError, type KubepatchErrorByCode } from '../errors/isKubepatchError.js';
export type { JsonArray, JsonInput, JsonObject, JsonPrimitive, JsonValue } from '../json/JsonValue.js';
export { PATCH_CONTENT_TYPES, type PatchType } from '../schema/PatchType.js';
export type { FallbackPatchOptions } from '../metadata/buildFallbackPatch.js';
export {
  annotationKeys,
  labelKeys,
  ARGO_ROLLOUTS_OWNED_ANNOTATIONS,
  ARGO_ROLLOUTS_OWNED_LABELS,
  type AnnotationKeys,
  type KeySelection,
  type LabelKeys,
  type MetadataKeys,
} from '../metadata/MetadataKeys.js';
