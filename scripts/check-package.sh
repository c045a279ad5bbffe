#!/usr/bin/env bash
# Package gates, after `npm run build`:
#   1. publint --strict: the package.json fields and the packed files agree;
#   2. attw --pack: every entry (`kubepatch`, `kubepatch/client`, `kubepatch/envtest`) resolves to the right types under
#      node10, node16 (CJS and ESM) and bundler resolution; no ignore rules: the `bin` (dist/cli.js)
#      is not an entry of `exports`, so attw does not check it, and it needs no types;
#   0. the core entry free of @kubernetes/client-node imports;
#   3. the packed tarball installed into a fresh folder (its `yaml` dependency from the registry,
#      no @kubernetes/client-node: an optional peer) and used from there as users do: every entry
#      imported from ESM and required from CJS, and the `kubepatch` command run;
#   4. then, with client-node installed beside it, a real control plane started from the tarball's
#      kubepatch/envtest (ESM and CJS).
# Also, on the tarball: LICENSE is in it and every relative link of its README resolves inside it
# (docs/ is shipped, so the links work offline and match the installed version); its types compile
# for users (test/package-types/consumer.mts and .cts, with strict TypeScript, skipLibCheck: false,
# module NodeNext, in a fresh project); and its core bundle has no Node dependency and runs in a
# context without Buffer, process or require (scripts/check-portable-core.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

test -f dist/index.js -a -f dist/index.cjs -a -f dist/client.js -a -f dist/client.cjs -a -f dist/envtest.js -a -f dist/envtest.cjs -a -f dist/cli.js ||
  { echo "dist/ is incomplete: run npm run build first" >&2; exit 1; }

# The core entry must not import @kubernetes/client-node: the client is a sub-entry so that the
# core has no client dependency.
if grep -En "(from|require\\(|import\\()\\s*['\"]@kubernetes/client-node" dist/index.js dist/index.cjs ||
  grep -En "^(import|export) .*['\"]@kubernetes/client-node" dist/index.d.ts dist/index.d.cts; then
  echo "the core entry imports @kubernetes/client-node" >&2
  exit 1
fi

npx publint --strict
npx attw --pack .

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/pack" "$work/app"
tarball="$work/pack/$(npm pack --silent --pack-destination "$work/pack" | tail -n 1)"
test -f "$tarball" || { echo "npm pack did not write $tarball" >&2; exit 1; }

# What the tarball carries besides the build: the license, and whatever its README and docs link to.
mkdir "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
grep -q 'Apache License' "$work/unpacked/package/LICENSE" && grep -q 'Version 2.0, January 2004' "$work/unpacked/package/LICENSE" ||
  { echo "the tarball has no Apache-2.0 LICENSE" >&2; exit 1; }
node -e "
const fs = require('fs'), path = require('path');
const dir = process.argv[1];
const pages = ['README.md', ...fs.readdirSync(path.join(dir, 'docs'), { recursive: true }).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];
let count = 0;
const broken = [];
for (const page of pages) {
  const text = fs.readFileSync(path.join(dir, page), 'utf8');
  const targets = [...text.matchAll(/\\]\\(([^)\\s]+)\\)|^\\[[^\\]]+\\]:\\s*(\\S+)/gm)].map((m) => m[1] ?? m[2]);
  const relative = targets.filter((t) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(t)).map((t) => decodeURI(t.split('#')[0]));
  count += relative.length;
  for (const t of relative) if (!fs.existsSync(path.join(dir, path.dirname(page), t))) broken.push(page + ' -> ' + t);
}
if (count === 0) throw new Error('the packed README and docs have no relative link: the check finds none');
if (broken.length > 0) throw new Error('links of the packed README and docs that are not in the tarball: ' + broken.join(', '));
console.log('tarball: LICENSE, and the ' + count + ' relative links of README.md and docs/ resolve inside it');
" "$work/unpacked/package"

cd "$work/app"
echo '{ "name": "kubepatch-smoke", "version": "0.0.0", "private": true }' > package.json
npm install --no-audit --no-fund --silent "$tarball"
if [ -e node_modules/@kubernetes/client-node ]; then
  echo "installing kubepatch pulled in @kubernetes/client-node (it is an optional peer)" >&2
  exit 1
fi

