#!/usr/bin/env bash
# Loads the built `kubepatch/client` by name through the exports map, from ESM and from CJS, and
# checks that the core entry does not import @kubernetes/client-node (the client is a sub-entry so
# that the core has no client dependency) and that the client shares the core's error classes.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if grep -En "(from|require\\(|import\\()\\s*['\"]@kubernetes/client-node" dist/index.js dist/index.cjs ||
  grep -En "^(import|export) .*['\"]@kubernetes/client-node" dist/index.d.ts dist/index.d.cts; then
  echo "the core entry imports @kubernetes/client-node" >&2
  exit 1
fi
node --input-type=module -e "
import { ConflictError, apiErrorFrom, updateWithFallbackToPatch } from 'kubepatch/client';
import * as core from 'kubepatch';
if (ConflictError !== core.ConflictError) throw new Error('ESM: kubepatch/client has its own copy of ConflictError');
const error = apiErrorFrom({ code: 409, body: { kind: 'Status', reason: 'Conflict', message: 'modified' } });
if (!(error instanceof core.ConflictError) || !core.isKubepatchError(error, 'API_CONFLICT')) throw new Error('ESM: 409 is not a ConflictError');
if (typeof updateWithFallbackToPatch !== 'function') throw new Error('ESM: missing export');
console.log('ESM client entry ok');
"
node -e "
const client = require('kubepatch/client');
const core = require('kubepatch');
if (client.ConflictError !== core.ConflictError) throw new Error('CJS: kubepatch/client has its own copy of ConflictError');
const error = client.apiErrorFrom({ code: 415, body: { kind: 'Status', message: 'accepted media types include: application/merge-patch+json' } });
if (!(error instanceof core.UnsupportedMediaTypeError) || error.acceptedMediaTypes[0] !== 'application/merge-patch+json') throw new Error('CJS: 415 mapping');
console.log('CJS client entry ok');
"
