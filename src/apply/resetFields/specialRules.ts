import type { JsonObject } from '../../json/JsonValue.js';
import { csrApproval, csrCreate, csrStatusConditions } from './certificateRules.js';
import {
  apiServiceCreate,
  crdStoredVersions,
  namespaceCreate,
  nodeConfigSource,
  nodeCreate,
  nodeStatusConfig,
  persistentVolumeCreateStatus,
  persistentVolumePhaseTransition,
} from './clusterRules.js';
import { podCreateStatus, podResize, podStatusQosClass } from './podRules.js';
import type { SpecialRuleContext, SpecialRuleName } from './ResetRules.js';

/** The code of each {@link SpecialRuleName}; each function cites the Go it follows. @internal */
export const specialRules: Readonly<Record<SpecialRuleName, (context: SpecialRuleContext) => JsonObject>> = {
  podCreateStatus,
  podStatusQosClass,
  podResize,
  namespaceCreate,
  nodeCreate,
  nodeConfigSource,
  nodeStatusConfig,
  persistentVolumeCreateStatus,
  persistentVolumePhaseTransition,
  csrCreate,
  csrStatusConditions,
  csrApproval,
  crdStoredVersions,
  apiServiceCreate,
};
