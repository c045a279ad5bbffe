import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/CliError.js';
import { parseDocuments } from '../../src/cli/readDocuments.js';
import { parseYamlDocuments } from '../../src/yaml/parseYamlDocuments.js';
import { readSimpleBlockYaml } from '../../src/yaml/readSimpleBlockYaml.js';
import { describeWithKubectl } from '../helpers/kubectl.js';

const CORPUS = join(import.meta.dirname, 'fixtures/yaml-corpus');
const REFUSED = join(CORPUS, 'refused');

/** The error `parseDocuments` throws for `text`, as a message. */
function refusal(source: string, text: string, json = false): string {
  try {
    parseDocuments(source, text, json);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error(`${source} was read without an error`);
}

function values(text: string): unknown[] {
  return parseDocuments('x.yaml', text, false).map((doc) => doc.value);
}

/** What kubectl reads from a file: `kubectl patch --local -f FILE -p {}` prints every object as read, as JSON. */
function kubectlRead(file: string): { ok: true; objects: unknown[] } | { ok: false; stderr: string } {
  try {
    const out = execFileSync('kubectl', ['patch', '--local', '-f', file, '-p', '{}', '--type', 'merge', '-o', 'json'], { encoding: 'utf8', stdio: 'pipe', timeout: 20_000 });
    return { ok: true, objects: out.split(/^\}\n(?=\{)/m).map((part, i, all) => JSON.parse(i < all.length - 1 ? `${part}}` : part) as unknown) };
  } catch (error) {
    return { ok: false, stderr: String((error as { stderr?: unknown }).stderr) };
  }
}

describeWithKubectl('YAML corpus read as kubectl reads it (kubectl patch --local -f)', () => {
  it('reads every document of scalars.yaml exactly as kubectl does', { timeout: 60_000 }, () => {
    const file = join(CORPUS, 'scalars.yaml');
    const theirs = kubectlRead(file);
    expect(theirs.ok).toBe(true);
    const ours = parseDocuments(file, readFileSync(file, 'utf8'), false).map((doc) => doc.value);
    expect(ours).toHaveLength(7);
    expect(ours).toEqual((theirs as { objects: unknown[] }).objects);
  });

  it('refuses every file of refused/ that kubectl refuses, naming the file, the document and the line', { timeout: 60_000 }, () => {
    const names = readdirSync(REFUSED).filter((name) => name.endsWith('.yaml'));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const file = join(REFUSED, name);
      expect(kubectlRead(file).ok, name).toBe(false);
      expect(refusal(file, readFileSync(file, 'utf8')), name).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(document 1\\).* at line \\d+`));
    }
  });
});

describe('YAML 1.1 as kubectl reads it', () => {
  it('resolves YAML 1.1 scalars and keys as go-yaml v2 and sigs.k8s.io/yaml do', () => {
    const [doc] = values('replicas: 010\nhostNetwork: yes\ntty: on\non: x\nhex: 0x1F\nn: 1_000\nt: 1:30\nf: 1e3\nk:\n  1.5: a\n  123456789.5: b\n  0x10: c\n');
    expect(doc).toEqual({ replicas: 8, hostNetwork: true, tty: true, true: 'x', hex: 31, false: 1000, t: '1:30', f: 1000, k: { '1.5': 'a', '1.2345679e+08': 'b', '16': 'c' } });
  });

  it('keeps the last of duplicate keys, as kubectl does', () => {
    expect(values('a: 1\nb: 2\na: 3\n')).toEqual([{ a: 3, b: 2 }]);
    expect(values('a: 1\nb: {c: 1, c: 2}\n')).toEqual([{ a: 1, b: { c: 2 } }]);
  });

  it('merges `<<` as go-yaml v2: a merged key overrides one set before it', () => {
    expect(values('base: &b {a: 1, b: 2}\nm:\n  b: 0\n  <<: *b\n  c: 3\n')).toEqual([{ base: { a: 1, b: 2 }, m: { b: 2, a: 1, c: 3 } }]);
  });

  it('accepts a quoted scalar continued with less indentation than its key, as kubectl does', () => {
    const text = 'spec:\n  http:\n  - match:\n    - headers:\n        x-id:\n          regex: "aaa bbb\n  ccc"\n';
    expect(values(text)).toEqual([{ spec: { http: [{ match: [{ headers: { 'x-id': { regex: 'aaa bbb ccc' } } }] }] } }]);
  });

  it('names the file, the document and the line of an unresolved alias', () => {
    expect(refusal('a.yaml', 'a: 1\n---\nb: *nope\n')).toBe("a.yaml (document 2): invalid YAML at line 3 (at /b): unknown anchor 'nope' referenced");
  });

  it('refuses YAML nested too deeply to read with DOCUMENT_TOO_DEEP, never a stack overflow', () => {
    const block = `a:\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')}\n`;
    const flow = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    for (const text of [block, flow]) {
      const message = refusal('deep.yaml', text);
      expect(message).toMatch(/^deep\.yaml \(document 1\) \(line \d+\): DOCUMENT_TOO_DEEP: /);
      expect(message).not.toContain('call stack');
    }
  });

  it('names the file, the document and the line of a syntax error', () => {
    expect(refusal('a.yaml', 'a: 1\n---\nb: [1\nc: 2\n')).toMatch(/^a\.yaml \(document 2\): invalid YAML at line \d+: /);
  });
});

describe('integers beyond 2^53', () => {
  it('refuses a YAML integer a JavaScript number would round, naming file, document, path and line', () => {
    const text = 'kind: Pod\n---\nspec:\n  terminationGracePeriodSeconds: 9007199254740993\n';
    expect(refusal('pod.yaml', text)).toBe(
      'pod.yaml (document 2) at /spec/terminationGracePeriodSeconds (line 4): INVALID_DOCUMENT: the integer 9007199254740993 is beyond ±(2^53 − 1) and cannot be kept exactly; write it as a string',
    );
    expect(refusal('pod.yaml', '- -0x20000000000001\n')).toMatch(/at \/0 \(line 1\): INVALID_DOCUMENT: the integer -0x20000000000001 /);
  });

  it('refuses such a JSON integer, naming the path and line', () => {
    const text = '{\n  "spec": {"a": ["9007199254740993", 1.5e300, {"x\\"": 9007199254740993}]}\n}';
    expect(refusal('pod.json', text, true)).toBe(
      'pod.json (document 1) at /spec/a/2/x" (line 2): INVALID_DOCUMENT: the integer 9007199254740993 is beyond ±(2^53 − 1) and cannot be kept exactly; write it as a string',
    );
  });

  it('keeps the largest exact integers, strings of digits and floats', () => {
    expect(values('a: 9007199254740991\nb: "9007199254740993"\nc: 1e20\n')).toEqual([{ a: 9007199254740991, b: '9007199254740993', c: 1e20 }]);
    expect(parseDocuments('a.json', '{"a": -9007199254740991, "b": "9007199254740993", "c": 1e20}', true)[0]?.value).toEqual({ a: -9007199254740991, b: '9007199254740993', c: 1e20 });
  });
});

describe('the simple block reader (the fast path for large files)', () => {
  const failOnProblem = (index: number, problem: Error) => new Error(`document ${index}: ${problem.message}`);

  it('reads what the full reader reads, for every corpus document it takes', () => {
    const docs = readFileSync(join(CORPUS, 'scalars.yaml'), 'utf8').split(/^---\n/m);
    let taken = 0;
    for (const doc of docs) {
      const fast = readSimpleBlockYaml(doc);
      if (fast === undefined) continue;
      taken++;
      if (doc.includes('name: simple-block')) taken += 100;
      expect(fast).toEqual(parseYamlDocuments(doc, failOnProblem, { simpleReader: false })[0]?.value);
    }
    expect(taken).toBeGreaterThan(100); // the simple-block document at least
  });

  it('leaves what it does not handle to the full reader', () => {
    for (const text of ['a: &x 1\n', 'a: [1, 2]\n', 'a: b\n  c\n', 'a: >\n  x\n', 'a: 1\n---\nb: 2\n', 'a:\tb\n', '"a": 1\n', 'a: "x\n  y"\n', 'a: |+\n  x\n\n', 'a: ~\nb: 9007199254740993\n'])
      expect(readSimpleBlockYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('reads a 5 MB ConfigMap as JSON.parse reads the same data', () => {
    const data: Record<string, string> = {};
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
    for (let i = 0; lines.length < 55_000; i++) {
      const key = `key-${i}`;
      if (i % 3 === 0) {
        data[key] = `line ${i}\n  indented "${'x'.repeat(100)}"\n`;
        lines.push(`  ${key}: |`, `    line ${i}`, `      indented "${'x'.repeat(100)}"`);
      } else {
        data[key] = `value ${i}: 'q' ${'y'.repeat(100)}`;
        lines.push(`  ${key}: "value ${i}: 'q' ${'y'.repeat(100)}"`);
      }
    }
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(4_000_000);
    expect(values(text)).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data }]);
    expect(readSimpleBlockYaml(text)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data });
  });
});
