// Edit an entry, delete it, undo, delete again and restore it from the trash.
import test from 'node:test';
import assert from 'node:assert/strict';
import { click, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor } from '../lib/harness.js';
import { listedTitles, look, setUp, writeEntry } from '../lib/flows.js';

test('edit, delete with undo, restore from trash', async () => {
  const home = isolatedHome('edit-delete');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  const b = app.browser;
  try {
    await setUp(b);
    await writeEntry(b, { title: 'Before the edit', body: 'A first draft of a hard morning.' });
    await click(b, testIds.backButton);
    await (await b.$(tid(testIds.entryListItem))).click();
    await waitFor(b, testIds.entryView);
    await look(b, '10-entry-view');
    await click(b, testIds.entryEdit);
    await type(b, testIds.entryTitle, 'After the edit');
    await click(b, testIds.entrySave);
    await click(b, testIds.backButton);
    await b.waitUntil(async () => (await listedTitles(b)).some((t) => t.includes('After the edit')), { timeout: 10_000 });

    await (await b.$(tid(testIds.entryListItem))).click();
    await click(b, testIds.entryDelete);
    await click(b, testIds.undoDelete);
    await b.waitUntil(async () => (await listedTitles(b)).length === 1, { timeout: 10_000, timeoutMsg: 'undo did not bring it back' });

    await (await b.$(tid(testIds.entryListItem))).click();
    await click(b, testIds.entryDelete);
    await b.waitUntil(async () => (await b.$$(tid(testIds.entryListItem))).length === 0, { timeout: 10_000 });
    await click(b, testIds.trashToggle);
    await b.waitUntil(async () => (await listedTitles(b)).length === 1, { timeout: 10_000 });
    await look(b, '11-trash');
    await (await b.$(tid(testIds.entryListItem))).click();
    await click(b, testIds.entryRestore);
    await click(b, testIds.trashToggle);
    await b.waitUntil(async () => (await listedTitles(b)).some((t) => t.includes('After the edit')), { timeout: 10_000 });

    await click(b, testIds.settingsButton);
    await waitFor(b, testIds.settingsAutoLock);
    await look(b, '13-settings');
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), []);
});
