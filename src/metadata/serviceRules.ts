import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import type { JsonValue } from '../json/JsonValue.js';
import { GO_NIL_VALUE, goMarshal } from './goFormat.js';
import { changeAt, member, type UpdatePair } from './immutableRule.js';

/** The fields of a Service spec the update rules read, after the API server's defaults. */
interface ServiceSpec {
  readonly type: string;
  readonly clusterIP: string;
  readonly clusterIPs: readonly string[];
  readonly ipFamilies: readonly string[];
  readonly ipFamilyPolicy: JsonValue | undefined;
  readonly externalTrafficPolicy: string;
  readonly healthCheckNodePort: number;
  readonly loadBalancerClass: JsonValue | undefined;
}

const strings = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);
const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

function readSpec(spec: JsonValue | undefined): ServiceSpec {
  const type = text(member(spec, 'type')) || 'ClusterIP'; // SetDefaults_Service
  const policy = text(member(spec, 'externalTrafficPolicy'));
  return {
    type,
    clusterIP: text(member(spec, 'clusterIP')),
    clusterIPs: strings(member(spec, 'clusterIPs')),
    ipFamilies: strings(member(spec, 'ipFamilies')),
    ipFamilyPolicy: member(spec, 'ipFamilyPolicy') ?? undefined,
    externalTrafficPolicy: policy || (type === 'LoadBalancer' || type === 'NodePort' ? 'Cluster' : ''),
    healthCheckNodePort: typeof member(spec, 'healthCheckNodePort') === 'number' ? (member(spec, 'healthCheckNodePort') as number) : 0,
    loadBalancerClass: member(spec, 'loadBalancerClass') ?? undefined,
  };
}

const needsClusterIP = (spec: ServiceSpec) => spec.type !== 'ExternalName';
const needsHealthCheckNodePort = (spec: ServiceSpec) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
const isHeadless = (spec: ServiceSpec) => spec.clusterIPs.length === 1 && spec.clusterIPs[0] === 'None';
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * The Service's `PrepareForUpdate` (pkg/registry/core/service/strategy.go) before validation:
 * `patchAllocatedValues` keeps the allocated `clusterIP`, `clusterIPs` and `healthCheckNodePort`
 * when the update leaves them out, as `kubectl apply` of a manifest without them does; then
 * `NormalizeClusterIPs` lines `clusterIPs` up with a changed `clusterIP`.
 */
function prepareForUpdate(oldSpec: ServiceSpec, spec: ServiceSpec): ServiceSpec {
  let { clusterIP, clusterIPs, healthCheckNodePort } = spec;
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (clusterIP === '') clusterIP = oldSpec.clusterIP;
    if (clusterIPs.length === 0 && oldSpec.clusterIPs.length > 0) clusterIPs = oldSpec.clusterIPs;
  }
  if (needsHealthCheckNodePort(oldSpec) && needsHealthCheckNodePort(spec) && healthCheckNodePort === 0) {
    healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
  // NormalizeClusterIPs, update case.
  if (oldSpec.clusterIPs.length > 0 && clusterIPs.length === 0 && oldSpec.clusterIP === clusterIP) clusterIPs = oldSpec.clusterIPs;
  if (oldSpec.clusterIP !== clusterIP) {
    const same = sameList(oldSpec.clusterIPs, clusterIPs);
    if (oldSpec.clusterIP !== '' && clusterIP === '' && same) clusterIPs = [];
    if (clusterIP !== '' && same) clusterIPs = [clusterIP];
  }
  return { ...spec, clusterIP, clusterIPs, healthCheckNodePort };
}

/**
 * The old Service as the API server stores it, for an old object that is a manifest rather than
 * the stored object: on create, `NormalizeClusterIPs` sets `clusterIPs` to `[clusterIP]` when only
 * `clusterIP` is given. A stored Service has both, so this changes nothing for one (issue #12,
 * item 14). (`clusterIPs` without `clusterIP` is refused on create: "must be empty when
 * `clusterIP` is not specified".)
 */
function asStored(spec: ServiceSpec): ServiceSpec {
  if (needsClusterIP(spec) && spec.clusterIPs.length === 0 && spec.clusterIP !== '') return { ...spec, clusterIPs: [spec.clusterIP] };
  return spec;
}

/**
 * Service (pkg/apis/core/validation `ValidateServiceUpdate`): "User can upgrade (add another
 * clusterIP or ipFamily) can downgrade (remove secondary clusterIP or ipFamily) but *CAN NOT*
 * change primary/secondary clusterIP || ipFamily *UNLESS* they are changing from/to/ON
 * ExternalName", in `validateUpgradeDowngradeClusterIPs` and `validateUpgradeDowngradeIPFamilies`;
 * `validateLoadBalancerClassField` (`loadBalancerClass` may not change while the Service stays a
 * LoadBalancer); and `healthCheckNodePort`, which may not change while the Service needs one
 * (`type: LoadBalancer` with `externalTrafficPolicy: Local`). The values printed are the Go
 * values, bugs included: some `ipFamilies` errors print `clusterIPs`.
 * @internal
 */
