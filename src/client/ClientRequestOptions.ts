/**
 * Options every `kubepatch/client` call takes.
 * @example
 * ```ts
 * const options: ClientRequestOptions = { signal: AbortSignal.timeout(10_000) };
 * ```
 * @public
 */
export interface ClientRequestOptions {
  /** Aborts the request (and any retry wait) when it fires; the call then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * The resource's plural name (`replicasets`), when guessing it from the kind is wrong. The guess
   * lower-cases the kind and adds `s`, `es` or `ies` as English does (`Ingress` → `ingresses`,
   * `NetworkPolicy` → `networkpolicies`, `Gateway` → `gateways`), with `Endpoints` as the one
   * built-in exception.
   */
  readonly plural?: string;
}
