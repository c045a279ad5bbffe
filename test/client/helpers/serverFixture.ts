import { afterAll, beforeAll } from 'vitest';
import { kubeConfigFor } from './clientNode.js';
import { FakeKubeApiServer } from './fakeKubeApiServer.js';

/** A fake API server for the test file: started before its tests, closed after them. */
export function useFakeKubeApiServer(): {
  readonly server: FakeKubeApiServer;
  readonly kc: ReturnType<typeof kubeConfigFor>;
  lastRequest(): FakeKubeApiServer['requests'][number];
} {
  let server: FakeKubeApiServer | undefined;
  let kc: ReturnType<typeof kubeConfigFor> | undefined;
  beforeAll(async () => {
    server = await FakeKubeApiServer.start();
    kc = kubeConfigFor(server.url);
  });
  afterAll(() => server?.close());
  return {
    get server() {
      return server!;
    },
    get kc() {
      return kc!;
    },
    lastRequest: () => server!.requests.at(-1)!,
  };
}
