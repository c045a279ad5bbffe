/**
 * kubepatch: Kubernetes patch and diff semantics, exact and safe.
 *
 * @packageDocumentation
 */

export type { ControlPlaneErrorCode, KubepatchErrorCode, StrategicMergePatchErrorCode } from './errors/KubepatchErrorCode.js';
export { KubepatchError, type KubepatchErrorContext } from './errors/KubepatchError.js';
export { InvalidDocumentError } from './errors/InvalidDocumentError.js';
export { InvalidPatchError } from './errors/InvalidPatchError.js';
export { PatchTestFailedError } from './errors/PatchTestFailedError.js';
export { PatchConflictError } from './errors/PatchConflictError.js';
export { PreconditionFailedError } from './errors/PreconditionFailedError.js';
export { MergeKeyCollisionError } from './errors/MergeKeyCollisionError.js';
export { InvalidSchemaError } from './errors/InvalidSchemaError.js';
export { InvalidQuantityError } from './errors/InvalidQuantityError.js';
export { ImmutableFieldError, type ImmutableFieldChange } from './errors/ImmutableFieldError.js';
export { InvalidMetadataError, type MetadataProblem } from './errors/InvalidMetadataError.js';
export { ApiError, ConflictError, UnsupportedMediaTypeError, type ApiRefusal } from './errors/ApiError.js';
export { StrategicMergePatchError } from './errors/StrategicMergePatchError.js';
export { ApplyConflictError, type ApplyConflict } from './errors/ApplyConflictError.js';
export { ControlPlaneError, type ControlPlaneComponent } from './errors/ControlPlaneError.js';
export { isKubepatchError, type KubepatchErrorByCode } from './errors/isKubepatchError.js';

export type { JsonArray, JsonInput, JsonObject, JsonPrimitive, JsonValue } from './json/JsonValue.js';
export { MAX_DEPTH } from './json/assertJsonValue.js';
export { escapePointerToken, formatJsonPointer, parseJsonPointer, unescapePointerToken } from './json/pointer.js';

export type {
  AddOperation,
  CopyOperation,
  JsonPatch,
  JsonPatchOperation,
  MoveOperation,
  RemoveOperation,
  ReplaceOperation,
  TestOperation,
} from './patch/json-patch/JsonPatchOperation.js';
export { applyJsonPatch } from './patch/json-patch/applyJsonPatch.js';
export type { ApplyJsonPatchOptions } from './patch/json-patch/JsonPatchOptions.js';
export { createJsonPatch, type CreateJsonPatchOptions } from './patch/json-patch/createJsonPatch.js';

export type { MergePatchOptions } from './patch/merge-patch/MergePatchOptions.js';
export { applyMergePatch } from './patch/merge-patch/applyMergePatch.js';
export { createMergePatch } from './patch/merge-patch/createMergePatch.js';
export {
  createThreeWayMergePatch,
  type ThreeWayMergePatchOptions,
} from './patch/merge-patch/createThreeWayMergePatch.js';
export { findPatchConflicts } from './patch/merge-patch/findPatchConflicts.js';
export {
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
  type PatchPrecondition,
} from './patch/merge-patch/preconditions.js';

export type { FieldDef, PatchMeta, PatchStrategy, ScalarFormat, SchemaTable, StructDef, TypeRef } from './schema/SchemaTable.js';
export { PatchSchema, type SchemaField } from './schema/PatchSchema.js';

export { applyStrategicMergePatch } from './patch/strategic/applyStrategicMergePatch.js';
export { createStrategicMergePatch, type StrategicMergePatchOptions } from './patch/strategic/createStrategicMergePatch.js';
export {
  createThreeWayStrategicMergePatch,
  type ThreeWayStrategicMergePatchOptions,
} from './patch/strategic/createThreeWayStrategicMergePatch.js';

// ---- schema: where patch strategies come from (built-in kinds, OpenAPI, CRDs) ----
// (The SchemaTable types and PatchSchema are exported above, next to the strategic engine.)
export type { GroupVersionKind, TypeMeta } from './schema/GroupVersionKind.js';
export { schemaFor } from './schema/schemaFor.js';
export { schemaFromOpenAPI } from './schema/schemaFromOpenAPI.js';
export { schemaFromCRD } from './schema/schemaFromCRD.js';
export { PATCH_CONTENT_TYPES, type PatchType } from './schema/PatchType.js';
export { patchTypeFor, type PatchTypeChoice } from './schema/patchTypeFor.js';

export { createPatchFor, type CreatePatchForOptions, type PatchFor } from './patch/createPatchFor.js';

export {
  ARGO_ROLLOUTS_OWNED_ANNOTATIONS,
  ARGO_ROLLOUTS_OWNED_LABELS,
  annotationKeys,
  labelKeys,
  type AnnotationKeys,
  type KeySelection,
  type LabelKeys,
  type MetadataKeys,
} from './metadata/MetadataKeys.js';
export { type MetadataKeySelector, preserveAnnotations, preserveLabels } from './metadata/preserveMetadata.js';
export { buildFallbackPatch, type FallbackPatch, type FallbackPatchOptions } from './metadata/buildFallbackPatch.js';

