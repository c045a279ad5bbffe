import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  readonly version?: string;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly os?: readonly string[];
}
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));
const lock = read('package-lock.json') as { packages: Readonly<Record<string, LockedPackage>> };
const manifest = read('package.json') as { devDependencies: Readonly<Record<string, string>> };

/** Where Node would find `name` from the package at `from` (a lock key): the nearest node_modules up. */
function resolve(from: string, name: string): string | undefined {
  for (let dir = from; ; ) {
    const key = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (lock.packages[key] !== undefined) return key;
    if (dir === '') return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

describe('package-lock.json', () => {
  it('locks every optional dependency of every package, other platforms included, so npm ci works on any OS', () => {
    const missing: string[] = [];
    for (const [key, locked] of Object.entries(lock.packages)) {
      for (const name of Object.keys(locked.optionalDependencies ?? {})) if (resolve(key, name) === undefined) missing.push(`${key} → ${name}`);
    }
    expect(missing).toEqual([]);
    // The packages a lock written by npm 11 for one machine leaves out: both esbuild and rollup for macOS and Windows.
    const os = new Set(Object.values(lock.packages).flatMap((locked) => locked.os ?? []));
    expect([...os]).toEqual(expect.arrayContaining(['linux', 'darwin', 'win32']));
  });

  it('locks each devDependency at the exact version package.json pins', () => {
    for (const [name, version] of Object.entries(manifest.devDependencies)) {
      expect([name, version]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
      expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
    }
  });
});
