/**
 * `npm run envtest:assets`: prints the absolute path of the folder holding `kube-apiserver` and
 * `etcd` for `kubepatch/envtest` and the end-to-end suite, building them from the Go module `go/`
 * first if needed (progress on stderr; the first build takes minutes). With `KUBEBUILDER_ASSETS`
 * set, prints that folder and builds nothing.
 */
import { ensureControlPlaneBinaries } from './buildControlPlaneBinaries.js';

try {
  const binaries = await ensureControlPlaneBinaries((line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${binaries.directory}\n`);
} catch (error) {
  process.stderr.write(`envtest:assets: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
