// Forgot the passphrase: the recovery key opens the journal and a new key is issued.
import test from 'node:test';
import assert from 'node:assert/strict';
import { click, internetSockets, isolatedHome, launch, type, waitFor } from '../lib/harness.js';
import { confirmKey, listedTitles, look, setUp, unlock, writeEntry } from '../lib/flows.js';

test('recover with the recovery key', async () => {
  const home = isolatedHome('recovery');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  const b = app.browser;
  try {
    const firstKey = await setUp(b);
    await writeEntry(b, { title: 'Kept through recovery', body: 'Still here after a forgotten passphrase.' });
    await click(b, 'lock-button');
    await click(b, 'forgot-passphrase');
    await waitFor(b, 'recover-key');
    await look(b, '09-recover');
    await type(b, 'recover-key', firstKey.replaceAll('-', ' ').toLowerCase());
    await type(b, 'recover-passphrase', 'a fresh new passphrase');
    await type(b, 'recover-passphrase-confirm', 'a fresh new passphrase');
    await click(b, 'recover-submit');
    const newKey = (await (await waitFor(b, 'recovery-key', 30_000)).getText()).trim();
    assert.notEqual(newKey, firstKey, 'a fresh recovery key is issued');
    await confirmKey(b, newKey);
    await b.waitUntil(async () => (await listedTitles(b)).some((t) => t.includes('Kept through recovery')), { timeout: 20_000 });

    await click(b, 'lock-button');
    await unlock(b, 'a fresh new passphrase');
    await b.waitUntil(async () => (await listedTitles(b)).length === 1, { timeout: 20_000 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), []);
});
