import type { TestProject } from 'vitest/node';
import { ensureControlPlaneBinaries, goVersion } from '../../scripts/envtest/buildControlPlaneBinaries.js';
import { startControlPlane, type ControlPlaneServer } from '../../src/envtest/index.js';
import { ROLLOUT_CRD_V191 } from './helpers/crds.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real API server of the run, or why there is none (the suite is then skipped). */
    envtest: { readonly server: ControlPlaneServer } | { readonly skipped: string };
  }
}

/**
 * Starts one real control plane (kube-apiserver and etcd, with the Argo Rollouts v1.9.1 CRD) for
 * the whole e2e project, building the binaries first when they are missing and Go is there.
 * Without binaries and without Go the suite is skipped, and says so, unless
 * `KUBEPATCH_E2E=require` (as in CI), where that fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let binaryAssetsDirectory: string;
  try {
    if (!process.env['KUBEBUILDER_ASSETS'] && (await goVersion()) === undefined) {
      throw new Error('KUBEBUILDER_ASSETS is not set and there is no Go toolchain to build kube-apiserver and etcd');
    }
    binaryAssetsDirectory = (await ensureControlPlaneBinaries((line) => process.stderr.write(`${line}\n`))).directory;
  } catch (error) {
    if (process.env['KUBEPATCH_E2E'] === 'require') throw error;
    const skipped = `the real-API-server suite (test/e2e) is skipped: ${(error as Error).message}`;
    process.stderr.write(`\n${skipped}\n`);
    project.provide('envtest', { skipped });
    return async () => {};
  }
  const started = Date.now();
  const controlPlane = await startControlPlane({ binaryAssetsDirectory, crds: [ROLLOUT_CRD_V191] });
  process.stderr.write(`envtest: kube-apiserver and etcd from ${binaryAssetsDirectory} serving at ${controlPlane.server.url}, started in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('envtest', { server: controlPlane.server });
  return () => controlPlane.stop();
}
