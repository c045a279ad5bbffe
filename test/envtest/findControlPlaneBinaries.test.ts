import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKubepatchError } from 'kubepatch';
import { findControlPlaneBinaries, kubepatchAssetsDirectory } from '../../src/envtest/index.js';

function folderWith(...binaries: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'kubepatch-binaries-'));
  for (const name of binaries) {
    writeFileSync(join(folder, name), '#!/bin/sh\n');
    chmodSync(join(folder, name), 0o755);
  }
  return folder;
}

function missing(run: () => unknown): { message: string; component: string } {
  try {
    run();
  } catch (error) {
    if (isKubepatchError(error, 'CONTROL_PLANE_BINARY_MISSING')) return { message: error.message, component: error.component };
    throw error;
  }
  throw new Error('no error thrown');
}

describe('findControlPlaneBinaries', () => {
  const both = folderWith('kube-apiserver', 'etcd');

  it('takes binaryAssetsDirectory over KUBEBUILDER_ASSETS, and KUBEBUILDER_ASSETS over the cache', () => {
    const other = folderWith('kube-apiserver', 'etcd');
    expect(findControlPlaneBinaries({ binaryAssetsDirectory: both, env: { KUBEBUILDER_ASSETS: other } })).toEqual({
      directory: both,
      kubeApiServer: join(both, 'kube-apiserver'),
      etcd: join(both, 'etcd'),
    });
    expect(findControlPlaneBinaries({ env: { KUBEBUILDER_ASSETS: other, XDG_CACHE_HOME: both } }).directory).toBe(other);
  });

  it('looks in the build cache under XDG_CACHE_HOME, else ~/.cache, when no folder is named', () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'kubepatch-cache-'));
    const assets = kubepatchAssetsDirectory({ XDG_CACHE_HOME: cacheHome });
    expect(assets.startsWith(join(cacheHome, 'kubepatch', 'envtest', 'kubernetes-v1.33.13_etcd-v3.5.21_'))).toBe(true);
    expect(kubepatchAssetsDirectory({ HOME: '/home/someone' }).startsWith('/home/someone/.cache/kubepatch/envtest/')).toBe(true);
    mkdirSync(assets, { recursive: true });
    for (const name of ['kube-apiserver', 'etcd']) {
      writeFileSync(join(assets, name), '#!/bin/sh\n');
      chmodSync(join(assets, name), 0o755);
    }
    expect(findControlPlaneBinaries({ env: { XDG_CACHE_HOME: cacheHome } }).directory).toBe(assets);
  });

  it('names the folder, the missing binary and the ways to get one', () => {
    const onlyApiServer = folderWith('kube-apiserver');
    const problem = missing(() => findControlPlaneBinaries({ env: { KUBEBUILDER_ASSETS: onlyApiServer } }));
    expect(problem.component).toBe('etcd');
    expect(problem.message).toContain(`no executable etcd at ${join(onlyApiServer, 'etcd')} (KUBEBUILDER_ASSETS names ${onlyApiServer})`);
    expect(problem.message).toContain('setup-envtest use -p path 1.33.x');
    expect(problem.message).toContain('npm run envtest:assets');
    const emptyCache = mkdtempSync(join(tmpdir(), 'kubepatch-cache-'));
    expect(missing(() => findControlPlaneBinaries({ env: { XDG_CACHE_HOME: emptyCache } })).message).toContain('looked in its build cache');
  });

  it('does not take a file that is not executable', () => {
    const folder = folderWith('kube-apiserver', 'etcd');
    chmodSync(join(folder, 'kube-apiserver'), 0o644);
    expect(missing(() => findControlPlaneBinaries({ binaryAssetsDirectory: folder })).component).toBe('kube-apiserver');
  });
});
