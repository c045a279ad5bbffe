import { describe, expect, it } from 'vitest';
import { ARGO_ROLLOUTS_VERSIONS, diffRollout, type RolloutTemplateMatch } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { canaryRollout, edited } from './rolloutFixtures.js';

const container = (rollout: any): any => rollout.spec.template.spec.containers[0];

/** Template edits and which pass of FindNewReplicaSet finds the current ReplicaSet (issue #12, item 13). */
const cases: readonly { name: string; edit: (r: any) => void; match: RolloutTemplateMatch }[] = [
  { name: 'nothing', edit: () => {}, match: 'pod-template-hash' },
  { name: 'cpu 1000m written as "1" (same hash)', edit: (r) => (container(r).resources.limits.cpu = '1'), match: 'pod-template-hash' },
  { name: 'imagePullPolicy: IfNotPresent on a tagged image', edit: (r) => (container(r).imagePullPolicy = 'IfNotPresent'), match: 'template-equality' },
  { name: 'protocol: TCP on a port', edit: (r) => (container(r).ports[0].protocol = 'TCP'), match: 'template-equality' },
  { name: 'terminationMessagePath and Policy', edit: (r) => Object.assign(container(r), { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }), match: 'template-equality' },
  {
    name: 'pod spec defaults (restartPolicy, dnsPolicy, schedulerName, terminationGracePeriodSeconds, securityContext)',
    edit: (r) => Object.assign(r.spec.template.spec, { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} }),
    match: 'template-equality',
  },
  { name: 'probe defaults', edit: (r) => Object.assign(container(r).readinessProbe, { timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }), match: 'template-equality' },
  { name: 'memory 256Mi written as 268435456 (by value)', edit: (r) => (container(r).resources.requests.memory = '268435456'), match: 'template-equality' },
  { name: 'the deprecated serviceAccount, ignored on both sides', edit: (r) => (r.spec.template.spec.serviceAccount = 'other'), match: 'template-equality' },
  { name: 'imagePullPolicy: Always on a tagged image (not the default)', edit: (r) => (container(r).imagePullPolicy = 'Always'), match: 'none' },
  { name: 'protocol: UDP', edit: (r) => (container(r).ports[0].protocol = 'UDP'), match: 'none' },
  { name: 'a Pod-only default (enableServiceLinks) is not a PodTemplate default', edit: (r) => (r.spec.template.spec.enableServiceLinks = true), match: 'none' },
  { name: 'requests are not copied from limits in a template', edit: (r) => (container(r).resources.requests.cpu = '1'), match: 'none' },
  { name: 'a new image', edit: (r) => (container(r).image = 'registry.example.com/checkout:1.5.0'), match: 'none' },
];

describe('diffRollout: the second pass of FindNewReplicaSet (server defaults)', () => {
  for (const argoVersion of ARGO_ROLLOUTS_VERSIONS) {
    it.each(cases.map((c) => [c.name, c] as const))(`argo %s (${argoVersion})`, (_, c) => {
      const live = deepFreeze(canaryRollout());
      const report = diffRollout(live, edited(canaryRollout, c.edit), { argoVersion });
      expect(report.templateMatch).toBe(c.match);
      const revision = report.reactions.some((r) => r.reaction === 'new-revision');
      expect(revision).toBe(c.match === 'none');
      if (c.match === 'template-equality') {
        expect(report.reactions.map((r) => r.reaction)).toEqual(['none']);
        expect(report.reactions[0]!.explanation).toContain("controller's second pass");
        const inTemplate = report.changes.filter((change) => change.path.startsWith('spec.template'));
        expect(inTemplate.length).toBeGreaterThan(0);
        expect(inTemplate.every((change) => change.kind === 'equivalent')).toBe(true);
      }
    });
  }

  it('marks an explicit default as equivalent because of the default', () => {
    const live = deepFreeze(canaryRollout());
    const report = diffRollout(live, edited(canaryRollout, (r) => (container(r).imagePullPolicy = 'IfNotPresent')));
    expect(report.changes).toEqual([
      { path: 'spec.template.spec.containers[name=app].imagePullPolicy', pointer: '/spec/template/spec/containers/0/imagePullPolicy', kind: 'equivalent', to: 'IfNotPresent', equalBecause: 'default' },
    ]);
  });

  it('removing an explicit non-default is a new revision in the defaulted form', () => {
    const explicit = (): any => { const r = canaryRollout(); container(r).imagePullPolicy = 'Always'; return r; };
    const report = diffRollout(edited(explicit), edited(explicit, (r) => delete container(r).imagePullPolicy));
    expect(report.templateMatch).toBe('none');
    expect(report.reactions[0]).toMatchObject({ reaction: 'new-revision', paths: ['spec.template.spec.containers[name=app].imagePullPolicy'] });
  });
});
