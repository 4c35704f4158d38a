// The test-only hooks (and the fast test key derivation) exist in the e2e build and
// nowhere else.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { APP } from '../lib/harness.js';

const HOOKS = ['ATTUNE_TEST_FAST_KDF', 'ATTUNE_E2E_CONFIRM', 'ATTUNE_E2E_AUTO_LOCK_SECONDS', 'ATTUNE_E2E_SAVE_DIR', 'ATTUNE_E2E_PICK_FOLDER', 'ATTUNE_E2E_OPEN_FILE', 'e2e_probe'];

test('the e2e build carries the hooks (so the check below can fail)', () => {
  const bytes = readFileSync(APP);
  for (const hook of HOOKS) assert.ok(bytes.includes(Buffer.from(hook)), `${hook} missing from ${APP}`);
});

test('the release build has no test-only hooks', () => {
  const release = process.env.ATTUNE_RELEASE_APP;
  assert.ok(release, 'ATTUNE_RELEASE_APP names the release binary (tests/e2e/run.sh sets it)');
  const bytes = readFileSync(release);
  for (const hook of HOOKS) assert.ok(!bytes.includes(Buffer.from(hook)), `${hook} found in the release build`);
});
