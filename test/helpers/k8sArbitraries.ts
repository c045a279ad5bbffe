import fc from 'fast-check';

const plain = { noNullPrototype: true } as const;
const names = (pool: string[], maxLength: number) => fc.uniqueArray(fc.constantFrom(...pool), { maxLength });

const envVar = (name: string) =>
  fc.oneof(
    fc.record({ name: fc.constant(name), value: fc.constantFrom('1', '2', 'on') }, plain),
    fc.record({ name: fc.constant(name), valueFrom: fc.record({ fieldRef: fc.record({ fieldPath: fc.constantFrom('metadata.name', 'spec.nodeName') }, plain) }, plain) }, plain),
  );

const container = (name: string) =>
  fc.record(
    {
      name: fc.constant(name),
      image: fc.constantFrom('app:1', 'app:2', 'envoy:1'),
      env: names(['A', 'B', 'C', 'D', 'E'], 5).chain((list) => fc.tuple(...list.map(envVar))),
      ports: fc.uniqueArray(fc.constantFrom(80, 443, 8080, 9090), { maxLength: 3 }).map((list) => list.map((containerPort) => ({ containerPort }))),
      args: fc.array(fc.constantFrom('--a', '--b', '--c'), { maxLength: 3 }),
    },
    { ...plain, requiredKeys: ['name', 'image'] },
  );

/** Random Deployments with the keyed lists, directives' favourite fields and plain maps. */
export const deployment = fc.record(
  {
    apiVersion: fc.constant('apps/v1'),
    kind: fc.constant('Deployment'),
    metadata: fc.record(
      {
        name: fc.constant('web'),
        labels: fc.dictionary(fc.constantFrom('app', 'tier', 'track'), fc.constantFrom('web', 'a', 'b'), { noNullPrototype: true }),
        finalizers: names(['example.com/a', 'example.com/b', 'example.com/c'], 3),
      },
      { ...plain, requiredKeys: ['name'] },
    ),
    spec: fc.record(
      {
        replicas: fc.integer({ min: 0, max: 5 }),
        strategy: fc.oneof(
          fc.constant({ type: 'Recreate' }),
          fc.record({ type: fc.constant('RollingUpdate'), rollingUpdate: fc.record({ maxSurge: fc.constantFrom(1, '25%'), maxUnavailable: fc.constantFrom(0, '25%') }, plain) }, plain),
        ),
        template: fc.record(
          {
            metadata: fc.record({ labels: fc.constant({ app: 'web' }) }, plain),
            spec: fc.record(
              {
                containers: names(['app', 'proxy', 'log', 'metrics'], 4).chain((list) => fc.tuple(...list.map(container))),
                tolerations: fc.array(fc.record({ key: fc.constantFrom('a', 'b'), operator: fc.constant('Exists') }, plain), { maxLength: 2 }),
                volumes: names(['data', 'cache', 'config'], 3).map((list) => list.map((name) => ({ name, emptyDir: {} }))),
              },
              { ...plain, requiredKeys: ['containers'] },
            ),
          },
          plain,
        ),
      },
      { ...plain, requiredKeys: ['template'] },
    ),
  },
  plain,
);
