/**
 * Peak heap of one call, read from V8's `--trace-gc` lines, which print the heap in use before
 * and after every collection ("Scavenge 6.4 (6.5) -> 6.1 (7.5) MB"). The probe brackets its call
 * with forced collections (reason "testing"): the second one before the call gives the baseline,
 * the one after it the heap in use at the end; every collection in between shows a level the heap
 * reached during the call.
 */
import type { PeakMemory } from './results.js';

const gcLine = /: (?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Minor Mark-Sweep)[^\d]*([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB.*?(testing)?;/;
const mebibyte = 1024 * 1024;

export function peakFromGcTrace(trace: string): PeakMemory | undefined {
  const collections = trace.split('\n').flatMap((line) => {
    const match = gcLine.exec(line);
    return match ? [{ before: Number(match[1]) * mebibyte, after: Number(match[2]) * mebibyte, forced: match[3] !== undefined }] : [];
  });
  const forced = collections.map((c, index) => (c.forced ? index : -1)).filter((index) => index >= 0);
  if (forced.length < 2) return undefined;
  const start = forced[1]!;
  const end = forced[2];
  const during = collections.slice(start + 1, end === undefined ? undefined : end + 1);
  const baseline = collections[start]!.after;
  const highest = Math.max(baseline, ...during.map((c) => c.before));
  return { bytes: highest - baseline, atLeast: end === undefined };
}
