import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import type { ArgoDiffSettings, ArgoIgnoreDifference } from '../../semantic/argocd/index.js';
import { describeIgnoredBy, flow } from '../../semantic/formatChanges.js';
import { isRealChange } from '../../semantic/isRealChange.js';
import type { EqualBecause, IgnoredBy, SemanticChange } from '../../semantic/SemanticChange.js';
import { CliError } from '../CliError.js';
import type { CliIo } from '../Command.js';
import { isObject, readObjects } from '../kubeObjects.js';
import { readCrdFiles } from '../readCrdFiles.js';
export { readCrdFiles };

/** One path of `kubepatch diff --explain`: a real difference, or why it is none. */
export interface ExplainedChange {
  readonly path: string;
  readonly pointer: string;
  readonly kind: SemanticChange['kind'];
  /** `different`: a real difference; `equal`: a normalization makes the two the same; `ignored`: a rule leaves it out; `duplicate-key`: a problem of the input. */
  readonly verdict: 'different' | 'equal' | 'ignored' | 'duplicate-key';
  /** For `equal`: the normalization. */
  readonly because?: EqualBecause;
  /** For `ignored`: the rule. */
  readonly ignoredBy?: IgnoredBy;
  readonly from?: JsonValue;
  readonly to?: JsonValue;
}

/** The explain report of one object. */
export interface ExplainedObject {
  /** `Kind namespace/name`. */
  readonly object: string;
  /** No real difference. */
  readonly inSync: boolean;
  readonly changes: readonly ExplainedChange[];
}

/** The report of one object from its changes (every one of them, the `equivalent` ones included). */
export function explainObject(object: string, changes: readonly SemanticChange[]): ExplainedObject {
  return {
    object,
    inSync: !changes.some(isRealChange),
    changes: changes.map((change) => {
      const verdict = change.kind === 'duplicate-key' ? 'duplicate-key'
        : change.kind !== 'equivalent' ? 'different'
          : change.equalBecause === 'ignored' ? 'ignored' : 'equal';
      return {
        path: change.path,
        pointer: change.pointer,
        kind: change.kind,
        verdict,
        ...(verdict === 'equal' && change.equalBecause !== undefined ? { because: change.equalBecause } : {}),
        ...(change.ignoredBy === undefined ? {} : { ignoredBy: change.ignoredBy }),
        ...(change.from === undefined ? {} : { from: change.from }),
        ...(change.to === undefined ? {} : { to: change.to }),
      };
    }),
  };
}

const BECAUSE: Record<EqualBecause, string> = {
  quantity: 'it is the same quantity',
  'empty-equals-absent': 'an empty value equals an absent one',
  default: "it is the API server's default",
  'crd-default': "it is the default of the CRD's schema",
  'string-data': 'the API server stores stringData as data',
  'webhook-written': 'the cluster writes it, not the manifest',
  ignored: 'it is ignored',
};

/** The report as text: per object, a headline, then one line per path saying what it is. */
export function formatExplained(objects: readonly ExplainedObject[]): string {
  const lines: string[] = [];
  for (const { object, inSync, changes } of objects) {
    const real = changes.filter((c) => c.verdict === 'different').length;
    const explained = changes.filter((c) => c.verdict === 'equal' || c.verdict === 'ignored').length;
    const counts = [real > 0 ? `${real} real difference${real === 1 ? '' : 's'}` : '', explained > 0 ? `${explained} explained` : '']
      .filter((part) => part !== '');
    lines.push(`${object}: ${inSync ? 'in sync' : 'out of sync'}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`);
    for (const change of changes) lines.push(`  ${change.path === '' ? '(root)' : change.path}: ${describe(change)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function describe(change: ExplainedChange): string {
  const values = (arrow: string) => (change.from === undefined && change.to === undefined ? '' : ` (${flow(change.from)} ${arrow} ${flow(change.to)})`);
  switch (change.verdict) {
    case 'different':
      return `real difference, ${change.kind}${values('→')}`;
    case 'equal':
      return `equal because ${BECAUSE[change.because ?? 'ignored']} [${change.because ?? ''}]${values('≡')}`;
    case 'ignored':
      return change.ignoredBy === undefined ? 'ignored' : `ignored by ${describeIgnoredBy(change.ignoredBy)}`;
    default:
      return `duplicate key${values('→')}`;
  }
}

const shown = (arg: string) => (arg === '-' ? '<stdin>' : arg);


/**
 * Argo CD's diff settings from `--argocd-app` (an Application: its `spec.ignoreDifferences`) and
 * `--argocd-cm` (the `argocd-cm` ConfigMap: its `data`), or `undefined` when neither is given.
 */
export async function readArgoSettings(appFile: string | undefined, cmFile: string | undefined, io: CliIo): Promise<ArgoDiffSettings | undefined> {
  if (appFile === undefined && cmFile === undefined) return undefined;
  let ignoreDifferences: ArgoIgnoreDifference[] | undefined;
  let argocdCm: { [key: string]: string } | undefined;
  if (appFile !== undefined) {
    const apps = (await readObjects(appFile, io)).filter((o) => o.object.kind === 'Application' && String(o.object.apiVersion).startsWith('argoproj.io/'));
    if (apps.length !== 1) throw new CliError(`${shown(appFile)}: --argocd-app expects one Argo CD Application, found ${apps.length}`);
    const spec = apps[0]!.object.spec;
    const list = isObject(spec) ? spec.ignoreDifferences : undefined;
    if (list !== undefined && (!Array.isArray(list) || !list.every(isObject))) {
      throw new CliError(`${shown(appFile)}: spec.ignoreDifferences must be a list of objects`);
    }
    ignoreDifferences = (list ?? []) as unknown as ArgoIgnoreDifference[];
  }
  if (cmFile !== undefined) {
    const maps = (await readObjects(cmFile, io)).filter((o) => o.object.kind === 'ConfigMap');
    if (maps.length !== 1) throw new CliError(`${shown(cmFile)}: --argocd-cm expects one ConfigMap (argocd-cm), found ${maps.length}`);
    const data = maps[0]!.object.data ?? {};
    if (!isObject(data) || !Object.values(data).every((value) => typeof value === 'string')) {
      throw new CliError(`${shown(cmFile)}: data must be a map of strings`);
    }
    argocdCm = data as { [key: string]: string };
  }
  return { ...(ignoreDifferences === undefined ? {} : { ignoreDifferences }), ...(argocdCm === undefined ? {} : { argocdCm }) };
}

