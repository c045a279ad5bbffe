import { existsSync } from 'node:fs';
import { k8sSchemaDir } from '../../helpers/conformance.js';

/** The path of a file of ../shared/k8s-schema/, failing loudly (never skipping) when it is missing. */
function sharedFile(relativePath: string): string {
  const file = k8sSchemaDir + relativePath;
  if (!existsSync(file)) throw new Error(`Schema data missing: ${file}. The e2e suite reads ../shared/k8s-schema/ next to the project root.`);
  return file;
}

/** The Rollout CRD of Argo Rollouts v1.9.1: `.spec.selector` is immutable (an x-kubernetes-validations rule). */
export const ROLLOUT_CRD_V191 = sharedFile('argo-rollouts/v1.9.1/rollout-crd.yaml');
/** The Rollout CRD of Argo Rollouts v1.8.4: no such rule, so a selector change is accepted (the incident). */
export const ROLLOUT_CRD_V184 = sharedFile('argo-rollouts/v1.8.4/rollout-crd.yaml');
