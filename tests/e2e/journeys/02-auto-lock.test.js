// Left alone, the journal locks itself and the page forgets what it showed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { internetSockets, isolatedHome, launch, testIds, waitFor, webStorage } from '../lib/harness.js';
import { listedTitles, setUp, writeEntry } from '../lib/flows.js';

test('auto-lock after a short idle time', async () => {
  const home = isolatedHome('auto-lock');
  // Longer than the page's 10-second activity throttle, so writing is never cut short;
  // short enough that idling is quick to see.
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_AUTO_LOCK_SECONDS: '12' });
  const b = app.browser;
  try {
    await setUp(b);
    await writeEntry(b, { title: 'IdleCanaryTitle', body: 'Written just before stepping away.' });
    await waitFor(b, testIds.backButton).then((el) => el.click());
    assert.ok((await listedTitles(b)).some((t) => t.includes('IdleCanaryTitle')));
    // Nobody touches anything: the unlock screen comes back by itself.
    await waitFor(b, testIds.unlockPassphrase, 30_000);
    const page = await b.execute(() => document.body.innerText);
    assert.ok(!page.includes('IdleCanaryTitle'), 'decrypted text left on the page after auto-lock');
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), []);
});
