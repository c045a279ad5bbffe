import { join } from 'node:path';
import type { ManagedProcess } from './ManagedProcess.js';
import type { ProcessGroup } from './ProcessGroup.js';
import { probe } from './probe.js';
import { waitUntil } from './waitUntil.js';

/** A running etcd and the URL kube-apiserver reaches it at. */
export interface RunningEtcd {
  readonly process: ManagedProcess;
  readonly url: string;
}

/**
 * Starts etcd on two loopback ports (clients, peers) with its data in `workDir`, and waits until
 * its `/health` says so. Data safety is traded for speed (`--unsafe-no-fsync`): the data folder is
 * thrown away after the test.
 */
export async function startEtcd(
  binary: string,
  workDir: string,
  ports: { readonly client: number; readonly peer: number },
  deadline: number,
  group: ProcessGroup,
): Promise<RunningEtcd> {
  const url = `http://127.0.0.1:${ports.client}`;
  const peerUrl = `http://127.0.0.1:${ports.peer}`;
  const process = group.spawn('etcd', binary, [
    '--name=kubepatch-envtest',
    `--data-dir=${join(workDir, 'etcd')}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=kubepatch-envtest=${peerUrl}`,
    '--unsafe-no-fsync=true',
    '--log-level=warn',
  ]);
  await waitUntil('etcd answering /health', 'etcd', deadline, group, async () => {
    const answer = await probe(`${url}/health`);
    return answer.statusCode === 200 && answer.body.includes('"health":"true"') ? true : undefined;
  });
  return { process, url };
}
