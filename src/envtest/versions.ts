/**
 * The releases `npm run envtest:assets` builds (`go/go.mod` pins them; a test checks the two
 * agree): Kubernetes 1.33, the release of the built-in schema tables, and the etcd release that
 * Kubernetes 1.33's own module requires.
 */
export const KUBERNETES_VERSION = 'v1.33.13';
export const ETCD_VERSION = 'v3.5.21';
