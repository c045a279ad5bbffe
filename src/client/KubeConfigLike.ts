import type { RequestOptions } from 'node:https';

/**
 * The cluster a {@link KubeConfigLike} points at: at least its API server URL.
 * @example
 * ```ts
 * const cluster: KubeCluster = { server: 'https://10.0.0.1:6443' };
 * ```
 * @public
 */
export interface KubeCluster {
  /** The API server's base URL, e.g. `https://10.0.0.1:6443` (a path prefix is kept). */
  readonly server: string;
}

/**
 * What `kubepatch/client` needs from a client: the part of `@kubernetes/client-node`'s
 * `KubeConfig` (1.x and 2.x) that names the current cluster and fills in TLS, credentials
 * (token, client certificate, exec and OIDC plugins, impersonation) and the proxy agent of a
 * request. Pass a `KubeConfig`; any object with these two methods works.
 *
 * kubepatch makes the requests itself with `node:https` (`node:http` for an `http://` server, which
 * `KubeConfig` allows only with `skipTLSVerify: true`), so it sets the `Content-Type` of every
 * patch and sends the body byte for byte: no client-node serializer drops `$patch` directives or
 * fields its models do not know, and no `patch*` method defaults to JSON Patch.
 *
 * @example
 * ```ts
 * import { KubeConfig } from '@kubernetes/client-node';
 * const kc = new KubeConfig();
 * kc.loadFromDefault();
 * const client: KubeConfigLike = kc;
 * ```
 * @public
 */
export interface KubeConfigLike {
  /** The cluster of the current context, or `null` when there is none. */
  getCurrentCluster(): KubeCluster | null;
  /** Sets TLS options, the `Authorization` header and the agent on `options` (may be async for exec or OIDC credentials). */
  applyToHTTPSOptions(options: RequestOptions): Promise<void>;
}
