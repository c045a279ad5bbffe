import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';

/**
 * An Argo Rollouts release line whose behaviour kubepatch reproduces: `'1.9'` (the 1.9.x releases,
 * data from v1.9.1) or `'1.8'` (1.8.x, data from v1.8.4). The two lines declare some types
 * differently, and so marshal, and hash, the same canary steps differently (see {@link stepHash}).
 *
 * @example
 * ```ts
 * const line: ArgoRolloutsVersion = '1.8';
 * stepHash(rollout, { argoVersion: line });
 * ```
 * @public
 */
export type ArgoRolloutsVersion = '1.9' | '1.8';

/**
 * The release lines, newest first; the first is the default.
 *
 * @example
 * ```ts
 * for (const argoVersion of ARGO_ROLLOUTS_VERSIONS) console.log(argoVersion, stepHash(rollout, { argoVersion }));
 * ```
 * @public
 */
export const ARGO_ROLLOUTS_VERSIONS: readonly ArgoRolloutsVersion[] = Object.freeze(['1.9', '1.8']);

/**
 * Checks an `argoVersion` option: `undefined` is the newest line; anything but a supported line
 * throws {@link InvalidDocumentError} naming `options`.
 *
 * @internal
 */
export function checkArgoVersion(argoVersion: unknown): ArgoRolloutsVersion {
  if (argoVersion === undefined) return '1.9';
  if (typeof argoVersion === 'string' && (ARGO_ROLLOUTS_VERSIONS as readonly string[]).includes(argoVersion)) {
    return argoVersion as ArgoRolloutsVersion;
  }
  const expected = ARGO_ROLLOUTS_VERSIONS.map((line) => JSON.stringify(line)).join(' or ');
  const found = typeof argoVersion === 'string' ? JSON.stringify(argoVersion) : typeof argoVersion;
  const hint = typeof argoVersion === 'string' && /^v?1\.(8|9)\./.test(argoVersion) ? ' (name the release line, not a patch release)' : '';
  throw new InvalidDocumentError(`options.argoVersion: expected ${expected}, got ${found}${hint}`, {
    input: 'options',
    path: '/argoVersion',
  });
}
