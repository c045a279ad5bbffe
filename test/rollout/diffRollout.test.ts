import { describe, expect, it } from 'vitest';
import { diffRollout, InvalidDocumentError, type RolloutReaction, type RolloutRisk, stepHash } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { blueGreenRollout, canaryRollout, edited, workloadRefRollout } from './rolloutFixtures.js';

interface Case {
  readonly name: string;
  readonly base: () => any;
  readonly edit: (rollout: any) => void;
  /** The reactions, in order (highest risk first). */
  readonly reactions: readonly RolloutReaction[];
  /** The risk of the first reaction (the report's risk). */
  readonly risk: RolloutRisk;
  /** A path the first reaction must name. */
  readonly path?: string;
  /** Words its explanation must hold. */
  readonly says?: readonly string[];
}

const container = (rollout: any): any => rollout.spec.template.spec.containers[0];

const cases: readonly Case[] = [
  { name: 'no change at all', base: canaryRollout, edit: () => {}, reactions: ['none'], risk: 'none' },
  {
    name: 'cpu: 1000m written as "1" in the template is NOT a new revision',
    base: canaryRollout,
    edit: (r) => (container(r).resources.limits.cpu = '1'),
    reactions: ['none'],
    risk: 'none',
    says: ['spec.template.spec.containers[name=app].resources.limits.cpu', 'the same in the form the controller reads'],
  },
  {
    name: 'an empty map, a number quantity and status/resourceVersion noise are not a change',
    base: canaryRollout,
    edit: (r) => {
      r.spec.template.metadata.annotations = {};
      container(r).resources.requests.memory = '268435456';
      container(r).resources.limits.cpu = 1;
      container(r).command = [];
      r.metadata.resourceVersion = '99999';
      r.status = { currentStepIndex: 1 };
    },
    reactions: ['none'],
    risk: 'none',
  },
  {
    name: 'an image change is a new revision',
    base: canaryRollout,
    edit: (r) => (container(r).image = 'registry.example.com/checkout:1.5.0'),
    reactions: ['new-revision'],
    risk: 'medium',
    path: 'spec.template.spec.containers[name=app].image',
    says: ['new ReplicaSet', 'runs the 4 canary steps from step 0'],
  },
  {
    name: 'a container securityContext: {} is a new revision (Go writes a pointer to an empty struct, and no default fills it)',
    base: canaryRollout,
    edit: (r) => (container(r).securityContext = {}),
    reactions: ['new-revision'],
    risk: 'medium',
    path: 'spec.template.spec.containers[name=app].securityContext',
  },
  {
    name: 'an image change on a blue-green Rollout is a new revision behind the preview Service',
    base: blueGreenRollout,
    edit: (r) => (container(r).image = 'search:2.1.0'),
    reactions: ['new-revision'],
    risk: 'medium',
    says: ['preview Service'],
  },
  {
    name: 'changed canary steps reset the step index',
    base: canaryRollout,
    edit: (r) => r.spec.strategy.canary.steps.splice(2, 0, { setWeight: 35 }, { pause: { duration: '5m' } }),
    reactions: ['steps-reset'],
    risk: 'medium',
    says: ['step 0', 'same ReplicaSets'],
  },
  {
    name: 'replicas only is scale-only',
    base: canaryRollout,
    edit: (r) => (r.spec.replicas = 8),
    reactions: ['scale-only'],
    risk: 'low',
    path: 'spec.replicas',
    says: ['from 4 to 8', 'no new revision'],
  },
  { name: 'blue-green replicas is scale-only too', base: blueGreenRollout, edit: (r) => (r.spec.replicas = 1), reactions: ['scale-only'], risk: 'low' },
  {
    name: 'canaryMetadata labels are ephemeral metadata',
    base: canaryRollout,
    edit: (r) => (r.spec.strategy.canary.canaryMetadata.labels['traffic'] = 'canary'),
    reactions: ['ephemeral-metadata'],
    risk: 'low',
    path: 'spec.strategy.canary.canaryMetadata.labels.traffic',
    says: ['in place', 'no new revision'],
  },
  {
    name: 'a canaryMetadata label that is also a template label warns of #2916',
    base: canaryRollout,
    edit: (r) => (r.spec.strategy.canary.canaryMetadata.labels['tier'] = 'canary'),
    reactions: ['ephemeral-metadata'],
    risk: 'medium',
    says: ['#2916', 'tier'],
  },
  {
    name: 'previewMetadata of a blue-green Rollout is ephemeral metadata',
    base: blueGreenRollout,
    edit: (r) => (r.spec.strategy.blueGreen.previewMetadata = { labels: { role: 'preview' } }),
    reactions: ['ephemeral-metadata'],
    risk: 'low',
  },
  {
    name: 'paused is runtime',
    base: canaryRollout,
    edit: (r) => (r.spec.paused = true),
    reactions: ['runtime'],
    risk: 'low',
    path: 'spec.paused',
    says: ['halts the rollout', 'nothing is redeployed'],
  },
  {
    name: 'restartAt is runtime, with pods evicted',
    base: canaryRollout,
    edit: (r) => (r.spec.restartAt = '2026-11-24T02:00:00Z'),
    reactions: ['runtime'],
    risk: 'medium',
    says: ['evicts every pod created before it'],
  },
  {
    name: 'a selector change is selector-change with high risk',
    base: canaryRollout,
    edit: (r) => {
      r.spec.selector.matchLabels = { app: 'checkout', track: 'main' };
      r.spec.template.metadata.labels.track = 'main';
    },
    reactions: ['selector-change', 'new-revision'],
    risk: 'high',
    path: 'spec.selector.matchLabels.track',
    says: ['`.spec.selector is immutable`', 'a full cut-over with no canary', 'seed incident'],
  },
  {
    name: 'adding a selector to a workloadRef Rollout is not blocked by the API server',
    base: workloadRefRollout,
    edit: (r) => (r.spec.selector = { matchLabels: { app: 'cart' } }),
    reactions: ['selector-change'],
    risk: 'medium',
    says: ['accepts it'],
  },
  {
    name: 'canary to blueGreen is strategy-change',
    base: canaryRollout,
    edit: (r) => (r.spec.strategy = { blueGreen: { activeService: 'checkout-stable', previewService: 'checkout-canary' } }),
    reactions: ['strategy-change'],
    risk: 'high',
    says: ['from canary to blueGreen', '#83'],
  },
  {
    name: 'blueGreen to canary is strategy-change',
    base: blueGreenRollout,
    edit: (r) => (r.spec.strategy = { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } }),
    reactions: ['strategy-change'],
    risk: 'high',
  },
  {
    name: 'a workloadRef pointing at another Deployment may be a new revision',
    base: workloadRefRollout,
    edit: (r) => (r.spec.workloadRef.name = 'cart-v2'),
    reactions: ['new-revision'],
    risk: 'medium',
    path: 'spec.workloadRef.name',
    says: ['Deployment cart-v2'],
  },
  {
    name: 'workloadRef.scaleDown and minReadySeconds are settings',
    base: workloadRefRollout,
    edit: (r) => {
      r.spec.workloadRef.scaleDown = 'onsuccess';
      r.spec.minReadySeconds = 30;
    },
    reactions: ['settings'],
    risk: 'low',
    path: 'spec.workloadRef.scaleDown',
  },
  {
    name: 'Rollout annotations are metadata-only',
    base: canaryRollout,
    edit: (r) => (r.metadata.annotations = { 'team.example.com/owner': 'payments' }),
    reactions: ['metadata-only'],
    risk: 'none',
    path: 'metadata.annotations',
  },
  {
    name: 'several reactions at once, highest risk first',
    base: canaryRollout,
    edit: (r) => {
      r.metadata.labels.version = '1.5.0';
      r.spec.replicas = 6;
      r.spec.paused = true;
      container(r).image = 'registry.example.com/checkout:1.5.0';
      r.spec.strategy.canary.steps[0].setWeight = 10;
    },
    reactions: ['new-revision', 'steps-reset', 'runtime', 'scale-only', 'metadata-only'],
    risk: 'medium',
  },
];

