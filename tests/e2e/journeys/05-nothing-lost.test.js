// Close the window mid-sentence, before autosave: the words are there next time.
import test from 'node:test';
import assert from 'node:assert/strict';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, type, waitFor } from '../lib/harness.js';
import { PASSPHRASE, look, setUp, unlock } from '../lib/flows.js';

test('closing the window mid-sentence loses nothing', async () => {
  const home = isolatedHome('nothing-lost');
  const words = 'UnsavedWombatCanary half a sentence about the';
  let app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  try {
    await setUp(app.browser);
    await click(app.browser, testIds.newEntry);
    await type(app.browser, testIds.entryBody, words);
    // Close at once: well inside the autosave delay. Closing the last window ends the
    // WebDriver session too, which WebdriverIO reports as an error.
    await app.browser.closeWindow().catch((e) => {
      if (!/window handles were removed/i.test(String(e.message))) throw e;
    });
  } finally {
    await app.close();
  }
  assert.deepEqual(findMarkers([home.data, home.cache, home.config], ['UnsavedWombatCanary']), [], 'the draft was written in plaintext');

  app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  try {
    await unlock(app.browser, PASSPHRASE);
    const body = await waitFor(app.browser, testIds.entryBody, 20_000);
    await app.browser.waitUntil(async () => (await body.getValue()).includes(words), {
      timeout: 10_000,
      timeoutMsg: 'the unsaved words were lost',
    });
    await look(app.browser, '12-kept-draft');
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), []);
});
