// Differential test: canonicalQuantity against Go's resource.Quantity, as kubectl 1.32 runs it.
// `kubectl patch --local` prints the object as unstructured JSON, quantities as written, so it is
// no oracle. `kubectl set resources --local -f pod.json -o json` is: it decodes the Pod into the
// typed Go struct (Quantity.UnmarshalJSON → ParseQuantity) and encodes it back (MarshalJSON →
// String()), which is what the API server does to a built-in kind. One Pod carries every quantity
// as a `resources.requests` entry, so a few hundred quantities cost one kubectl run.
//
// Where kubectl 1.32 and kubepatch part, on purpose, the case is pinned below, never dropped:
// - DecimalSI values of 10^21 or more: kubectl 1.32 writes the mantissa alone (`1000E` → `1`);
//   kubepatch writes the exponent, as Kubernetes does since kubernetes/kubernetes#140459;
// - strings without digits (`m`, `.`, `-`, `Ki`), which Go reads as 0 and kubepatch refuses;
// - exponents beyond int32, which Go truncates (`1e4294967297` → `10`) and kubepatch refuses;
// - whitespace around the text, which UnmarshalJSON trims and ParseQuantity (and kubepatch) refuse.
//
// Skipped, with the reason in the suite title, when kubectl cannot be run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeWithKubectl } from '../helpers/kubectl.js';
import { generatedQuantity } from './quantityArbitraries.js';
import { canonicalQuantity, isValidQuantity, parseQuantity } from 'kubepatch';

const TIMEOUT_MS = 20_000;
const key = (index: number) => `example.com/q${index}`;

type Outcome = { readonly ok: true; readonly stored: readonly unknown[] } | { readonly ok: false; readonly stderr: string };

/** What kubectl's typed round trip makes of each value, written into one Pod's `resources.requests`. */
function kubectlRoundTrip(values: readonly (string | number)[]): Outcome {
  const requests = Object.fromEntries(values.map((value, index) => [key(index), value]));
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'quantities' },
    spec: { containers: [{ name: 'c', image: 'x', resources: { requests } }] },
  };
  const dir = mkdtempSync(join(tmpdir(), 'kubepatch-quantity-'));
  const file = join(dir, 'pod.json');
  writeFileSync(file, JSON.stringify(pod));
  try {
    // `--limits` on another resource name: set resources needs a change to make, and leaves requests alone.
    const stdout = execFileSync('kubectl', ['set', 'resources', '--local', '-f', file, '--limits=example.com/unused=1', '-o', 'json'], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(stdout) as { spec: { containers: [{ resources: { requests: Record<string, unknown> } }] } };
    const stored = result.spec.containers[0].resources.requests;
    return { ok: true, stored: values.map((_, index) => stored[key(index)]) };
  } catch (error) {
    const failure = error as { status?: number | null; stderr?: string; message: string };
    if (typeof failure.status !== 'number') throw new Error(`could not run kubectl: ${failure.message}`);
    return { ok: false, stderr: String(failure.stderr ?? '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What kubectl 1.32 stores: kubepatch's answer, but the mantissa alone for a DecimalSI value past `E`. */
function storedByKubectl132(input: string | number): string {
  const stored = canonicalQuantity(input);
  const beyondE = /^(-?[0-9]+)e[0-9]+$/.exec(stored);
  return beyondE !== null && parseQuantity(input).format === 'DecimalSI' ? beyondE[1]! : stored;
}

function expectSameAsKubectl(inputs: readonly (string | number)[]): void {
  const outcome = kubectlRoundTrip(inputs);
  if (!outcome.ok) throw new Error(`kubectl refused the batch: ${outcome.stderr}`);
  const differences = inputs.flatMap((input, index) => {
    const ours = storedByKubectl132(input);
    return outcome.stored[index] === ours ? [] : [`${JSON.stringify(input)}: kubectl ${JSON.stringify(outcome.stored[index])}, kubepatch ${JSON.stringify(ours)}`];
  });
  expect(differences).toEqual([]);
}

describeWithKubectl('canonicalQuantity matches kubectl 1.32 (typed round trip of a Pod)', () => {
  it('on the reference examples and the scanner corners', () => {
    expectSameAsKubectl([
      '1E', '1E3', '1e+3', '1.1n', '0.0000000001', '-0.0000000001', '0.1m', '8Ei', '-8Ei', '0.0005Ki', '1Gi', '1024Mi',
      '1073741824', '1G', '0.5', '500m', '100m', '0.1', '1.500', '007', '+1', '1e0', '3Ki', '1025Ki', '1.5Gi', '2048Ki',
      '1.5Ki', '0.5Ki', '0.1Gi', '1000m', '1.5', '1000M', '1500M', '1000000', '12.5m', '1e4', '1.2e3', '-1000m', '-0', '0',
      '00', '0Ki', '0.000', '1.Ki', '1.Ei', '+.5', '1.', '1.e3', '1e01', '1e-03', '1e-12', '-1.5Ki', '-2048Ki', '123456E',
      '5000000E', '1000E', '1e2147483647', '123456789012345678901234567890', '999999999999999999', '1000000000000000000',
      '99Ti', '100Ti', '7Pi', '1Ei', '1.2345', 1, 0.5, 1000, -2.5, 1e21, 1e-7, 5e-324, 1.7976931348623157e308,
    ]);
  });

  it('on 400 random quantity strings and 200 random JSON numbers', () => {
    const strings = fc.sample(generatedQuantity, { numRuns: 400, seed: 4246 }).map((q) => q.text);
    const numbers = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { numRuns: 200, seed: 4247 });
    expectSameAsKubectl([...strings, ...numbers]);
  });

  it('refuses what kubectl refuses', () => {
    const bad = ['1GB', '1.5 Gi', '', '--1', '1e', '1K', '1ki', '1mi', '1e+', '1e3.5', '1.5.5', '1Ki3', '1e3e3', '1ee3', '0x10', '1µ', '1e-9223372036854775809'];
    const accepted = bad.filter((text) => kubectlRoundTrip([text]).ok);
    expect(accepted).toEqual([]);
    expect(bad.filter(isValidQuantity)).toEqual([]);
  });

  it('refuses, on purpose, what Go misreads (pinned here so a change in kubectl shows)', () => {
    const misread: ReadonlyArray<readonly [string, string]> = [
      ['m', '0'],
      ['.', '0'],
      ['-', '0'],
      ['+', '0'],
      ['e3', '0'],
      ['Ki', '0'],
      ['1e4294967297', '10'],
      ['1000e2147483647', '1e-2147483646'],
      [' 1', '1'],
      ['1 ', '1'],
    ];
    const outcome = kubectlRoundTrip(misread.map(([text]) => text));
    expect(outcome).toEqual({ ok: true, stored: misread.map(([, stored]) => stored) });
    expect(misread.map(([text]) => text).filter(isValidQuantity)).toEqual([]);
  });
});
