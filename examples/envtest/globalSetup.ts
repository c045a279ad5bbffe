import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startControlPlane } from 'kubepatch/envtest';

declare module 'vitest' {
  export interface ProvidedContext {
    kubeconfigPath: string;
  }
}

/** The Rollout CRD of Argo Rollouts v1.9.1 (in your project: wherever you keep your CRDs). */
const rolloutCrd = fileURLToPath(new URL('../../../shared/k8s-schema/argo-rollouts/v1.9.1/rollout-crd.yaml', import.meta.url));

/**
 * Starts etcd and kube-apiserver once for the run, with the Rollout CRD installed, and hands the
 * tests the path of a kubeconfig for it. The binaries come from KUBEBUILDER_ASSETS or kubepatch's
 * build cache (`npm run envtest:assets`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const controlPlane = await startControlPlane({ crds: [rolloutCrd] });
  project.provide('kubeconfigPath', controlPlane.server.kubeconfigPath);
  return () => controlPlane.stop();
}
