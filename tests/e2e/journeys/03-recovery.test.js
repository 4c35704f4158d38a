// Forgot the passphrase: the recovery key opens the journal and a new key is issued.
import test from 'node:test';
import assert from 'node:assert/strict';
import { click, internetSockets, isolatedHome, launch, testIds, type, waitFor } from '../lib/harness.js';
import { confirmKey, listedTitles, look, setUp, unlock, writeEntry } from '../lib/flows.js';

test('recover with the recovery key', async () => {
  const home = isolatedHome('recovery');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  const b = app.browser;
  try {
    const firstKey = await setUp(b);
    await writeEntry(b, { title: 'Kept through recovery', body: 'Still here after a forgotten passphrase.' });
    await click(b, testIds.lockButton);
    await click(b, testIds.forgotPassphrase);
    await waitFor(b, testIds.recoverKey);
    await look(b, '09-recover');
    await type(b, testIds.recoverKey, firstKey.replaceAll('-', ' ').toLowerCase());
    await type(b, testIds.recoverPassphrase, 'a fresh new passphrase');
    await type(b, testIds.recoverPassphraseConfirm, 'a fresh new passphrase');
    await click(b, testIds.recoverSubmit);
    const newKey = (await (await waitFor(b, testIds.recoveryKey, 30_000)).getText()).trim();
    assert.notEqual(newKey, firstKey, 'a fresh recovery key is issued');
    await confirmKey(b, newKey);
    await b.waitUntil(async () => (await listedTitles(b)).some((t) => t.includes('Kept through recovery')), { timeout: 20_000 });

    await click(b, testIds.lockButton);
    await unlock(b, 'a fresh new passphrase');
    await b.waitUntil(async () => (await listedTitles(b)).length === 1, { timeout: 20_000 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), []);
});
