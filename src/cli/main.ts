import type { CliIo } from './Command.js';
import { runCli } from './runCli.js';

/**
 * The `kubepatch` executable (`bin`, built to dist/cli.js): runs {@link runCli} on the process's
 * arguments and streams. Everything else lives in runCli.ts, which tests call in-process.
 */

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  readStdin,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kubepatch: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
