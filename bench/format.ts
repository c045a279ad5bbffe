/**
 * How the benchmark page writes numbers: times, sizes, ratios and outcomes, so that every section
 * and the goals table read alike.
 */
import type { Outcome } from './results.js';

/** `0.42×` reads as "takes 0.42 times as long"; two significant digits (whole numbers from 10 on), or `digits`. */
export function formatRatio(ratio: number, digits = 2): string {
  return `${ratio >= 10 && digits <= 2 ? ratio.toFixed(0) : ratio.toPrecision(digits)}×`;
}

/**
 * A time, or what became of the case. A single-run or failure adds its footnote to `footnotes`,
 * which the section prints under its table.
 */
export function formatOutcome(outcome: Outcome, footnotes: Set<string>): string {
  switch (outcome.kind) {
    case 'timed':
      return formatMs(outcome.ms);
    case 'single-run':
      footnotes.add('¹ one call (after a first, checked one): too slow to sample.');
      return `${formatMs(outcome.ms)} ¹`;
    case 'failed':
      return `✕ ${outcome.reason}`;
    case 'not-run':
      return `— (${outcome.reason})`;
  }
}

export function formatUs(us: number | undefined): string {
  if (us === undefined) return '—';
  return `${us.toFixed(us >= 100 ? 0 : us >= 10 ? 1 : 2)} µs`;
}

export function formatMs(ms: number): string {
  if (ms >= 1_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : 2)} ms`;
  return `${(ms * 1_000).toFixed(ms >= 0.1 ? 0 : 1)} µs`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(2)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} kB`;
  return `${bytes} B`;
}
