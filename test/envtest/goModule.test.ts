import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ETCD_VERSION, KUBERNETES_VERSION } from '../../src/envtest/versions.js';

const goMod = readFileSync(fileURLToPath(new URL('../../go/go.mod', import.meta.url)), 'utf8');
/** `module version` pairs of the require blocks and the right-hand sides of the replace lines. */
const required = [...goMod.matchAll(/^\s+(\S+) (v\S+)(?: \/\/ indirect)?$/gm)].map((m) => [m[1]!, m[2]!] as const);
const replaced = [...goMod.matchAll(/^\s+(\S+) => (\S+) (v\S+)$/gm)].map((m) => [m[1]!, m[2]!, m[3]!] as const);

describe('go/go.mod, the Go module the envtest binaries are built from', () => {
  it('pins the releases the cache folder is named after', () => {
    expect(goMod).toMatch(new RegExp(`^\\s+k8s\\.io/kubernetes ${KUBERNETES_VERSION.replace(/\./g, '\\.')}$`, 'm'));
    expect(goMod).toMatch(new RegExp(`^\\s+go\\.etcd\\.io/etcd/server/v3 ${ETCD_VERSION.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('keeps every k8s.io/* staging module at the one matching v0 release, through replace lines', () => {
    const staging = `v0.${KUBERNETES_VERSION.slice(1).split('.').slice(1).join('.')}`; // v1.33.13 → v0.33.13
    expect(replaced.length).toBeGreaterThanOrEqual(30);
    for (const [from, to, version] of replaced) {
      expect(to).toBe(from);
      expect(version).toBe(staging);
    }
    // The staging modules are the ones kube-apiserver is made of: apimachinery among them.
    expect(replaced.map(([from]) => from)).toEqual(expect.arrayContaining(['k8s.io/api', 'k8s.io/apimachinery', 'k8s.io/apiserver', 'k8s.io/client-go']));
  });

  it('takes etcd at the release Kubernetes requires, for every etcd module', () => {
    for (const [name, version] of required.filter(([name]) => name.startsWith('go.etcd.io/etcd/'))) {
      expect(version, name).toBe(name === 'go.etcd.io/etcd/client/v2' ? `v2.305.${ETCD_VERSION.split('.')[2]}` : ETCD_VERSION);
    }
  });
});