export function serviceChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const oldSpec = asStored(readSpec(member(pair.old, 'spec')));
  const spec = prepareForUpdate(oldSpec, readSpec(member(pair.new, 'spec')));
  return [
    ...clusterIPChanges(oldSpec, spec),
    ...ipFamilyChanges(oldSpec, spec),
    ...loadBalancerClassChanges(oldSpec, spec),
    ...healthCheckNodePortChanges(oldSpec, spec),
  ];
}

function invalid(
  tokens: readonly string[],
  oldValue: JsonValue | undefined,
  newValue: JsonValue | undefined,
  field: string,
  value: JsonValue | undefined,
  detail: string,
): ImmutableFieldChange {
  return changeAt(tokens, oldValue, newValue, { type: 'Invalid value', field, value: goMarshal(value), detail });
}

/** `validateUpgradeDowngradeClusterIPs`. */
function clusterIPChanges(oldSpec: ServiceSpec, spec: ServiceSpec): ImmutableFieldChange[] {
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return [];
  if (isHeadless(oldSpec) && isHeadless(spec)) return [];
  const changes: ImmutableFieldChange[] = [];
  const oldIPs = oldSpec.clusterIPs;
  const ips = spec.clusterIPs;
  const ipAt = (i: number) => invalidAt(['spec', 'clusterIPs', String(i)], oldIPs[i], ips[i], `spec.clusterIPs[${i}]`, [...ips]);
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) changes.push(ipAt(i)('may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) changes.push(ipAt(0)('primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) changes.push(ipAt(0)('may not change once set'));
    if (ips.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      changes.push(policyChange(oldSpec, spec, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    changes.push(ipAt(0)('may not change once set'));
  }
  return changes;
}

/** `validateUpgradeDowngradeIPFamilies`. */
function ipFamilyChanges(oldSpec: ServiceSpec, spec: ServiceSpec): ImmutableFieldChange[] {
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return [];
  // if changed to/from headless, then bail out; headless can change families
  if (isHeadless(spec) !== isHeadless(oldSpec) || isHeadless(spec)) return [];
  const changes: ImmutableFieldChange[] = [];
  const oldFamilies = oldSpec.ipFamilies;
  const families = spec.ipFamilies;
  const familyAt = (i: number, value: readonly string[]) =>
    invalidAt(['spec', 'ipFamilies', String(i)], oldFamilies[i], families[i], 'spec.ipFamilies[0]', [...value]);
  if (oldFamilies.length === families.length) {
    oldFamilies.forEach((family, i) => {
      if (family !== families[i]) changes.push(familyAt(i, families)('may not change once set'));
    });
  } else if (oldFamilies.length > families.length) {
    // (sic: Go tests clusterIPs here, and prints clusterIPs for a changed primary family)
    if (spec.clusterIPs.length === 0) changes.push(familyAt(0, families)('primary ipFamily can not be unset'));
    if (families.length > 0 && families[0] !== oldFamilies[0]) changes.push(familyAt(0, spec.clusterIPs)('may not change once set'));
    if (families.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      changes.push(policyChange(oldSpec, spec, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldFamilies.length > 0 && families.length > 0 && families[0] !== oldFamilies[0]) {
    changes.push(familyAt(0, spec.clusterIPs)('may not change once set'));
  }
  return changes;
}

function invalidAt(tokens: readonly string[], oldValue: JsonValue | undefined, newValue: JsonValue | undefined, field: string, value: JsonValue) {
  return (detail: string) => invalid(tokens, oldValue, newValue, field, value, detail);
}

function policyChange(oldSpec: ServiceSpec, spec: ServiceSpec, detail: string): ImmutableFieldChange {
  return invalid(['spec', 'ipFamilyPolicy'], oldSpec.ipFamilyPolicy, spec.ipFamilyPolicy, 'spec.ipFamilyPolicy', spec.ipFamilyPolicy, detail);
}

/** `validateLoadBalancerClassField`, update case: "can't change loadBalancerClass". */
function loadBalancerClassChanges(oldSpec: ServiceSpec, spec: ServiceSpec): ImmutableFieldChange[] {
  if (oldSpec.type !== 'LoadBalancer' || spec.type !== 'LoadBalancer') return [];
  const oldClass = oldSpec.loadBalancerClass ?? null;
  const newClass = spec.loadBalancerClass ?? null;
  if (oldClass === newClass) return [];
  return [
    // A *string: nil prints as the string "null".
    changeAt(['spec', 'loadBalancerClass'], oldSpec.loadBalancerClass, spec.loadBalancerClass, {
      type: 'Invalid value',
      field: 'spec.loadBalancerClass',
      value: newClass === null ? GO_NIL_VALUE : goMarshal(newClass),
      detail: 'may not change once set',
    }),
  ];
}

/** `field.Forbidden(field.NewPath("spec", "healthCheckNodePort"), "field is immutable")`. */
function healthCheckNodePortChanges(oldSpec: ServiceSpec, spec: ServiceSpec): ImmutableFieldChange[] {
  if (!needsHealthCheckNodePort(oldSpec) || !needsHealthCheckNodePort(spec)) return [];
  if (oldSpec.healthCheckNodePort === spec.healthCheckNodePort) return [];
  return [
    changeAt(['spec', 'healthCheckNodePort'], oldSpec.healthCheckNodePort, spec.healthCheckNodePort, {
      type: 'Forbidden',
      field: 'spec.healthCheckNodePort',
      detail: 'field is immutable',
    }),
  ];
}
