/**
 * The core bundle (`dist/index.js`, the `kubepatch` entry) runs wherever JavaScript runs: browsers,
 * Deno, edge runtimes. Run by scripts/check-package.sh on the bundle installed from the tarball:
 *
 *   node --experimental-vm-modules --import tsx scripts/check-portable-core.ts <path to index.js>
 *
 * 1. Statically, from the bundle's syntax tree (comments and strings aside): it imports nothing
 *    (no `node:` module, no package) and names none of Node's globals (`Buffer`, `process`,
 *    `require`, `global`, `__dirname`, `__filename`, `module`, `exports`, `setImmediate`).
 * 2. At run time: the bundle is loaded as an ES module into a `vm` context whose globals are
 *    JavaScript's own plus the web platform's `TextEncoder`/`TextDecoder`, `URL`, `atob`/`btoa`,
 *    `console` and `structuredClone`, with no Buffer, process or require. There it validates labels and
 *    annotations (byte lengths, also of astral characters), finds the immutable-field change of a
 *    Secret given `stringData` (base64 of its UTF-8 bytes) and of a Deployment selector (keys in
 *    Go's byte order), and each answer must equal the one the same bundle gives in Node itself.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';

const nodeGlobals = new Set(['Buffer', 'process', 'require', 'global', '__dirname', '__filename', 'module', 'exports', 'setImmediate']);

/** Node globals and module specifiers the bundle's code names, each with its line. */
export function nodeDependencies(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const where = (node: ts.Node): string => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      found.push(`${where(node)}: imports ${node.moduleSpecifier.getText()}`);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      found.push(`${where(node)}: imports ${node.arguments[0]?.getText() ?? '?'}`);
    } else if (ts.isIdentifier(node) && nodeGlobals.has(node.text) && isFreeReference(node)) {
      found.push(`${where(node)}: names ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An identifier that refers to a variable, not a property name or a declaration of its own. */
function isFreeReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node) return false;
  return true;
}

/** What the checks compute with the bundle's exports: plain JSON, to compare across realms. */
const exercise = `
export function exercise(kubepatch) {
  const outcome = (run) => { try { return { value: run() ?? null }; } catch (error) { return { error: error.code, message: error.message }; } };
  const secret = (body) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, immutable: true, ...body });
  const deployment = (matchLabels) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels } } });
  return {
    labels: outcome(() => kubepatch.validateLabels({ app: 'web', 'example.com/tier': 'front' })),
    longLabel: outcome(() => kubepatch.validateLabels({ app: 'x'.repeat(64) })),
    annotations: outcome(() => kubepatch.validateAnnotations({ note: '😀'.repeat(1000), lone: '\\ud800' })),
    tooLarge: outcome(() => kubepatch.validateAnnotations({ note: '😀'.repeat(65536) })),
    secretData: outcome(() => kubepatch.findImmutableFieldChanges(secret({ data: { a: 'eA==' } }), secret({ stringData: { a: 'y😀\\ud800' } }))),
    secretSame: outcome(() => kubepatch.findImmutableFieldChanges(secret({ data: { a: 'eA==' } }), secret({ stringData: { a: 'x' } }))),
    selector: outcome(() => kubepatch.findImmutableFieldChanges(deployment({ 'ﬀ': '1', '😀': '2', a: '3' }), deployment({ 'ﬀ': '1', '😀': '2', a: '4' }))),
  };
}`;

async function main(file: string): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const problems = nodeDependencies(file, text);
  if (problems.length > 0) throw new Error(`the core bundle depends on Node:\n  ${problems.join('\n  ')}`);

  const globals = { TextEncoder, TextDecoder, URL, URLSearchParams, atob, btoa, console, structuredClone, queueMicrotask };
  const context = vm.createContext({ ...globals });
  const absent = vm.runInContext("['Buffer', 'process', 'require', 'global', 'setImmediate'].filter((name) => typeof globalThis[name] !== 'undefined')", context);
  if (absent.length > 0) throw new Error(`the vm context has Node globals: ${absent}`);
  const SourceTextModule = (vm as unknown as { SourceTextModule?: new (code: string, options: object) => VmModule }).SourceTextModule;
  if (SourceTextModule === undefined) throw new Error('run with node --experimental-vm-modules');
  const core = new SourceTextModule(text, { context, identifier: pathToFileURL(file).href });
  const driver = new SourceTextModule(`import * as kubepatch from 'kubepatch';\n${exercise}\nexport const result = JSON.stringify(exercise(kubepatch));`, { context, identifier: 'driver' });
  await driver.link(async (specifier: string) => {
    if (specifier !== 'kubepatch') throw new Error(`unexpected import ${specifier}`);
    return core;
  });
  await driver.evaluate();
  const inVm = JSON.parse(driver.namespace.result as string) as Record<string, { value?: unknown; error?: string }>;

  const inNode = await import(`data:text/javascript,${encodeURIComponent(exercise)}`) as { exercise: (kubepatch: unknown) => unknown };
  const expected = JSON.parse(JSON.stringify(inNode.exercise(await import(pathToFileURL(file).href)))) as typeof inVm;
  if (JSON.stringify(inVm) !== JSON.stringify(expected)) {
    throw new Error(`the core bundle answers differently without Node's globals:\n  vm:   ${JSON.stringify(inVm)}\n  node: ${JSON.stringify(expected)}`);
  }
  // And the answers are the ones that exercise each replaced Buffer use.
  const want: Record<string, (outcome: { value?: unknown; error?: string }) => boolean> = {
    labels: (o) => o.error === undefined,
    longLabel: (o) => o.error === 'INVALID_METADATA',
    annotations: (o) => o.error === undefined,
    tooLarge: (o) => o.error === 'INVALID_METADATA',
    secretData: (o) => Array.isArray(o.value) && o.value.length === 1,
    secretSame: (o) => Array.isArray(o.value) && o.value.length === 0,
    selector: (o) => Array.isArray(o.value) && o.value.length === 1,
  };
  for (const [name, ok] of Object.entries(want)) {
    if (!ok(inVm[name] ?? {})) throw new Error(`${name}: unexpected ${JSON.stringify(inVm[name])}`);
  }
  console.log(`core bundle: no Node dependency, and the same answers in a context without Buffer, process or require (${file})`);
}

interface VmModule {
  link(linker: (specifier: string) => Promise<VmModule>): Promise<void>;
  evaluate(): Promise<void>;
  readonly namespace: Record<string, unknown>;
}

const target = process.argv[2];
if (target === undefined) {
  console.error('usage: node --experimental-vm-modules --import tsx scripts/check-portable-core.ts <dist/index.js>');
  process.exit(2);
}
main(target).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
