// The API server's reset fields and status-subresource rules (registry strategies'
// GetResetFields, PrepareForCreate and PrepareForUpdate), as data and two functions.
export { resetFieldsFor } from './resetFieldsFor.js';
export { resetObject, type ResetObjectInput } from './resetObject.js';
export type { WriteTarget } from './findWriteRules.js';
export { statusSubresourceKinds } from './statusSubresourceKinds.js';
export type {
  RequestUser,
  ResetPath,
  ResetStep,
  SpecialRuleName,
  StatusSubresourceKind,
  VersionedResetPaths,
  WriteRules,
} from './ResetRules.js';
