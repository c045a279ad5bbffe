import type { PatchSchema } from '../../schema/PatchSchema.js';
import { schemaFor } from '../../schema/schemaFor.js';
import { CliError } from '../CliError.js';
import type { KubeObject } from '../kubeObjects.js';
import { describeSource } from '../readDocuments.js';

/**
 * The strategic merge patch schema of an object's kind (built-in kinds and Argo Rollouts), or a
 * {@link CliError} saying that the kind has none and a merge patch is the way.
 */
export function strategicSchema(object: KubeObject): PatchSchema {
  const schema = schemaFor(object.object as never);
  if (schema === undefined) {
    throw new CliError(
      `${describeSource(object)} ${object.label}: no strategic merge patch schema for ${String(object.object.apiVersion)} ${String(object.object.kind)} (the API server refuses strategic merge patches for custom resources); use --type merge`,
    );
  }
  return schema;
}
