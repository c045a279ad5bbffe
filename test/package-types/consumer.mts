// A user's ES module, compiled by scripts/check-package.sh against the PACKED tarball installed in a
// fresh project (strict, skipLibCheck: false, module NodeNext; see there). In this repository
// `npm run typecheck` also compiles it, against the sources. Every `@ts-expect-error` must be
// needed: a type that silently became `any` makes the directive unused, which is an error.
import { applyMergePatch, type JsonObject, type RolloutModel } from 'kubepatch';
import { sendPatch, type ApiRefusal } from 'kubepatch/client';
import { startControlPlane, type ControlPlane } from 'kubepatch/envtest';

type IsAny<T> = 0 extends 1 & T ? true : false;

export const rollout: RolloutModel.Rollout = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } },
    strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
  },
};

// @ts-expect-error replicas is a number
export const wrongReplicas: RolloutModel.Rollout = { spec: { replicas: 'three' } };
// @ts-expect-error a Rollout needs a spec
export const noSpec: RolloutModel.Rollout = { kind: 'Rollout' };
// @ts-expect-error setWeight is a number
export const wrongStep: RolloutModel.CanaryStep = { setWeight: '20' };

export const notAny: [IsAny<RolloutModel.Rollout>, IsAny<RolloutModel.Container>, IsAny<typeof sendPatch>, IsAny<ApiRefusal>, IsAny<ControlPlane>] = [
  false,
  false,
  false,
  false,
  false,
];
export const merged: JsonObject = applyMergePatch(rollout, { spec: { replicas: 4 } });
export const start: typeof startControlPlane = startControlPlane;
