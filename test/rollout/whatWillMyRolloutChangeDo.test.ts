import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffRollout, formatChanges } from 'kubepatch';

const doc = readFileSync(new URL('../../docs/what-will-my-rollout-change-do.md', import.meta.url), 'utf8');

/** The fenced blocks of the page, in order. */
const blocks = [...doc.matchAll(/^```(ts|text)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));

describe('docs/what-will-my-rollout-change-do.md', () => {
  it('prints what the page says each example prints', () => {
    const printed: string[][] = [];
    const console = { log: (...args: unknown[]) => printed[printed.length - 1]!.push(args.map(String).join(' ')) };
    let code = '';
    const expected: (string | undefined)[] = [];
    blocks.forEach((block, i) => {
      if (block.lang !== 'ts') return;
      code += `__next();\n${block.body.replace(/^import .*$/m, '')}\n`;
      const next = blocks[i + 1];
      expected.push(next?.lang === 'text' ? next.body : undefined);
    });
    const values: Record<string, unknown> = {};
    const run = new Function('diffRollout', 'formatChanges', 'console', '__next', '__values', `${code}\n__values.report = report;`);
    run(diffRollout, formatChanges, console, () => printed.push([]), values);
    expect(printed).toHaveLength(expected.length);
    expected.forEach((text, i) => {
      if (text === undefined) expect(printed[i]).toEqual([]);
      else expect(`${printed[i]!.join('\n')}\n`).toBe(text);
    });
    // the values the `// →` comments show
    const report = values['report'] as ReturnType<typeof diffRollout>;
    expect(report.risk).toBe('none');
    const shown = /report\.reactions\[0\]\.explanation;\n((?:\/\/ .*\n)+)/.exec(doc)![1]!;
    const text = shown.replace(/\n?\/\/ (?:→ )?\s*/g, ' ').trim().replace(/^'|'$/g, '');
    expect(report.reactions[0]!.explanation).toBe(text);
  });
});
