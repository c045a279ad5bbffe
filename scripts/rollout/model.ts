/**
 * Generates `src/rollout/generated/rolloutModel.ts`: TypeScript interfaces for the
 * `argoproj.io/v1alpha1` Rollout (spec and status) and every Argo type they reach, from the Go
 * types of the newest release (`rollout-types.json`: field order, Go types) and its CRD (which
 * fields are required). The built-in types a Rollout embeds come from `builtin-types.json`, as
 * the subset listed in `builtinSubset` below.
 */
import { fileURLToPath } from 'node:url';
import type { SourceTypeRef } from '../generate-builtin-schemas.ts';
import { qualifiedGoName, quote, type BuiltinGoTypesData, type CRDObject, type GoSourceField, type GoSourceStruct, type RolloutTypesData } from './sources.ts';

export const rolloutModelFile = fileURLToPath(new URL('../../src/rollout/generated/rolloutModel.ts', import.meta.url));

const rootId = 'io.argoproj.v1alpha1.Rollout';
const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const core = 'io.k8s.api.core.v1.';

/**
 * The built-in types the model declares. Generating every built-in type is out of scope, so the
 * pod template is typed down to the fields most manifests use: a type with `fields` declares only
 * those and is `open` (an index signature accepts its other fields, untyped). The rest are whole.
 */
export const builtinSubset: Readonly<Record<string, { fields?: readonly string[] }>> = {
  [meta + 'ObjectMeta']: {},
  [meta + 'OwnerReference']: {},
  [meta + 'ManagedFieldsEntry']: {},
  [meta + 'LabelSelector']: {},
  [meta + 'LabelSelectorRequirement']: {},
  [core + 'PodTemplateSpec']: {},
  [core + 'PodSpec']: {
    fields: ['volumes', 'initContainers', 'containers', 'restartPolicy', 'terminationGracePeriodSeconds', 'nodeSelector', 'serviceAccountName', 'imagePullSecrets'],
  },
  [core + 'Container']: {
    fields: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'env', 'resources', 'volumeMounts', 'imagePullPolicy'],
  },
  [core + 'ContainerPort']: {},
  [core + 'EnvVar']: { fields: ['name', 'value'] },
  [core + 'ResourceRequirements']: { fields: ['limits', 'requests'] },
  [core + 'VolumeMount']: {},
  [core + 'Volume']: { fields: ['name'] },
  [core + 'LocalObjectReference']: {},
};

/** One interface to emit. */
interface ModelType {
  id: string;
  struct: GoSourceStruct;
  /** The fields emitted, in Go order. */
  fields: string[];
  /** Fields a valid object must have. */
  required: ReadonlySet<string>;
  /** Accepts fields it does not declare (a built-in subset). */
  open: boolean;
  /** Where the type first appears in a Rollout, as a TypeScript expression on `rollout`. */
  example: { text: string; maybeUndefined: boolean };
}

/**
 * The fields the CRD requires, per Argo type, from walking its `openAPIV3Schema` beside the Go
 * types. controller-gen marks a field required when its tag has no `omitempty` and it has no
 * `+optional`; the CRD is what the API server enforces, so it decides (it differs from the Go tags
 * for RolloutSpec.template and .strategy, AnalysisTemplateRef.templateName, HeaderRoutingMatch.headerValue,
 * AppMeshVirtualNodeGroup and AwsResourceRef.fullName).
 */
export function crdRequired(data: RolloutTypesData, crd: CRDObject): Map<string, ReadonlySet<string>> {
  const versions = (crd.spec as { versions: { schema: { openAPIV3Schema: Schema } }[] }).versions;
  const root = versions[0]?.schema.openAPIV3Schema;
  if (root === undefined) throw new Error('the CRD has no schema');
  const found = new Map<string, ReadonlySet<string>>();
  const walk = (id: string, schema: Schema): void => {
    const struct = data.types[id];
    if (struct === undefined) return; // a built-in type: its CRD copy is trimmed
    const required = new Set(schema.required ?? []);
    const seen = found.get(id);
    if (seen !== undefined) {
      if ([...seen].sort().join() !== [...required].sort().join()) throw new Error(`the CRD requires different fields of ${id} in two places`);
      return;
    }
    found.set(id, required);
    for (const name of struct.order) {
      let type = (struct.fields[name] as GoSourceField).type;
      let sub = schema.properties?.[name];
      if (sub === undefined) throw new Error(`the CRD has no property ${name} in ${id}`);
      while (sub !== undefined && (type.kind === 'list' || type.kind === 'map')) {
        sub = type.kind === 'list' ? sub.items : typeof sub.additionalProperties === 'object' ? sub.additionalProperties : undefined;
        type = type.elem;
      }
      if (sub !== undefined && type.kind === 'struct') walk(type.ref, sub);
    }
  };
  walk(rootId, root);
  return found;
}

