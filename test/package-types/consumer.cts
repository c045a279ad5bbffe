// A user's CommonJS module, compiled by scripts/check-package.sh against the PACKED tarball (the
// `require` conditions: dist/*.d.cts); see consumer.mts.
import kubepatch = require('kubepatch');
import client = require('kubepatch/client');
import envtest = require('kubepatch/envtest');

type IsAny<T> = 0 extends 1 & T ? true : false;

const rollout: kubepatch.RolloutModel.Rollout = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, strategy: { blueGreen: { activeService: 'web' } } },
};

// @ts-expect-error replicas is a number
const wrongReplicas: kubepatch.RolloutModel.Rollout = { spec: { replicas: 'three' } };
// @ts-expect-error an unknown field of a closed type
const unknownField: kubepatch.RolloutModel.RolloutSpec = { replica: 3 };

const notAny: [IsAny<kubepatch.RolloutModel.RolloutSpec>, IsAny<typeof client.sendPatch>, IsAny<client.ApiRefusal>, IsAny<typeof envtest.startControlPlane>] = [
  false,
  false,
  false,
  false,
];
const merged: kubepatch.JsonObject = kubepatch.applyMergePatch(rollout, { spec: { paused: true } });

export = { rollout, wrongReplicas, unknownField, notAny, merged };
