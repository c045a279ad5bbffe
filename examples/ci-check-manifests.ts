/**
 * A CI check of manifests: compares the manifests in two directories (the deployed ones and the
 * ones a pull request wants to apply) and fails the build on an update the API server would refuse
 * (an immutable field changed) or a high-risk Argo Rollout change.
 *
 *   tsx examples/ci-check-manifests.ts examples/ci-check/old examples/ci-check/new
 *
 * Prints one line per problem and exits 1 when there is any (0 when all is well, 2 on bad usage).
 * Objects are matched by apiVersion, kind, namespace and name; objects only on one side are skipped.
 * (`kubepatch check OLD NEW` does the same from the command line.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { diffRollout, findImmutableFieldChanges, type JsonObject } from '../src/index.js';

function readManifests(dir: string): Map<string, JsonObject> {
  const objects = new Map<string, JsonObject>();
  for (const file of readdirSync(dir).filter((name) => /\.(ya?ml|json)$/.test(name)).sort()) {
    for (const document of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      if (document.errors.length > 0) throw new Error(`${join(dir, file)}: ${document.errors[0]!.message}`);
      const object = document.toJS() as JsonObject | null;
      if (object === null || typeof object !== 'object' || Array.isArray(object)) continue;
      const metadata = (object.metadata ?? {}) as JsonObject;
      const namespace = typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : '';
      objects.set(`${String(object.apiVersion)} ${String(object.kind)} ${namespace}${String(metadata.name)}`, object);
    }
  }
  return objects;
}

const [oldDir, newDir] = process.argv.slice(2);
if (oldDir === undefined || newDir === undefined) {
  console.error('usage: tsx examples/ci-check-manifests.ts OLD_DIR NEW_DIR');
  process.exit(2);
}

const before = readManifests(oldDir);
const after = readManifests(newDir);
const problems: string[] = [];
for (const [key, desired] of after) {
  const live = before.get(key);
  if (live === undefined) continue;
  const label = key.split(' ').slice(1).join(' ');
  for (const change of findImmutableFieldChanges(live, desired)) problems.push(`${label}: ${change.message}`);
  if (desired.kind === 'Rollout' && String(desired.apiVersion).startsWith('argoproj.io/')) {
    for (const entry of diffRollout(live, desired).reactions) {
      // The selector change is already reported above, in the API server's words.
      if (entry.risk === 'high' && entry.reaction !== 'selector-change') {
        problems.push(`${label}: ${entry.paths.join(', ')}: ${entry.reaction}: ${entry.explanation}`);
      }
    }
  }
}
for (const problem of problems) console.log(problem);
if (problems.length > 0) process.exit(1);
console.log(`ok: ${after.size} manifests checked`);
