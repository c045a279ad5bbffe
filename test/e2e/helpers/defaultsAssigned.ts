// The fields the server adds that are not defaults: values it assigns (IPs, ports, uids), values
// of admission plugins that depend on the cluster's configuration or other objects, and
// server-owned metadata. kubepatch cannot predict them; the defaults tests accept exactly these.

/** One kind of field the server adds that no defaults table can predict, and why. */
export interface AssignedField {
  readonly kinds: readonly string[];
  /** Matches the JSON Pointer of the added field (and, where given, its value). */
  readonly pointer: RegExp;
  readonly value?: (value: unknown) => boolean;
  readonly reason: string;
}

const mentions = (text: string) => (value: unknown) => JSON.stringify(value).includes(text);
const ALL = ['*'];

export const ASSIGNED_FIELDS: readonly AssignedField[] = [
  {
    kinds: ALL, pointer: /^\/metadata\/(namespace|uid|resourceVersion|generation|creationTimestamp|managedFields)$/,
    reason: 'server-owned metadata: the namespace of the request URL, a new uid, the etcd revision, the generation counter, the time, the field managers',
  },
  { kinds: ALL, pointer: /^\/status(\/|$)/, reason: 'status is written by the server and controllers, not by the client' },
  { kinds: ['Service'], pointer: /^\/spec\/clusterIPs?$/, reason: 'allocated from --service-cluster-ip-range' },
  { kinds: ['Service'], pointer: /^\/spec\/(ports\/\d+\/nodePort|healthCheckNodePort)$/, reason: 'allocated from --service-node-port-range' },
  {
    kinds: ['Service'], pointer: /^\/spec\/(ipFamilies|ipFamilyPolicy)$/,
    reason: 'depend on the IP families of the cluster\'s service CIDRs (single-stack IPv4 here; dual-stack clusters differ)',
  },
  {
    kinds: ['Pod'], pointer: /^\/spec\/(serviceAccountName|serviceAccount)$/,
    reason: 'the ServiceAccount admission plugin names the namespace\'s `default` ServiceAccount (an admission plugin, not a default)',
  },
  {
    kinds: ['Pod'], pointer: /^\/spec\/(volumes(\/\d+)?|(initContainers|containers)\/\d+\/volumeMounts(\/\d+)?)$/, value: mentions('"kube-api-access-'),
    reason: 'the ServiceAccount admission plugin mounts the token volume `kube-api-access-<random suffix>`',
  },
  {
    kinds: ['Pod'], pointer: /^\/spec\/tolerations$/,
    reason: 'the DefaultTolerationSeconds admission plugin, whose 300 s come from --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds',
  },
  {
    kinds: ['Pod'], pointer: /^\/spec\/(priority|preemptionPolicy)$/,
    reason: 'the Priority admission plugin: from the globalDefault PriorityClass when the cluster has one, else 0 and PreemptLowerPriority',
  },
  {
    kinds: ['Job'], pointer: /^\/(metadata\/labels|spec\/selector|spec\/template\/metadata\/labels\/(batch\.kubernetes\.io~1)?(controller-uid|job-name))$/,
    reason: 'the Job strategy generates the selector and pod labels from the Job\'s new uid (and a Job without labels gets its template\'s, those included)',
  },
  {
    kinds: ['DaemonSet'], pointer: /^\/metadata\/annotations$/, value: mentions('deprecated.daemonset.template.generation'),
    reason: 'the DaemonSet strategy counts template changes in `deprecated.daemonset.template.generation`',
  },
  {
    kinds: ['PersistentVolumeClaim'], pointer: /^\/metadata\/finalizers$/, value: mentions('kubernetes.io/pvc-protection'),
    reason: 'the StorageObjectInUseProtection admission plugin',
  },
];

/** The rule that explains a field `kind`'s server added at `pointer`, if any. */
export function assignedField(kind: string, pointer: string, value: unknown): AssignedField | undefined {
  return ASSIGNED_FIELDS.find(
    (rule) => (rule.kinds.includes('*') || rule.kinds.includes(kind)) && rule.pointer.test(pointer) && (rule.value?.(value) ?? true),
  );
}
