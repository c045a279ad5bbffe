import type { UpdateCase } from './immutableRunner.js';

/**
 * Jobs, suspended or not (a suspended Job that never started may change its scheduling
 * directives), NonIndexed or Indexed (an Indexed Job may change `completions` in tandem with
 * `parallelism`). Nothing runs them here, so none ever has a `status.startTime`.
 */
export const jobCase: UpdateCase = {
  title: 'Job (batch/v1): template, selector, completions, completionMode, podFailurePolicy, …',
  collection: (namespace) => `/apis/batch/v1/namespaces/${namespace}/jobs`,
  create: (name, random) => {
    const indexed = random.chance(0.5);
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name },
      spec: {
        suspend: random.chance(0.5),
        completions: 3,
        parallelism: 3,
        ...(indexed ? { completionMode: 'Indexed', ...(random.chance(0.5) ? { backoffLimitPerIndex: 1 } : {}) } : {}),
        ...(random.chance(0.3) ? { managedBy: 'example.com/batch' } : {}),
        // A pod failure policy needs podReplacementPolicy Failed, which is mutable: every Job has it.
        podReplacementPolicy: 'Failed',
        ...(random.chance(0.3) ? { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } } : {}),
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'registry.example/job:1' }] } },
      },
    };
  },
  mutations: [
    { name: 'image', apply: (o, r) => void (o.spec.template.spec.containers[0].image = `registry.example/job:${r.int(4)}`) },
    { name: 'template nodeSelector', apply: (o, r) => void (o.spec.template.spec.nodeSelector = r.pick([{ zone: 'a' }, undefined])) },
    { name: 'template tolerations', apply: (o) => void (o.spec.template.spec.tolerations = [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }]) },
    { name: 'template annotation', apply: (o, r) => void (o.spec.template.metadata.annotations = { note: String(r.int(3)) }) },
    {
      name: 'template nodeAffinity',
      apply: (o) =>
        void (o.spec.template.spec.affinity = {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } },
        }),
    },
    { name: 'template affinity removed', apply: (o) => void delete o.spec.template.spec.affinity },
    { name: 'template activeDeadlineSeconds', apply: (o) => void (o.spec.template.spec.activeDeadlineSeconds = 60) },
    { name: 'selector +matchExpressions', apply: (o) => void (o.spec.selector.matchExpressions = [{ key: 'job-name', operator: 'Exists' }]) },
    { name: 'selector matchExpressions [] (equal)', apply: (o) => void (o.spec.selector.matchExpressions = []) },
    { name: 'completions 4', apply: (o) => void (o.spec.completions = 4) },
    { name: 'completions and parallelism 5', apply: (o) => void ((o.spec.completions = 5), (o.spec.parallelism = 5)) },
    { name: 'parallelism', apply: (o, r) => void (o.spec.parallelism = r.pick([1, 2, 3])) },
    { name: 'completionMode NonIndexed stated', apply: (o) => void (o.spec.completionMode ??= 'NonIndexed') },
    { name: 'suspend toggled', apply: (o) => void (o.spec.suspend = !o.spec.suspend) },
    { name: 'activeDeadlineSeconds', apply: (o, r) => void (o.spec.activeDeadlineSeconds = r.pick([100, 200])) },
    { name: 'backoffLimit', apply: (o, r) => void (o.spec.backoffLimit = r.pick([0, 2, 6])) },
    {
      name: 'backoffLimitPerIndex',
      apply: (o, r) => {
        if (o.spec.completionMode === 'Indexed') o.spec.backoffLimitPerIndex = r.pick([1, 2, undefined]);
      },
    },
    { name: 'managedBy', apply: (o, r) => void (o.spec.managedBy = r.pick(['example.com/batch', 'example.com/other', undefined])) },
    {
      name: 'podFailurePolicy',
      apply: (o, r) =>
        void (o.spec.podFailurePolicy = r.pick([undefined, { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] }])),
    },
    { name: 'ttlSecondsAfterFinished', apply: (o, r) => void (o.spec.ttlSecondsAfterFinished = r.pick([10, undefined])) },
  ],
};
