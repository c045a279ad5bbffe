import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManagedProcess } from './ManagedProcess.js';
import type { ProcessGroup } from './ProcessGroup.js';
import { probe } from './probe.js';
import { waitUntil } from './waitUntil.js';

/** A running kube-apiserver: its URL, the certificate that signs its serving certificate, and an admin token. */
export interface RunningKubeApiServer {
  readonly process: ManagedProcess;
  readonly url: string;
  readonly caCertificate: string;
  readonly token: string;
}

/** What {@link startKubeApiServer} needs. */
export interface KubeApiServerSetup {
  readonly binary: string;
  readonly workDir: string;
  readonly port: number;
  readonly etcdUrl: string;
  readonly deadline: number;
  readonly extraFlags: readonly string[];
  /** The control plane's processes: kube-apiserver joins them, and a crash of any ends the wait. */
  readonly group: ProcessGroup;
}

/**
 * Starts kube-apiserver on a loopback port, backed by `etcdUrl`, the way controller-runtime's
 * envtest does: a self-signed serving certificate that kube-apiserver generates into its
 * `--cert-dir`; a static admin token in the `system:masters` group; a service-account signing key;
 * RBAC authorization; the default admission plugins. Resolves once `/readyz` answers 200, which
 * is after the RBAC bootstrap roles exist.
 */
export async function startKubeApiServer(setup: KubeApiServerSetup): Promise<RunningKubeApiServer> {
  const token = randomBytes(24).toString('hex');
  const tokenFile = join(setup.workDir, 'tokens.csv');
  // token,user,uid,"groups": the static token file format of --token-auth-file.
  await writeFile(tokenFile, `${token},kubepatch-envtest-admin,kubepatch-envtest-admin,"system:masters"\n`, { mode: 0o600 });
  const serviceAccountKey = join(setup.workDir, 'service-account.key');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await writeFile(serviceAccountKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const certDir = join(setup.workDir, 'kube-apiserver-certs');

  const process = setup.group.spawn('kube-apiserver', setup.binary, [
    `--etcd-servers=${setup.etcdUrl}`,
    `--etcd-prefix=/registry`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${setup.port}`,
    `--cert-dir=${certDir}`,
    `--token-auth-file=${tokenFile}`,
    '--authorization-mode=RBAC',
    `--service-account-key-file=${serviceAccountKey}`,
    `--service-account-signing-key-file=${serviceAccountKey}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    // A /16: the allocator keeps the first 256 addresses (10.0.0.0-10.0.0.255) for cluster IPs a
    // client asks for and hands them out only when the rest is used up, so tests may pick fixed
    // IPs there without meeting a random one; and a suite that never deletes does not run out.
    '--service-cluster-ip-range=10.0.0.0/16',
    '--allow-privileged=true',
    ...setup.extraFlags,
  ]);
  const url = `https://127.0.0.1:${setup.port}`;
  // kube-apiserver writes its self-signed certificate and the CA that signed it before it serves;
  // the file is read again on every try, in case a try caught it half written.
  const caCertificate = await waitUntil('kube-apiserver answering /readyz', 'kube-apiserver', setup.deadline, setup.group, async () => {
    const pem = await readFile(join(certDir, 'apiserver.crt'), 'utf8');
    const answer = await probe(`${url}/readyz`, { ca: pem, token });
    if (answer.statusCode === 200) return pem;
    const failing = answer.body.split('\n').filter((line) => line.includes('failed'));
    throw new Error(`/readyz answered ${answer.statusCode}${failing.length > 0 ? `: ${failing.join('; ')}` : ''}`);
  });
  return { process, url, caCertificate, token };
}