export type { Quantity, QuantityFormat, QuantityInput } from './semantic/quantity/Quantity.js';
export { parseQuantity } from './semantic/quantity/parseQuantity.js';
export { canonicalQuantity, type CanonicalQuantityOptions } from './semantic/quantity/canonicalQuantity.js';
export { compareQuantities } from './semantic/quantity/compareQuantities.js';
export { quantitiesEqual } from './semantic/quantity/quantitiesEqual.js';
export { isValidQuantity } from './semantic/quantity/isValidQuantity.js';

export { ARGO_ROLLOUTS_VERSIONS, type ArgoRolloutsVersion } from './rollout/ArgoRolloutsVersion.js';
export { canaryStepsJson, stepHash, type StepHashOptions } from './rollout/stepHash.js';
export { rolloutSchema } from './rollout/rolloutSchema.js';
export type { RolloutModel } from './rollout/generated/rolloutModel.js';

export { findImmutableFieldChanges } from './metadata/findImmutableFieldChanges.js';
export { objectChanges } from './predicates/objectChanges.js';
export { annotationsChanged, generationChanged, labelsChanged, resourceVersionChanged } from './predicates/changePredicates.js';
export type { ChangePredicate, ObjectChangeKind, ObjectChanges } from './predicates/changeTypes.js';
export { assertImmutableSelector } from './metadata/assertImmutableSelector.js';
export { findLabelProblems, validateLabels } from './metadata/validateLabels.js';
export { findAnnotationProblems, validateAnnotations } from './metadata/validateAnnotations.js';
export { findSelectorProblems, validateSelector } from './metadata/validateSelector.js';
export type { MetadataValidationOptions } from './metadata/metadataProblems.js';

export { semanticDiff } from './semantic/semanticDiff.js';
export { serverSideDiff, type ServerSideDiffOptions, type ServerSideDiffResult } from './semantic/serverSideDiff.js';
export type { EqualBecause, IgnoredBy, SemanticChange } from './semantic/SemanticChange.js';
export { WEBHOOK_WRITTEN_FIELDS, type WebhookWrittenField } from './semantic/webhookWritten.js';
export type { ArgoCompareOptions, ArgoDiffSettings, ArgoIgnoreContext, ArgoIgnoreDifference, ArgoRuleSource, IgnoredField } from './semantic/argocd/index.js';
export { argoCompareOptions, argoIgnoredFields } from './semantic/argocd/index.js';
export type { IgnoreRule, SemanticDiffOptions, SemanticNormalizeOptions } from './semantic/SemanticDiffOptions.js';
export { isRealChange } from './semantic/isRealChange.js';
export { formatKubernetesPath, parseKubernetesPath, type PathSegment } from './semantic/kubernetesPath.js';
export { IGNORED_FIELDS } from './semantic/ignoreRules.js';
export type { ServerDefault, ServerDefaultContext } from './semantic/ServerDefault.js';
export { SERVER_DEFAULTS } from './semantic/serverDefaultsTable.js';
export { SECRET_MASK } from './semantic/secretMask.js';
export { diffRollout } from './rollout/diffRollout.js';
export type {
  DiffRolloutOptions,
  RolloutChangeReport,
  RolloutReaction,
  RolloutReactionEntry,
  RolloutRisk,
  RolloutTemplateMatch,
} from './rollout/RolloutChangeReport.js';
export { podTemplateGoForm } from './rollout/podTemplateGoForm.js';
export { formatChanges, type ChangesToFormat, type FormatChangesOptions } from './semantic/formatChanges.js';

export { FieldSet } from './apply/fieldsV1/FieldSet.js';
export type { FieldPath, KeyField, PathElement } from './apply/fieldsV1/PathElement.js';
export type { FieldPointer } from './apply/fieldsV1/jsonPointersOf.js';
export { formatFieldPath, formatPathElement } from './apply/fieldsV1/formatFieldPath.js';
export { resolveFieldPath } from './apply/fieldsV1/resolveFieldPath.js';
export { parseFieldPath, type ParseFieldPathOptions } from './apply/fieldsV1/parseFieldPath.js';
export { serverSideApply } from './apply/serverSideApply.js';
export { recordUpdate } from './apply/recordUpdate.js';
export { predictApply, type ApplyPrediction } from './apply/predictApply.js';
export { extractOwned, type ExtractOwnedOptions } from './apply/extractOwned.js';
export { upgradeManagedFields, upgradeManagedFieldsPatch, type UpgradeManagedFieldsOptions } from './apply/upgradeManagedFields.js';
export { fieldOwners, type FieldOwner, type FieldOwnership, type FieldOwnersOptions } from './apply/fieldOwners.js';
export type { ServerSideApplyOptions, WriteOptions, WriteResult } from './apply/ServerSideApplyOptions.js';
export type { ManagedFieldsEntry } from './apply/managedFields/ManagedFieldsEntry.js';
