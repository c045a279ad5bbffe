import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { ControlPlaneServer } from 'kubepatch/envtest';
import { clientNode } from '../../client/helpers/clientNode.js';

type KubeConfig = InstanceType<(typeof clientNode)['KubeConfig']>;

/** The run's real API server (see globalSetup.ts), or why there is none. */
const provided = inject('envtest');

/** Why the e2e suite cannot run here, or `undefined` when it can: `describe.skipIf(skipReason)`. */
export const skipReason: string | undefined = 'skipped' in provided ? provided.skipped : undefined;

/** The server, as plain data. Only to be read inside tests of a suite not skipped. */
export function envtestServer(): ControlPlaneServer {
  if ('skipped' in provided) throw new Error(provided.skipped);
  return provided.server;
}

/** A `KubeConfig` of the client-node under test for the admin user of the run's server. */
export function adminKubeConfig(): KubeConfig {
  const kubeConfig = new clientNode.KubeConfig();
  kubeConfig.loadFromFile(envtestServer().kubeconfigPath);
  return kubeConfig;
}

/** A name no other test file uses: test files share one server and run in parallel. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