interface Schema {
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
}

/** The types to emit, in the order a walk from Rollout reaches them, each with its first path. */
export function modelTypes(data: RolloutTypesData, builtin: BuiltinGoTypesData, crd: CRDObject): ModelType[] {
  const required = crdRequired(data, crd);
  const types = new Map<string, ModelType>();
  const pending: { id: string; example: ModelType['example'] }[] = [{ id: rootId, example: { text: 'rollout', maybeUndefined: false } }];
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const { id, example } = next;
    if (types.has(id)) continue;
    const argo = data.types[id];
    const subset = builtinSubset[id];
    const struct = argo ?? (subset !== undefined ? builtin.types[id] : undefined);
    if (struct === undefined) throw new Error(`${id} is neither an Argo type nor in builtinSubset`);
    const fields = subset?.fields ? struct.order.filter((name) => subset.fields?.includes(name)) : struct.order;
    if (subset?.fields && fields.length !== subset.fields.length) throw new Error(`builtinSubset names fields ${id} does not have`);
    const goRequired = new Set(fields.filter((name) => !struct.fields[name]?.omitempty && !struct.fields[name]?.pointer));
    const argoRequired = required.get(id);
    if (argo !== undefined && argoRequired === undefined) throw new Error(`the CRD walk did not reach ${id}`);
    types.set(id, { id, struct, fields, required: argoRequired ?? goRequired, open: subset?.fields !== undefined, example });
    for (const name of fields) {
      const field = struct.fields[name] as GoSourceField;
      let type = field.type;
      let access = member(example, name, !(argoRequired ?? goRequired).has(name));
      while (type.kind === 'list' || type.kind === 'map') {
        access = { text: `${access.text}${access.maybeUndefined ? '?.' : ''}[${type.kind === 'list' ? '0' : "'name'"}]`, maybeUndefined: true };
        type = type.elem;
      }
      if (type.kind === 'struct') pending.push({ id: type.ref, example: access });
    }
  }
  const names = new Map<string, string>();
  for (const { id, struct } of types.values()) {
    if (names.has(struct.goName)) throw new Error(`two types are named ${struct.goName}: ${names.get(struct.goName)} and ${id}`);
    names.set(struct.goName, id);
  }
  return [...types.values()];
}

function member(on: ModelType['example'], name: string, optional: boolean): ModelType['example'] {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `[${quote(name)}]`;
  const dot = on.maybeUndefined ? '?.' : key.startsWith('[') ? '' : '.';
  return { text: `${on.text}${dot}${key}`, maybeUndefined: on.maybeUndefined || optional };
}

/** A TypeRef as a TypeScript type; `pointer` tells a `*metav1.Time` (never null) from a `metav1.Time`. */
function tsType(type: SourceTypeRef, names: ReadonlyMap<string, string>, pointer: boolean, where: string): string {
  switch (type.kind) {
    case 'struct': {
      const name = names.get(type.ref);
      if (name === undefined) throw new Error(`${where}: ${type.ref} is not emitted`);
      return name;
    }
    case 'list': {
      const elem = tsType(type.elem, names, false, where);
      return elem.includes(' ') ? `(${elem})[]` : `${elem}[]`;
    }
    case 'map':
      return `{ [key: string]: ${tsType(type.elem, names, false, where)} }`;
    case 'primitive':
      return type.type === 'integer' ? 'number' : type.type;
    case 'quantity':
      return 'string | number';
    case 'intOrString':
      return 'number | string';
    case 'time':
      // A zero metav1.Time marshals as null ("creationTimestamp: null" in templates); a nil *metav1.Time is left out.
      return pointer ? 'string' : 'string | null';
    case 'raw':
      return 'JsonValue';
  }
}

function lowerFirst(name: string): string {
  const lowered = name.replace(/^[A-Z]+?(?=[A-Z][a-z]|$)|^[A-Z]/, (head) => head.toLowerCase());
  return lowered === name ? `${name}Value` : lowered;
}

