import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import { compareDecimals, normalize, pow10, type ExactDecimal } from '../../semantic/quantity/exactDecimal.js';
import { parseQuantity } from '../../semantic/quantity/parseQuantity.js';
import { memberAt } from './memberPath.js';

/** `supportedQoSComputeResources`: "cpu" and "memory". */
const QOS_RESOURCES = new Set(['cpu', 'memory']);
/** How far apart two exponents may be for an exact sum; farther apart is no real quantity. */
const MAX_EXPONENT_GAP = 4096;
const ZERO: ExactDecimal = { mantissa: 0n, exponent: 0 };

/**
 * A pod's QoS class as `qos.ComputePodQOS` (k8s.io/kubernetes v1.33.13
 * `pkg/apis/core/helper/qos/qos.go`) computes it with 1.33's default gates (PodLevelResources off,
 * so only containers count): "A pod is besteffort if none of its containers have specified any
 * requests or limits. A pod is guaranteed only when requests and limits are specified for all the
 * containers and they are equal. A pod is burstable if limits and requests do not match across
 * all containers." Only cpu and memory count, and only quantities above zero; containers and init
 * containers are summed, ephemeral containers "cannot define resources".
 *
 * `pod` is the object after defaulting, as the registry sees it: the server defaults a
 * container's requests from its limits first. A quantity that is not one throws
 * `InvalidQuantityError`, as decoding would have failed.
 * @internal
 */
export function podQosClass(pod: JsonObject): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, ExactDecimal>();
  const limits = new Map<string, ExactDecimal>();
  let isGuaranteed = true;
  for (const list of ['containers', 'initContainers']) {
    const containers = memberAt(pod, ['spec', list]);
    if (!Array.isArray(containers)) continue;
    containers.forEach((container, index) => {
      const pointer = `/spec/${list}/${index}/resources`;
      addPositive(requests, memberAt(container, ['resources', 'requests']), `${pointer}/requests`);
      const found = addPositive(limits, memberAt(container, ['resources', 'limits']), `${pointer}/limits`);
      if (!found.has('memory') || !found.has('cpu')) isGuaranteed = false;
    });
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      if (limit === undefined || compareDecimals(limit, request) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Adds the cpu and memory quantities above zero of `list` to `sums`; returns their names. */
function addPositive(sums: Map<string, ExactDecimal>, list: JsonValue | undefined, pointer: string): Set<string> {
  const found = new Set<string>();
  if (!isJsonObject(list)) return found;
  for (const name of jsonKeys(list)) {
    if (!QOS_RESOURCES.has(name)) continue;
    const value = getOwn(list, name);
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new InvalidDocumentError('a resource quantity must be a string or a number', { path: `${pointer}/${name}`, input: 'written' });
    }
    const quantity = parseQuantity(value);
    if (compareDecimals(quantity, ZERO) <= 0) continue;
    found.add(name);
    sums.set(name, add(sums.get(name) ?? ZERO, quantity, `${pointer}/${name}`));
  }
  return found;
}

function add(a: ExactDecimal, b: ExactDecimal, pointer: string): ExactDecimal {
  if (a.mantissa === 0n) return b;
  const exponent = Math.min(a.exponent, b.exponent);
  if (Math.max(a.exponent, b.exponent) - exponent > MAX_EXPONENT_GAP) {
    throw new InvalidDocumentError('a resource quantity is too far in magnitude from the others to sum exactly', { path: pointer, input: 'written' });
  }
  const mantissa = a.mantissa * pow10(a.exponent - exponent) + b.mantissa * pow10(b.exponent - exponent);
  return normalize({ mantissa, exponent });
}
