import { readdirSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { kubepatchAssetsDirectory } from '../../src/envtest/index.js';
import { ensureGoBuild, GO_MODULE_DIR, type Progress } from './goBuild.js';

/**
 * The path of a small Go program of the module `go/` (`./cmd/<name>`, e.g. the fieldset-oracle
 * the tests compare FieldSet with), building it first when needed. It is cached beside the envtest
 * binaries, in `~/.cache/kubepatch/go-tools/<name>_<os>-<arch>/` (or under `XDG_CACHE_HOME`), with
 * its own stamp of go.mod, go.sum and the package's files: a later call with none of them changed
 * builds nothing. Throws when it must build and there is no Go toolchain.
 */
export async function ensureGoTool(name: string, progress: Progress): Promise<{ readonly path: string; readonly built: boolean }> {
  const packageDirectory = posix.join('cmd', name);
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  // The envtest cache folder is <cache>/kubepatch/envtest/<release>; tools go in <cache>/kubepatch/go-tools.
  const directory = resolve(kubepatchAssetsDirectory(), '..', '..', 'go-tools', `${name}_${process.platform}-${arch}`);
  const sources = readdirSync(join(GO_MODULE_DIR, packageDirectory), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix.join(packageDirectory, entry.name))
    .sort();
  const built = await ensureGoBuild(
    {
      directory,
      targets: [{ name, packagePath: `./${packageDirectory}`, ldflags: '-s -w' }],
      inputs: ['go.mod', 'go.sum', ...sources],
      description: `${name} from go/${packageDirectory}`,
      label: name,
      withoutGo: 'install Go',
    },
    progress,
  );
  return { path: join(directory, name), built };
}
