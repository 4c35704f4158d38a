// A new user: set up, write, find, lock, get the passphrase wrong, unlock, entry there.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { PASSPHRASE, listedTitles, look, setUp, unlock, writeEntry } from '../lib/flows.js';

const MARKERS = ['PelicanTitleCanary', 'MarmaladeBodyCanary', 'FAMQ7Z', 'heronTagCanary'];

test('first run, write, search, lock, wrong passphrase, unlock', async () => {
  const home = isolatedHome('first-run');
  // The real key derivation here (no fast-KDF variable): this is what a user gets.
  const saveDir = path.join(home.base, 'saved');
  mkdirSync(saveDir);
  const app = await launch(home, { ATTUNE_E2E_SAVE_DIR: saveDir });
  const b = app.browser;
  try {
    await setUp(b, { shots: true, saveDir });
    await waitFor(b, testIds.emptyState);
    await look(b, '03-journal-empty');

    await writeEntry(b, {
      title: MARKERS[0],
      body: `After the visit I kept thinking about the ${MARKERS[1]} moment when the baby reached for her mother.`,
      family: MARKERS[2],
      tag: MARKERS[3],
    });
    await look(b, '04-editor-saved');
    await click(b, testIds.backButton);
    assert.equal((await listedTitles(b)).length, 1);
    await look(b, '05-journal-one-entry');

    // Search as you type finds it; a word that is not there finds nothing.
    await type(b, testIds.searchInput, 'marmalade');
    await b.waitUntil(async () => (await b.$$(tid(testIds.entryListItem))).length === 1, { timeout: 5000 });
    await look(b, '06-search-hit');
    await type(b, testIds.searchInput, 'marmalade nowhere');
    await b.waitUntil(async () => (await b.$$(tid(testIds.entryListItem))).length === 0, { timeout: 5000 });
    await type(b, testIds.searchInput, '');

    await click(b, testIds.lockButton);
    await waitFor(b, testIds.unlockPassphrase);
    const page = await b.execute(() => document.body.innerText);
    for (const m of MARKERS) assert.ok(!page.includes(m), `${m} still on the page after lock`);
    await look(b, '07-unlock');

    await unlock(b, 'not my passphrase at all');
    const error = await b.$(tid(testIds.unlockError));
    await b.waitUntil(async () => /passphrase/i.test(await error.getText()), {
      timeout: 20_000,
      timeoutMsg: 'no clear error for a wrong passphrase',
    });
    await look(b, '08-unlock-wrong');

    await unlock(b, PASSPHRASE);
    await b.waitUntil(async () => (await listedTitles(b)).some((t) => t.includes(MARKERS[0])), {
      timeout: 20_000,
      timeoutMsg: 'the entry did not come back after unlock',
    });
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), [], 'the app opened an internet socket');
  assert.deepEqual(findMarkers([home.data, home.cache, home.config], MARKERS), [], 'plaintext on disk');
});
