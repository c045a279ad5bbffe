import { describe, expect, it } from 'vitest';
import type { GoComparison } from '../../bench/apimachinery.js';
import { apimachinerySection } from '../../bench/apimachineryReport.js';
import { renderMarkedSection, replaceMarkedSections } from '../../bench/markedSections.js';
import type { BenchResults } from '../../bench/results.js';

const row = (taskId: GoComparison['taskId'], extra: Partial<GoComparison> = {}): GoComparison => ({
  inputId: 'env-10000',
  taskId,
  go: { kind: 'single-run', ms: 2_600 },
  kubepatch: { kind: 'timed', ms: 5 },
  kubepatchBytes: { kind: 'timed', ms: 13 },
  agreement: 'same',
  ...extra,
});

function results(apimachinery: BenchResults['apimachinery']): BenchResults {
  return { inputs: [], cases: [], floors: [], versions: {}, machine: 'test', elapsedMs: 0, ...(apimachinery === undefined ? {} : { apimachinery }) };
}

describe("the Go's apimachinery section", () => {
  const measured = results({
    go: 'go1.24.4',
    apimachinery: 'v0.33.13',
    inputs: [{ id: 'env-10000', title: 'env list of 10,000', shape: 'list', size: 10_000, typical: false, large: true, series: 'env' }],
    rows: [row('smp-create'), row('smp-apply', { agreement: 'different', wrong: 'Go: the patched document differs from after' }), row('smp-three-way'), row('merge-three-way', { agreement: 'same-result' })],
    slowCallMs: 2_000,
  });

  it('puts Go beside kubepatch on objects and with JSON around the call, with both ratios', () => {
    const section = apimachinerySection(measured);
    expect(section).toContain("Go's k8s.io/apimachinery v0.33.13 (go1.24.4)");
    expect(section).toContain('| env list of 10,000 | 2.6 s ² | 5.00 ms | 13.00 ms | 520× / 200× | same |');
    expect(section).toContain('| differs ⚠ |');
    expect(section).toContain('| same result |');
    expect(section).toContain('⚠ env list of 10,000, smp-apply: Go: the patched document differs from after.');
    expect(section).toContain('2 of 4 outputs are the same.');
  });

  it('says why Go is missing instead of leaving the section out', () => {
    expect(apimachinerySection(results('no Go toolchain'))).toContain('Not measured in this run: no Go toolchain.');
    expect(apimachinerySection(results(undefined))).toContain('`--only=apimachinery` measures it');
  });

  it('replaces its marked part of an existing page in a run of its own', () => {
    const page = `# Benchmarks\n\n${renderMarkedSection('apimachinery', results('OLD-REASON'))}\n## How it is measured\n`;
    const replaced = replaceMarkedSections(page, new Map([['apimachinery', renderMarkedSection('apimachinery', measured, true)]]));
    expect(replaced).not.toContain('OLD-REASON');
    expect(replaced).toContain('520× / 200×');
    expect(replaced).toContain('_Measured in a run of this section alone (`--only=apimachinery`) on test._');
    expect(replaced.indexOf('## How it is measured')).toBeGreaterThan(replaced.indexOf('520×'));
  });
});
