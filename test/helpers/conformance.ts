import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The upstream vectors live beside the project, in ../shared/conformance/, and are never copied in. */
export const conformanceDir = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));

/** Reads one conformance file, failing loudly (not skipping) when the shared folder is missing. */
export function readConformance<T>(relativePath: string): T {
  const file = conformanceDir + relativePath;
  if (!existsSync(file)) {
    throw new Error(
      `Conformance data missing: ${file}. The tests read upstream vectors from ../shared/conformance/ next to the ` +
        'project root; check out the shared folder beside the repository.',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The Kubernetes and Argo Rollouts schema data, in ../shared/k8s-schema/, beside the conformance vectors. */
export const k8sSchemaDir = fileURLToPath(new URL('../../../shared/k8s-schema/', import.meta.url));

/** Reads one file of ../shared/k8s-schema/ as text (the CRDs are YAML), failing loudly when it is missing. */
export function readK8sSchemaText(relativePath: string): string {
  const file = k8sSchemaDir + relativePath;
  if (!existsSync(file)) {
    throw new Error(`Schema data missing: ${file}. The tests read ../shared/k8s-schema/ next to the project root.`);
  }
  return readFileSync(file, 'utf8');
}

/** Reads one JSON file of ../shared/k8s-schema/. */
export function readK8sSchema<T>(relativePath: string): T {
  return JSON.parse(readK8sSchemaText(relativePath)) as T;
}

/** Reads one conformance file as text, for the files `JSON.parse` rejects as they are. */
export function readConformanceText(relativePath: string): string {
  const file = conformanceDir + relativePath;
  if (!existsSync(file)) throw new Error(`Conformance data missing: ${file}.`);
  return readFileSync(file, 'utf8');
}