/**
 * The text of `src/rollout/generated/rolloutModel.ts`: one `RolloutModel` namespace whose members
 * are the interfaces themselves. (A namespace of aliases to same-named imported interfaces,
 * `type Rollout = Generated.Rollout`, is flattened by the declaration bundler into
 * `type Rollout = Rollout`: circular for `skipLibCheck: false`, `any` otherwise.) Pure: the same
 * data gives the same text.
 */
export function generateRolloutModelModule(data: RolloutTypesData, builtin: BuiltinGoTypesData, crd: CRDObject): string {
  const types = modelTypes(data, builtin, crd);
  const names = new Map(types.map(({ id, struct }) => [id, struct.goName]));
  const lines = [
    '// Code generated by scripts/generate-rollout.ts (npm run generate:rollout). DO NOT EDIT.',
    `// Sources, in ../shared/k8s-schema/: argo-rollouts/${data.source.tag}/rollout-types.json and rollout-crd.yaml`,
    `// (github.com/argoproj/argo-rollouts ${data.source.tag}, ${data.source.commit}), and builtin-types.json`,
    `// (k8s.io/api ${builtin.source.tag}) for the subset of built-in types a Rollout embeds.`,
    "import type { JsonValue } from '../../json/JsonValue.js';",
    '',
    '/**',
    ` * TypeScript types of Argo Rollouts' \`argoproj.io/v1alpha1\` Rollout (${data.source.tag}): \`RolloutModel.Rollout\`,`,
    ' * `RolloutModel.RolloutSpec`, `RolloutModel.RolloutStatus` and every type they reach, generated',
    " * from Argo's Go types and CRD (`npm run generate:rollout`). Kept in a namespace because it holds",
    ' * generic names (`ObjectMeta`, `Container`) for the subset of built-in types a Rollout embeds.',
    ' *',
    ' * @example',
    ' * ```ts',
    ...rootExample.map((line) => ` * ${line}`),
    ' * ```',
    ' * @public',
    ' */',
    'export declare namespace RolloutModel {',
  ];
  const emit = (line: string): number => lines.push(line === '' ? '' : `  ${line}`);
  for (const [index, type] of types.entries()) {
    const { struct, example } = type;
    const builtinSource = data.types[type.id] === undefined;
    const variable = lowerFirst(struct.goName);
    if (index > 0) emit('');
    emit('/**');
    if (builtinSource) {
      const release = `${struct.goPackage.startsWith('k8s.io/api/') ? 'k8s.io/api' : 'k8s.io/apimachinery'} ${builtin.source.tag}`;
      emit(` * The built-in Go type \`${qualifiedGoName(struct)}\` (${release})${type.open ? ', in part:' : '.'}`);
      if (type.open) emit(' * the fields below are typed, and the others are accepted without a type (the index signature).');
    } else {
      emit(` * The Go type \`v1alpha1.${struct.goName}\` of Argo Rollouts ${data.source.tag}. A field is optional unless the CRD requires it.`);
    }
    emit(' *');
    emit(' * @example');
    emit(' * ```ts');
    if (type.id === rootId) {
      for (const line of rootExample) emit(` * ${line}`);
    } else {
      emit(' * declare const rollout: RolloutModel.Rollout;');
      emit(` * const ${variable}: RolloutModel.${struct.goName}${example.maybeUndefined ? ' | undefined' : ''} = ${example.text};`);
    }
    emit(' * ```');
    emit(' */');
    emit(`export interface ${struct.goName} {`);
    for (const name of type.fields) {
      const field = struct.fields[name] as GoSourceField;
      const tag = `${name}${field.omitempty ? ',omitempty' : ''}`;
      const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
      const optional = type.required.has(name) ? '' : '?';
      emit(`  /** Go \`${field.goName} ${field.goType}\` \`json:"${tag}"\`. */`);
      emit(`  ${key}${optional}: ${tsType(field.type, names, field.pointer === true, `${type.id}.${name}`)};`);
    }
    if (type.open) {
      emit('  /** The fields not typed here. */');
      emit('  [field: string]: unknown;');
    } else if (type.fields.length === 0) {
      // An empty interface would accept any value but null; the Go struct has no fields, so only `{}` fits.
      emit('  /** The Go struct has no fields: its only value is `{}`. */');
      emit('  [field: string]: never;');
    }
    emit('}');
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** The example of `RolloutModel` and of `RolloutModel.Rollout`. */
const rootExample = [
  'const rollout: RolloutModel.Rollout = {',
  "  apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' },",
  "  spec: { selector: { matchLabels: { app: 'web' } }, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } },",
  '};',
];
