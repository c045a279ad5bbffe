import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InvalidDocumentError, type JsonObject } from 'kubepatch';
import { parseAllDocuments } from 'yaml';
import { isJsonObject } from '../json/ownProperty.js';

/**
 * A CRD to install: the object itself, or the path of a YAML or JSON file (several documents
 * allowed) or of a folder of such files (`*.yaml`, `*.yml`, `*.json`, not descending).
 * @example
 * ```ts
 * const crds: CrdSource[] = ['test/crds/rollout-crd.yaml', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: {} }];
 * ```
 * @public
 */
export type CrdSource = string | JsonObject;

/**
 * The CRDs `sources` name, in order. Documents of files that are not a
 * `CustomResourceDefinition` are left out, as controller-runtime's envtest does with the folders it
 * is given; an object passed directly is taken as it is.
 */
export async function readCrds(sources: readonly CrdSource[]): Promise<JsonObject[]> {
  const crds: JsonObject[] = [];
  for (const source of sources) {
    if (typeof source !== 'string') {
      crds.push(source);
      continue;
    }
    const info = await stat(source);
    const files = info.isDirectory()
      ? (await readdir(source))
          .filter((name) => !name.startsWith('.') && ['.yaml', '.yml', '.json'].includes(extname(name).toLowerCase()))
          .sort()
          .map((name) => join(source, name))
      : [source];
    for (const file of files) crds.push(...crdsOf(file, await readFile(file, 'utf8')));
  }
  return crds;
}

function crdsOf(file: string, text: string): JsonObject[] {
  const crds: JsonObject[] = [];
  parseAllDocuments(text).forEach((document, index) => {
    if (document.errors.length > 0) {
      throw new InvalidDocumentError(`${file} (document ${index + 1}) is not valid YAML: ${document.errors[0]!.message}`, { input: 'crds' });
    }
    const value: unknown = document.toJS();
    if (isJsonObject(value) && value['kind'] === 'CustomResourceDefinition') crds.push(value);
  });
  return crds;
}
