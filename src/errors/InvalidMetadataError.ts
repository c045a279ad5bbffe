import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * One problem with a label, an annotation or a selector.
 * @example
 * ```ts
 * const problem: MetadataProblem = { path: '/metadata/labels/app', key: 'app', message: 'must be no more than 63 characters' };
 * ```
 * @public
 */
export interface MetadataProblem {
  /** JSON Pointer of the offending key or value. */
  readonly path: string;
  /** The key concerned. */
  readonly key: string;
  /** What is wrong, in the API server's words where it has them. */
  readonly message: string;
}

/**
 * Labels, annotations or a label selector break Kubernetes' syntax rules. `problems` lists every
 * bad key and value at once, so they can all be fixed in one go.
 *
 * @example
 * ```ts
 * try {
 *   validateLabels({ 'app.kubernetes.io/name': 'web', 'bad key': 'x' });
 * } catch (error) {
 *   if (isKubepatchError(error, 'INVALID_METADATA')) console.error(error.problems);
 * }
 * ```
 * @public
 */
export class InvalidMetadataError extends KubepatchError {
  /** Always `'InvalidMetadataError'`. */
  override name = 'InvalidMetadataError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'INVALID_METADATA';
  /** Every problem found. */
  readonly problems: readonly MetadataProblem[];

  constructor(message: string, context: KubepatchErrorContext & { readonly problems: readonly MetadataProblem[] }) {
    super('INVALID_METADATA', message, { ...context, path: context.path ?? context.problems[0]?.path });
    this.problems = context.problems;
  }
}
