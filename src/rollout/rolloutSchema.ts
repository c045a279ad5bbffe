import type { PatchSchema } from '../schema/PatchSchema.js';
import { schemaFromCRD } from '../schema/schemaFromCRD.js';
import { sealCrd } from '../schema/sealedCrd.js';
import { rolloutCRDJson } from './generated/rolloutCRD.js';

let schema: PatchSchema | undefined;

/**
 * The patch schema of the Argo Rollouts `argoproj.io/v1alpha1` Rollout, built by
 * {@link schemaFromCRD} from the Rollout CustomResourceDefinition of Argo Rollouts v1.9.1, which
 * kubepatch carries (generated into `generated/rolloutCRD.ts`; nothing is read from disk).
 *
 * It holds what the CRD says: the embedded pod template's lists are keyed as server-side apply
 * keys them (`containers`, `initContainers` and `env` by `name`, `ports` by `containerPort` and
 * `protocol`, `volumeMounts` by `mountPath`), with no patch strategy, and Argo's own lists
 * (`steps`, `templates`, …) carry no keys. Use it for keyed JSON Patch ({@link createJsonPatch}
 * with a schema) and semantic diff: the API server takes no strategic merge patch for a custom
 * resource, so send a JSON merge patch or a JSON Patch (see {@link patchTypeFor}).
 *
 * {@link schemaFor} does not answer for Rollout: it knows the built-in kinds only, which is how
 * {@link patchTypeFor} tells them from custom resources. The schema is built on first use and
 * shared.
 *
 * @example
 * ```ts
 * const podSpec = rolloutSchema().field('spec')!.schema.field('template')!.schema.field('spec')!.schema;
 * podSpec.field('containers')!.meta; // { patchStrategies: [], listType: 'map', listMapKeys: ['name'], … }
 * createJsonPatch(liveRollout, desiredRollout, { schema: rolloutSchema(), guard: true });
 * ```
 * @public
 */
export function rolloutSchema(): PatchSchema {
  schema ??= schemaFromCRD(sealCrd(JSON.parse(rolloutCRDJson.join('')) as object), 'v1alpha1');
  return schema;
}
