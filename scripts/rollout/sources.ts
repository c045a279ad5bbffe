/**
 * The Argo Rollouts data the rollout generators read, from `../shared/k8s-schema/` (its README
 * describes the shapes): `argo-rollouts/<tag>/rollout-types.json` (the Go types of
 * `pkg/apis/rollouts/v1alpha1`, extracted with go/ast), `argo-rollouts/<tag>/rollout-crd.yaml`
 * (the CRD, byte-identical to the release's) and `builtin-types.json` (k8s.io/api and meta/v1).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { BuiltinTypesData, SourceTypeRef } from '../generate-builtin-schemas.ts';

/** The folder of the shared data, beside the repository. */
export const k8sSchemaDir = fileURLToPath(new URL('../../../shared/k8s-schema/', import.meta.url));

/** The release lines kubepatch supports, newest first, and the release of each whose data is read. */
export const releases = { '1.9': 'v1.9.1', '1.8': 'v1.8.4' } as const;

/** A field as `rollout-types.json` and `builtin-types.json` write it (the members read here). */
export interface GoSourceField {
  type: SourceTypeRef;
  omitempty: boolean;
  pointer?: true;
  goName: string;
  goType: string;
}

/** A struct type as the data writes it. */
export interface GoSourceStruct {
  goPackage: string;
  goName: string;
  order: string[];
  fields: Record<string, GoSourceField>;
}

/** The parts of `rollout-types.json` read here. */
export interface RolloutTypesData {
  source: { tag: string; commit: string; goModDeps: Record<string, string> };
  kinds: Record<string, string>;
  stepsHash: { reachableTypes: string[]; rootType: string; testVectors: StepsHashVector[] };
  types: Record<string, GoSourceStruct>;
}

/** One of the 14 steps-hash test vectors of a release. */
export interface StepsHashVector {
  stepsInput: unknown;
  goJSON: string;
  stepsHash: string;
  confirmedBy?: string;
}

/** `builtin-types.json` with the Go details the rollout generators read. */
export type BuiltinGoTypesData = BuiltinTypesData & { types: Record<string, GoSourceStruct> };

/** A JSON object of the CRD (the YAML parses to plain JSON). */
export type CRDObject = { [key: string]: unknown };

/** Reads `argo-rollouts/<tag>/rollout-types.json`. */
export function readRolloutTypes(tag: string): RolloutTypesData {
  return JSON.parse(readFileSync(`${k8sSchemaDir}argo-rollouts/${tag}/rollout-types.json`, 'utf8')) as RolloutTypesData;
}

/** Reads `argo-rollouts/<tag>/rollout-crd.yaml`. */
export function readRolloutCRD(tag: string): CRDObject {
  return parse(readFileSync(`${k8sSchemaDir}argo-rollouts/${tag}/rollout-crd.yaml`, 'utf8')) as CRDObject;
}

/** Reads `builtin-types.json`. */
export function readBuiltinGoTypes(): BuiltinGoTypesData {
  return JSON.parse(readFileSync(`${k8sSchemaDir}builtin-types.json`, 'utf8')) as BuiltinGoTypesData;
}

/** Go's package alias for a type's package, as Argo's sources import it. */
const packageAliases: Readonly<Record<string, string>> = {
  'github.com/argoproj/argo-rollouts/pkg/apis/rollouts/v1alpha1': '',
  'k8s.io/apimachinery/pkg/apis/meta/v1': 'metav1.',
  'k8s.io/api/core/v1': 'corev1.',
  'k8s.io/api/batch/v1': 'batchv1.',
};

/** The Go name of a struct as Argo's sources write it: `CanaryStep`, `metav1.LabelSelector`. */
export function qualifiedGoName(struct: GoSourceStruct): string {
  const alias = packageAliases[struct.goPackage];
  if (alias === undefined) throw new Error(`no package alias for ${struct.goPackage}`);
  return alias + struct.goName;
}

/** A JavaScript single-quoted string literal of `text`. */
export function quote(text: string): string {
  return "'" + text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + "'";
}
