import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../src/rollout/${path}`, import.meta.url), 'utf8');

it('the RolloutModel namespace lists every generated Rollout type', () => {
  const generated = [...read('generated/rolloutModel.ts').matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  const listed = [...read('RolloutModel.ts').matchAll(/^ {2}export type (\w+) = Generated\.(\w+);/gm)].map((m) => [m[1], m[2]]);
  expect(listed.map(([alias]) => alias)).toEqual(generated);
  for (const [alias, target] of listed) expect(alias).toBe(target);
});
