/**
 * The benchmark's chart: time per element against list length (the `env` series), one panel per
 * task, one line per contender, log-log, with the deep-equal floor as a dashed line; the strategic
 * merge patch panels add Go's apimachinery (bench/apimachinery.ts, its own process, bytes in and
 * out). Plain SVG, so that it renders on GitHub and in any browser without scripts or fonts.
 */
import type { GoTaskId } from './goPeer.js';
import { envSizes } from './inputs.js';
import { timeOf, type BenchResults, type CaseResult, type Outcome } from './results.js';
import { tasks, type TaskId } from './tasks.js';

const goName = "Go's apimachinery";
const colours: Readonly<Record<string, string>> = {
  kubepatch: '#1f63b4',
  'kubepatch + schema': '#17a2b8',
  'fast-json-patch': '#e8710a',
  rfc6902: '#c5221f',
  jsondiffpatch: '#188038',
  'json-merge-patch': '#8e44ad',
  [goName]: '#00add8',
  floor: '#80868b',
};
const floorName = 'floor (fast-deep-equal)';

/** The Go task drawn in a task's panel. */
const goTaskOf: Partial<Record<TaskId, GoTaskId>> = { 'strategic-create': 'smp-create', 'strategic-apply': 'smp-apply' };

const panel = { width: 440, height: 270, left: 58, right: 26, top: 30, bottom: 40 };
const columns = 2;

interface Point {
  readonly size: number;
  readonly perElementUs: number;
  readonly singleRun: boolean;
}

interface Line {
  readonly name: string;
  readonly points: Point[];
  /** Where the line stops and why (out of memory, time limit). */
  stop?: { readonly size: number; readonly label: string };
}

export function renderChart(results: BenchResults): string {
  const envInputs = new Map(envSizes.map((size) => [`env-${size}`, size]));
  const panels = tasks.map((task) => ({ title: task.title, lines: linesOf(task.contenders.map((c) => c.name), task.id, results, envInputs) }));
  for (const [index, task] of tasks.entries()) {
    const goTask = goTaskOf[task.id];
    if (goTask !== undefined && typeof results.apimachinery === 'object') panels[index]!.lines.splice(-1, 0, goLine(goTask, results, envInputs));
  }
  const rows = Math.ceil((panels.length + 1) / columns);
  const width = columns * panel.width;
  const height = rows * panel.height + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">Time per element against env list length (log-log; lower is better)</text>`,
  ];
  panels.forEach((p, index) => {
    const x = (index % columns) * panel.width;
    const y = 30 + Math.floor(index / columns) * panel.height;
    parts.push(renderPanel(p.title, p.lines, x, y));
  });
  const legendIndex = panels.length;
  parts.push(renderLegend((legendIndex % columns) * panel.width, 30 + Math.floor(legendIndex / columns) * panel.height));
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function linesOf(names: readonly string[], taskId: string, results: BenchResults, envInputs: Map<string, number>): Line[] {
  const lines: Line[] = names.map((name) => ({ name, points: [] }));
  const floor: Line = { name: floorName, points: [] };
  for (const [inputId, size] of envInputs) {
    for (const line of lines) {
      const result = results.cases.find((c: CaseResult) => c.inputId === inputId && c.taskId === taskId && c.contender === line.name);
      if (result !== undefined) addPoint(line, size, result.outcome);
    }
    const floorResult = results.floors.find((f) => f.inputId === inputId);
    if (floorResult) floor.points.push({ size, perElementUs: (floorResult.fastDeepEqualMs * 1000) / size, singleRun: false });
  }
  return [...lines, floor];
}

/** Go's times on the env lists, per element. */
function goLine(taskId: GoTaskId, results: BenchResults, envInputs: Map<string, number>): Line {
  const line: Line = { name: goName, points: [] };
  const rows = typeof results.apimachinery === 'object' ? results.apimachinery.rows : [];
  for (const [inputId, size] of envInputs) {
    const row = rows.find((r) => r.inputId === inputId && r.taskId === taskId);
    if (row !== undefined) addPoint(line, size, row.go);
  }
  return line;
}

function addPoint(line: Line, size: number, outcome: Outcome): void {
  if (line.stop) return;
  const ms = timeOf(outcome);
  if (ms !== undefined) line.points.push({ size, perElementUs: (ms * 1000) / size, singleRun: outcome.kind === 'single-run' });
  else if (outcome.kind === 'failed') line.stop = { size, label: shortReason(outcome.reason) };
}

function shortReason(reason: string): string {
  if (reason.includes('memory')) return 'out of memory';
  const limit = /did not finish in (\d+) s/.exec(reason);
  return limit ? `> ${limit[1]} s` : 'failed';
}

