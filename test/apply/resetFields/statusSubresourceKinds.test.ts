// The table of kinds with a status subresource: its invariants, and its reset fields against the
// Go sources it cites, read from the Go module cache when it is there (it is wherever
// go/go.mod's modules have been downloaded, as the envtest build does).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusSubresourceKinds, type StatusSubresourceKind, type VersionedResetPaths } from '../../../src/apply/resetFields/index.ts';

const moduleCache = process.env['GOMODCACHE'] ?? join(process.env['GOPATH'] ?? join(homedir(), 'go'), 'pkg', 'mod');
const haveSources = statusSubresourceKinds.every((entry) => existsSync(join(moduleCache, entry.source[0]!)));

/**
 * The `GetResetFields` maps of a strategy.go, by the endpoint its receiver serves: `Status`,
 * `Approval` or `Finalize` in the receiver type's name, else the resource itself.
 */
function goResetFields(source: string): Map<string, VersionedResetPaths> {
  const found = new Map<string, VersionedResetPaths>();
  const functions = source.matchAll(/^func \((?:\w+\s+)?\*?(\w+)\) GetResetFields\(\)[^{]*\{([\s\S]*?)^\}/gm);
  for (const [, receiver = '', body = ''] of functions) {
    const endpoint = /status/i.test(receiver) ? 'status' : /approval/i.test(receiver) ? 'approval' : /finalize/i.test(receiver) ? 'finalize' : 'main';
    const map: Record<string, string[][]> = {};
    for (const [, apiVersion = '', set = ''] of body.matchAll(/"([^"]+)":\s*fieldpath\.NewSet\(([\s\S]*?)\n\s*\),/g)) {
      map[apiVersion] = [...set.matchAll(/MakePathOrDie\(([^)]*)\)/g)].map(([, args = '']) => [...args.matchAll(/"([^"]*)"/g)].map(([, name = '']) => name));
    }
    found.set(endpoint, map);
  }
  return found;
}

const sorted = (map: VersionedResetPaths | undefined) =>
  Object.fromEntries(Object.entries(map ?? {}).map(([version, paths]) => [version, paths.map((path) => path.join('.')).sort()]));

describe('statusSubresourceKinds', () => {
  it('one entry per group and kind, each with a status subresource, a zero status wherever a step needs one', () => {
    const keys = statusSubresourceKinds.map((entry) => `${entry.group}/${entry.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of statusSubresourceKinds) {
      expect(Object.keys(entry.subresources), entry.kind).toContain('status');
      const steps = [...(entry.main.create ?? []), ...entry.main.update];
      if (steps.some((step) => step.op === 'zeroStatus')) expect(entry.zeroStatus, entry.kind).toBeDefined();
    }
    expect(keys.length).toBe(28);
  });

  it('every version a 1.33 server serves by default is a key of the reset fields, but ServiceCIDR\'s', () => {
    const missing: string[] = [];
    for (const entry of statusSubresourceKinds) {
      for (const version of entry.served) {
        const apiVersion = entry.group === '' ? version : `${entry.group}/${version}`;
        for (const [endpoint, rules] of [['main', entry.main], ['status', entry.subresources['status']!]] as const) {
          if (!Object.hasOwn(rules.resetFields ?? {}, apiVersion)) missing.push(`${entry.kind} ${endpoint} ${apiVersion}`);
        }
      }
    }
    expect(missing).toEqual(['ServiceCIDR main networking.k8s.io/v1', 'ServiceCIDR status networking.k8s.io/v1']);
  });

  describe.skipIf(!haveSources)(`reset fields as the Go sources in ${moduleCache} say`, () => {
    it.each(statusSubresourceKinds.map((entry) => [`${entry.group || 'core'}/${entry.kind}`, entry] as const))('%s', (_name, entry: StatusSubresourceKind) => {
      const go = goResetFields(readFileSync(join(moduleCache, entry.source[0]!), 'utf8'));
      expect(go.size, 'GetResetFields functions found').toBeGreaterThan(0);
      const table = new Map<string, VersionedResetPaths | undefined>([['main', entry.main.resetFields]]);
      for (const [name, rules] of Object.entries(entry.subresources)) if (rules.resetFields !== undefined) table.set(name, rules.resetFields);
      expect(Object.fromEntries([...table].map(([k, v]) => [k, sorted(v)]))).toEqual(Object.fromEntries([...go].map(([k, v]) => [k, sorted(v)])));
    });
  });
});