# The core bundle as installed: no Node built-in, and the same answers without Node's globals.
(cd "$root" && node --experimental-vm-modules --no-warnings=ExperimentalWarning --import tsx scripts/check-portable-core.ts "$work/app/node_modules/kubepatch/dist/index.js")

# The tarball's types as users compile them: an ES module and a CommonJS module importing every
# entry, strict, `skipLibCheck: false` (declaration errors count), with the project's own
# TypeScript; @kubernetes/client-node and @types/node (the devDependency versions) for the types of
# kubepatch/client and kubepatch/envtest, and @types/ws, without which client-node's own declarations
# (isomorphic-ws) fail under skipLibCheck: false. A wrong Rollout must fail (`@ts-expect-error`), a
# right one pass.
mkdir "$work/types"
cp "$root/test/package-types/consumer.mts" "$root/test/package-types/consumer.cts" "$work/types/"
dev_version() { node -p "require('$root/package.json').devDependencies[process.argv[1]]" "$1"; }
(
  cd "$work/types"
  echo '{ "name": "kubepatch-types", "version": "0.0.0", "private": true }' > package.json
  cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "strict": true,
    "skipLibCheck": false,
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "target": "ES2022",
    "types": ["node"],
    "noEmit": true
  },
  "files": ["consumer.mts", "consumer.cts"]
}
JSON
  npm install --no-audit --no-fund --silent "$tarball" "@kubernetes/client-node@$(dev_version @kubernetes/client-node)" "@types/node@$(dev_version @types/node)" '@types/ws@^8'
  "$root/node_modules/.bin/tsc" -p tsconfig.json
)
echo 'tarball: types compile for ESM and CJS consumers (skipLibCheck: false), wrong Rollouts refused'

node --input-type=module -e "
import { applyJsonPatch, isKubepatchError } from 'kubepatch';
const out = applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/a', value: 2 }]);
if (out.a !== 2) throw new Error('ESM: wrong result');
try { applyJsonPatch({}, [{ op: 'remove', path: '/x' }]); throw new Error('ESM: no error'); }
catch (e) { if (!isKubepatchError(e, 'PATH_NOT_FOUND')) throw e; }
console.log('tarball: ESM kubepatch ok');
"
node -e "
const { applyMergePatch, KubepatchError } = require('kubepatch');
const out = applyMergePatch({ a: 1, b: 2 }, { b: null });
if (JSON.stringify(out) !== '{\"a\":1}') throw new Error('CJS: wrong result');
if (typeof KubepatchError !== 'function') throw new Error('CJS: missing export');
console.log('tarball: CJS kubepatch ok');
"
node --input-type=module -e "
import { ConflictError, apiErrorFrom, updateWithFallbackToPatch } from 'kubepatch/client';
import * as core from 'kubepatch';
if (ConflictError !== core.ConflictError) throw new Error('ESM: kubepatch/client has its own copy of ConflictError');
const error = apiErrorFrom({ code: 409, body: { kind: 'Status', reason: 'Conflict', message: 'modified' } });
if (!(error instanceof core.ConflictError) || !core.isKubepatchError(error, 'API_CONFLICT')) throw new Error('ESM: 409 is not a ConflictError');
if (typeof updateWithFallbackToPatch !== 'function') throw new Error('ESM: missing export');
console.log('tarball: ESM kubepatch/client ok');
"
node -e "
const client = require('kubepatch/client');
const core = require('kubepatch');
if (client.ConflictError !== core.ConflictError) throw new Error('CJS: kubepatch/client has its own copy of ConflictError');
if (!(client.apiErrorFrom({ code: 409, body: { kind: 'Status', reason: 'Conflict' } }) instanceof core.ConflictError)) throw new Error('CJS: 409');
const unsupported = client.apiErrorFrom({ code: 415, body: { kind: 'Status', message: 'accepted media types include: application/merge-patch+json' } });
if (!(unsupported instanceof core.UnsupportedMediaTypeError) || unsupported.acceptedMediaTypes[0] !== 'application/merge-patch+json') throw new Error('CJS: 415 mapping');
console.log('tarball: CJS kubepatch/client ok');
"

