/**
 * kubepatch/envtest: a real Kubernetes API server for tests written in TypeScript, as
 * controller-runtime's envtest is for Go. {@link startControlPlane} runs etcd and kube-apiserver
 * on loopback ports and hands back a `KubeConfig` of `@kubernetes/client-node` (an optional peer
 * dependency that this entry needs) to use with `kubepatch/client` or client-node itself.
 *
 * @packageDocumentation
 */

export type { ControlPlane, ControlPlaneOptions, ControlPlaneServer } from './ControlPlane.js';
export { startControlPlane } from './startControlPlane.js';
export { installCrds, type InstallCrdsOptions } from './installCrds.js';
export type { CrdSource } from './readCrds.js';
export {
  findControlPlaneBinaries,
  kubepatchAssetsDirectory,
  type ControlPlaneBinaries,
  type FindControlPlaneBinariesOptions,
} from './findControlPlaneBinaries.js';

// The error this entry throws, for convenience: the very class `kubepatch` exports.
export { ControlPlaneError, type ControlPlaneComponent, type ControlPlaneErrorCode } from 'kubepatch';