function renderPanel(title: string, lines: readonly Line[], originX: number, originY: number): string {
  const plotWidth = panel.width - panel.left - panel.right;
  const plotHeight = panel.height - panel.top - panel.bottom;
  const values = lines.flatMap((line) => line.points.map((point) => point.perElementUs));
  if (values.length === 0) {
    return `<text x="${originX + panel.left}" y="${originY + 18}" font-size="12" font-weight="bold">${escapeXml(title)}</text>\n<text x="${originX + panel.left}" y="${originY + panel.top + 20}" fill="#5f6368">no env list measured in this run</text>`;
  }
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values))));
  const minSize = Math.log10(envSizes[0]);
  const maxSize = Math.log10(envSizes[envSizes.length - 1]!);
  const px = (size: number) => originX + panel.left + ((Math.log10(size) - minSize) / (maxSize - minSize)) * plotWidth;
  const py = (us: number) => originY + panel.top + (1 - (Math.log10(us) - low) / (high - low)) * plotHeight;
  const parts: string[] = [`<text x="${originX + panel.left}" y="${originY + 18}" font-size="12" font-weight="bold">${escapeXml(title)}</text>`];
  parts.push(`<rect x="${originX + panel.left}" y="${originY + panel.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#dadce0"/>`);
  for (let decade = low; decade <= high; decade++) {
    const y = py(10 ** decade);
    parts.push(`<line x1="${originX + panel.left}" x2="${originX + panel.left + plotWidth}" y1="${y}" y2="${y}" stroke="#eeeeee"/>`);
    parts.push(`<text x="${originX + panel.left - 6}" y="${y + 4}" text-anchor="end">${formatMicroseconds(10 ** decade)}</text>`);
  }
  for (const size of [10, 100, 1_000, 10_000]) {
    const x = px(size);
    parts.push(`<line x1="${x}" x2="${x}" y1="${originY + panel.top}" y2="${originY + panel.top + plotHeight}" stroke="#eeeeee"/>`);
    parts.push(`<text x="${x}" y="${originY + panel.top + plotHeight + 14}" text-anchor="middle">${size.toLocaleString('en')}</text>`);
  }
  parts.push(`<text x="${originX + panel.left + plotWidth / 2}" y="${originY + panel.height - 8}" text-anchor="middle" fill="#5f6368">env list length</text>`);
  parts.push(`<text transform="translate(${originX + 14} ${originY + panel.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#5f6368">per element</text>`);
  for (const line of lines) {
    const colour = colourOf(line.name);
    const dash = line.name === floorName ? ' stroke-dasharray="5 4"' : '';
    if (line.points.length > 1) {
      const path = line.points.map((point, i) => `${i === 0 ? 'M' : 'L'}${px(point.size).toFixed(1)} ${py(point.perElementUs).toFixed(1)}`).join(' ');
      parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
    }
    for (const point of line.points) {
      const fill = point.singleRun ? '#ffffff' : colour;
      parts.push(`<circle cx="${px(point.size).toFixed(1)}" cy="${py(point.perElementUs).toFixed(1)}" r="3" fill="${fill}" stroke="${colour}"/>`);
    }
    if (line.stop) {
      const x = px(line.stop.size);
      const y = originY + panel.top + 10;
      parts.push(`<text x="${x}" y="${y}" text-anchor="middle" fill="${colour}" font-weight="bold">✕</text>`);
      parts.push(`<text x="${x - 8}" y="${y + 12}" text-anchor="end" fill="${colour}">${escapeXml(`${line.name}: ${line.stop.label}`)}</text>`);
    }
  }
  return parts.join('\n');
}

function renderLegend(originX: number, originY: number): string {
  const entries = Object.keys(colours).map((name) => (name === 'floor' ? floorName : name));
  const parts = [`<text x="${originX + panel.left}" y="${originY + 18}" font-size="12" font-weight="bold">Legend</text>`];
  entries.forEach((name, i) => {
    const y = originY + panel.top + 10 + i * 20;
    const dash = name === floorName ? ' stroke-dasharray="5 4"' : '';
    parts.push(`<line x1="${originX + panel.left}" x2="${originX + panel.left + 28}" y1="${y}" y2="${y}" stroke="${colourOf(name)}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${originX + panel.left + 36}" y="${y + 4}">${escapeXml(name)}</text>`);
  });
  const notesY = originY + panel.top + 10 + entries.length * 20 + 6;
  parts.push(`<text x="${originX + panel.left}" y="${notesY}" fill="#5f6368">Hollow point: one call (too slow to sample).</text>`);
  parts.push(`<text x="${originX + panel.left}" y="${notesY + 16}" fill="#5f6368">✕: where a library stops (memory or time limit).</text>`);
  return parts.join('\n');
}

function colourOf(name: string): string {
  return colours[name === floorName ? 'floor' : name] ?? '#000000';
}

function formatMicroseconds(us: number): string {
  if (us >= 1_000_000) return `${us / 1_000_000} s`;
  if (us >= 1_000) return `${us / 1_000} ms`;
  if (us >= 1) return `${us} µs`;
  return `${Number((us * 1_000).toPrecision(1))} ns`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
