import { describe, expect, it } from 'vitest';
import { peakFromGcTrace } from '../../bench/gcTrace.js';

const line = (kind: string, before: number, after: number, reason: string) =>
  `[7736:0x20e47da0]       58 ms: ${kind} ${before} (${before + 2}) -> ${after} (${after + 2}) MB, 1.50 / 0.00 ms  (average mu = 1.000, current mu = 1.000) ${reason}; `;
const forced = (before: number, after: number) => line('Mark-Compact', before, after, 'testing') + 'GC in old space requested';
const MiB = 1024 * 1024;

describe('peakFromGcTrace (benchmark memory probe)', () => {
  it('measures from the second forced collection to the highest level before the third', () => {
    const trace = [
      line('Scavenge', 6.4, 6.1, 'allocation failure'), // preparation: ignored
      forced(14.8, 14.2),
      forced(14.2, 14),
      line('Scavenge', 22.8, 22.7, 'allocation failure'),
      line('Mark-Compact (reduce)', 59, 51.5, 'finalize incremental marking via stack guard'),
      line('Scavenge', 53.4, 53.3, 'allocation failure'),
      forced(40, 30),
      '{"ms":12.5}',
    ].join('\n');
    const peak = peakFromGcTrace(trace)!;
    expect(peak.atLeast).toBe(false);
    expect(peak.bytes / MiB).toBeCloseTo(59 - 14, 6);
  });

  it('counts the heap in use at the end when no collection happened during the call', () => {
    const peak = peakFromGcTrace([forced(10, 9), forced(9, 8), forced(8.5, 8)].join('\n'))!;
    expect(peak.bytes / MiB).toBeCloseTo(0.5, 6);
  });

  it('gives a lower bound for a call stopped before its end', () => {
    const peak = peakFromGcTrace([forced(10, 9), forced(9, 8), line('Scavenge', 900, 899, 'allocation failure')].join('\n'))!;
    expect(peak).toEqual({ bytes: 892 * MiB, atLeast: true });
  });

  it('knows nothing when the child stopped before its call', () => {
    expect(peakFromGcTrace(forced(10, 9))).toBeUndefined();
    expect(peakFromGcTrace('')).toBeUndefined();
  });
});
