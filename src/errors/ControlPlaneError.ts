import { KubepatchError } from './KubepatchError.js';
import type { ControlPlaneErrorCode } from './KubepatchErrorCode.js';

/**
 * The part of a test control plane an error is about: one of its two processes, or a CRD it
 * installs.
 * @example
 * ```ts
 * const component: ControlPlaneComponent = 'kube-apiserver';
 * ```
 * @public
 */
export type ControlPlaneComponent = 'etcd' | 'kube-apiserver' | 'crd';

/**
 * A test control plane of `kubepatch/envtest` could not start, or one of its processes stopped:
 * a binary is missing, a port was taken, a process exited, or a wait ran out. `output` holds the
 * last lines the process wrote, which usually say why.
 *
 * @example
 * ```ts
 * try {
 *   await startControlPlane();
 * } catch (error) {
 *   if (isKubepatchError(error, 'CONTROL_PLANE_BINARY_MISSING')) console.error('run `npm run envtest:assets` first');
 *   else throw error;
 * }
 * ```
 * @public
 */
export class ControlPlaneError extends KubepatchError {
  /** Always `'ControlPlaneError'`. */
  override name = 'ControlPlaneError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: ControlPlaneErrorCode;
  /** Which part failed. */
  readonly component: ControlPlaneComponent;
  /** The last lines the process wrote to stdout and stderr, `''` when there are none. */
  readonly output: string;

  constructor(
    code: ControlPlaneErrorCode,
    message: string,
    context: { readonly component: ControlPlaneComponent; readonly output?: string },
  ) {
    super(code, message);
    this.component = context.component;
    this.output = context.output ?? '';
  }
}