node --input-type=module -e "
import { ControlPlaneError, findControlPlaneBinaries, startControlPlane } from 'kubepatch/envtest';
import * as core from 'kubepatch';
if (ControlPlaneError !== core.ControlPlaneError) throw new Error('ESM: kubepatch/envtest has its own copy of ControlPlaneError');
if (typeof startControlPlane !== 'function') throw new Error('ESM: missing export');
try { findControlPlaneBinaries({ env: { KUBEBUILDER_ASSETS: '/nonexistent' } }); throw new Error('ESM: no error'); }
catch (e) { if (!core.isKubepatchError(e, 'CONTROL_PLANE_BINARY_MISSING')) throw e; }
console.log('tarball: ESM kubepatch/envtest ok');
"
node -e "
const envtest = require('kubepatch/envtest');
const core = require('kubepatch');
if (envtest.ControlPlaneError !== core.ControlPlaneError) throw new Error('CJS: kubepatch/envtest has its own copy of ControlPlaneError');
try { envtest.findControlPlaneBinaries({ binaryAssetsDirectory: '/nonexistent' }); throw new Error('CJS: no error'); }
catch (e) { if (!core.isKubepatchError(e, 'CONTROL_PLANE_BINARY_MISSING') || e.component !== 'kube-apiserver') throw e; }
console.log('tarball: CJS kubepatch/envtest ok');
"

# The command line, from the installed bin.
npx --no-install kubepatch --help > help.txt
grep -q '^Usage: kubepatch' help.txt || { echo "kubepatch --help: unexpected output" >&2; cat help.txt >&2; exit 1; }
cat > v1.yaml <<'EOF'
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: web, namespace: smoke }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: 'web:1' }] }
EOF
sed 's/web:1/web:2/' v1.yaml > v2.yaml
npx --no-install kubepatch explain v1.yaml v2.yaml > explain.txt
grep -q 'Rollout smoke/web' explain.txt && grep -q 'new-revision' explain.txt ||
  { echo "kubepatch explain: unexpected output" >&2; cat explain.txt >&2; exit 1; }
# `diff` exits 1 when the manifests differ, 0 when they are the same.
status=0; npx --no-install kubepatch diff v1.yaml v2.yaml > /dev/null || status=$?
test "$status" -eq 1 || { echo "kubepatch diff of different manifests exited $status, not 1" >&2; exit 1; }
npx --no-install kubepatch diff v1.yaml v1.yaml > /dev/null
echo 'tarball: kubepatch command ok'

# kubepatch/envtest from the tarball, as a user runs it: with @kubernetes/client-node (its peer)
# installed beside it, a real control plane started from ESM and from CJS, used, and stopped. The
# binaries are the ones the test suite used (KUBEBUILDER_ASSETS or kubepatch's build cache); when
# there are none this part is skipped, unless KUBEPATCH_E2E=require (CI), where that fails.
if ! node -e "require('kubepatch/envtest').findControlPlaneBinaries()" 2> /dev/null; then
  if [ "${KUBEPATCH_E2E:-}" = require ]; then echo "tarball: no kube-apiserver/etcd for the envtest check" >&2; exit 1; fi
  echo 'tarball: kubepatch/envtest start skipped (no binaries)'
  exit 0
fi
npm install --no-audit --no-fund --silent '@kubernetes/client-node@1.4.0'
node --input-type=module -e "
import { startControlPlane } from 'kubepatch/envtest';
import { CoreV1Api } from '@kubernetes/client-node';
const controlPlane = await startControlPlane();
try {
  const names = (await controlPlane.kubeConfig.makeApiClient(CoreV1Api).listNamespace()).items.map((n) => n.metadata.name);
  if (!names.includes('kube-system')) throw new Error('ESM: unexpected namespaces ' + names);
} finally {
  await controlPlane.stop();
}
console.log('tarball: ESM kubepatch/envtest started a control plane');
"
node -e "
const { startControlPlane } = require('kubepatch/envtest');
const { sendPatch } = require('kubepatch/client');
(async () => {
  const controlPlane = await startControlPlane();
  try {
    const ref = { apiVersion: 'v1', kind: 'Namespace', name: 'default' };
    const patched = await sendPatch(controlPlane.kubeConfig, ref, { type: 'merge', patch: { metadata: { labels: { checked: 'yes' } } } });
    if (patched.metadata.labels.checked !== 'yes') throw new Error('CJS: the patch did not land');
  } finally {
    await controlPlane.stop();
  }
  console.log('tarball: CJS kubepatch/envtest started a control plane');
})().catch((error) => { console.error(error); process.exit(1); });
"
