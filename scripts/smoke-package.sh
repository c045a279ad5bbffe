#!/usr/bin/env bash
# Loads the built package the way users do, by name through its `exports` map, from ESM and from CJS.
set -euo pipefail
cd "$(dirname "$0")/.."
node --input-type=module -e "
import { applyJsonPatch, isKubepatchError } from 'kubepatch';
const out = applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/a', value: 2 }]);
if (out.a !== 2) throw new Error('ESM build: wrong result');
try { applyJsonPatch({}, [{ op: 'remove', path: '/x' }]); } catch (e) { if (!isKubepatchError(e, 'PATH_NOT_FOUND')) throw e; }
console.log('ESM entry ok');
"
node -e "
const { applyMergePatch, KubepatchError } = require('kubepatch');
const out = applyMergePatch({ a: 1, b: 2 }, { b: null });
if (JSON.stringify(out) !== '{\"a\":1}') throw new Error('CJS build: wrong result');
if (typeof KubepatchError !== 'function') throw new Error('CJS build: missing export');
console.log('CJS entry ok');
"