describe('diffRollout', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const before = edited(c.base);
    const after = edited(c.base, c.edit);
    const report = diffRollout(before, after);
    const reactions = report.reactions;
    expect(reactions.map((r) => r.reaction)).toEqual(c.reactions);
    expect(report.risk).toBe(c.risk);
    expect(reactions[0]!.risk).toBe(c.risk);
    if (c.path !== undefined) expect(reactions[0]!.paths).toContain(c.path);
    for (const words of c.says ?? []) expect(reactions[0]!.explanation).toContain(words);
    for (const reaction of reactions) {
      expect(reaction.explanation).toMatch(/^[^\n]+\.$/);
      expect(reaction.explanation.split(/\. (?=[A-Z])/)).toHaveLength(1);
    }
  });

  it('takes no replicas as 1', () => {
    const none = edited(blueGreenRollout, (r) => delete r.spec.replicas);
    const one = edited(blueGreenRollout, (r) => (r.spec.replicas = 1));
    expect(diffRollout(none, one).reactions.map((r) => r.reaction)).toEqual(['none']);
    expect(diffRollout(none, edited(blueGreenRollout, (r) => (r.spec.replicas = null))).reactions.map((r) => r.reaction)).toEqual(['none']);
  });

  it('orders reactions by risk, then by reaction', () => {
    const rank = { high: 0, medium: 1, low: 2, none: 3 };
    for (const c of cases) {
      const risks = diffRollout(edited(c.base), edited(c.base, c.edit)).reactions.map((r) => rank[r.risk]);
      expect(risks).toEqual([...risks].sort((x, y) => x - y));
    }
  });

  it('reports the quantity as an equivalent change and the image as a real one', () => {
    const after = edited(canaryRollout, (r) => {
      container(r).resources.limits.cpu = '1';
      container(r).image = 'registry.example.com/checkout:1.5.0';
    });
    const { changes } = diffRollout(edited(canaryRollout), after);
    expect(changes).toContainEqual({
      path: 'spec.template.spec.containers[name=app].resources.limits.cpu',
      pointer: '/spec/template/spec/containers/0/resources/limits/cpu',
      kind: 'equivalent',
      from: '1000m',
      to: '1',
      equalBecause: 'quantity',
    });
    expect(changes).toContainEqual({
      path: 'spec.template.spec.containers[name=app].image',
      pointer: '/spec/template/spec/containers/0/image',
      kind: 'changed',
      from: 'registry.example.com/checkout:1.4.2',
      to: 'registry.example.com/checkout:1.5.0',
    });
  });

  it('marks a container securityContext: {} as a real change although it is empty', () => {
    const { changes } = diffRollout(edited(canaryRollout), edited(canaryRollout, (r) => (container(r).securityContext = {})));
    expect(changes.find((c) => c.path === 'spec.template.spec.containers[name=app].securityContext')?.kind).toBe('added');
    // the pod's securityContext: {} hashes differently too, but it is the API server's default of a
    // pod spec, so the controller's second pass finds the current ReplicaSet
    const pod = diffRollout(edited(canaryRollout), edited(canaryRollout, (r) => (r.spec.template.spec.securityContext = {})));
    expect(pod.templateMatch).toBe('template-equality');
    expect(pod.changes.find((c) => c.path === 'spec.template.spec.securityContext')).toMatchObject({ kind: 'equivalent', equalBecause: 'default' });
  });

  it('compares steps by the hash of the chosen release line', () => {
    // an unknown field inside a step: Go drops it, the hash is the same
    const after = edited(canaryRollout, (r) => (r.spec.strategy.canary.steps[0].note = 'ignored by Go'));
    expect(diffRollout(edited(canaryRollout), after).reactions.map((r) => r.reaction)).not.toContain('steps-reset');
    // an analysis step hashes differently on 1.8 and 1.9; both see the change
    const withAnalysis = edited(canaryRollout, (r) => r.spec.strategy.canary.steps.push({ analysis: { templates: [{ templateName: 'success-rate' }] } }));
    for (const argoVersion of ['1.8', '1.9'] as const) {
      const steps = diffRollout(edited(canaryRollout), withAnalysis, { argoVersion }).reactions.find((r) => r.reaction === 'steps-reset')!;
      expect(steps.explanation).toContain(`${stepHash(edited(canaryRollout), { argoVersion })} → ${stepHash(withAnalysis, { argoVersion })}`);
    }
  });

  it('leads the selector explanation with the cut-over for a 1.8 controller', () => {
    const after = edited(canaryRollout, (r) => (r.spec.selector.matchLabels.app = 'checkout-v2'));
    const [selector] = diffRollout(edited(canaryRollout), after, { argoVersion: '1.8' }).reactions;
    expect(selector!.reaction).toBe('selector-change');
    expect(selector!.explanation).toMatch(/^spec\.selector changes: on an older CRD the controller orphans/);
    expect(selector!.explanation).toContain('`.spec.selector is immutable`');
  });

  it('throws typed errors for bad input and does not change its inputs', () => {
    const rollout = deepFreeze(canaryRollout());
    expect(() => diffRollout(rollout, [] as never)).toThrow(InvalidDocumentError);
    expect(() => diffRollout('x' as never, rollout)).toThrow(InvalidDocumentError);
    expect(() => diffRollout(rollout, rollout, { argoVersion: '1.7' as never })).toThrow(/argoVersion/);
    const bad = edited(canaryRollout, (r) => (r.spec.strategy.canary.steps = [{ setWeight: 'twenty' }]));
    expect(() => diffRollout(rollout, bad)).toThrow(InvalidDocumentError);
  });
});
