/**
 * The sections of docs/benchmarks.md that a run of their own can replace in the existing page:
 * each sits between marker comments (`<!-- ssa:start -->` … `<!-- ssa:end -->`), so that
 * `--only=ssa`, `--only=yaml-input` or `--only=apimachinery` rewrites its section and leaves the
 * rest of the page (and the goals table, which a whole run judges) as it was.
 */
import { apimachinerySection } from './apimachineryReport.js';
import type { BenchResults } from './results.js';
import { ssaSection } from './ssaReport.js';
import { yamlInputSection } from './yamlInputReport.js';

/** The sections a run of their own can replace in an existing page; also the `--only` ids that select them. */
export const markedSectionIds = ['ssa', 'yaml-input', 'apimachinery'] as const;
export type MarkedSectionId = (typeof markedSectionIds)[number];

const startMarker = (id: MarkedSectionId) => `<!-- ${id}:start -->`;
const endMarker = (id: MarkedSectionId) => `<!-- ${id}:end -->`;

/**
 * One marked section, markers included. `standalone`: it is written into a page whose other
 * sections come from another run, so it names its own machine.
 */
export function renderMarkedSection(id: MarkedSectionId, results: BenchResults, standalone = false): string {
  const body = id === 'ssa' ? ssaSection(results) : id === 'yaml-input' ? yamlInputSection(results) : apimachinerySection(results);
  const origin = standalone ? `\n_Measured in a run of this section alone (\`--only=${id}\`) on ${results.machine}._\n` : '';
  return `${startMarker(id)}\n${body}${origin}\n${endMarker(id)}\n`;
}

/**
 * The page with each given section put in place of its marked one. A section the page has no
 * markers for goes before "How it is measured" (or at the end).
 */
export function replaceMarkedSections(page: string, sections: ReadonlyMap<MarkedSectionId, string>): string {
  let out = page;
  for (const [id, section] of sections) {
    const start = out.indexOf(startMarker(id));
    const end = out.indexOf(endMarker(id));
    if (start >= 0 && end > start) {
      const after = end + endMarker(id).length;
      out = out.slice(0, start) + section + out.slice(out[after] === '\n' ? after + 1 : after);
      continue;
    }
    const method = out.indexOf('\n## How it is measured');
    out = method >= 0 ? `${out.slice(0, method + 1)}${section}\n${out.slice(method + 1)}` : `${out.trimEnd()}\n\n${section}`;
  }
  return out;
}

