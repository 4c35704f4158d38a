// Edit an entry, delete it, undo, delete again and restore it from the trash.
import test from 'node:test';
import assert from 'node:assert/strict';
import { click, internetSockets, isolatedHome, launch, tid, type, waitFor } from '../lib/harness.js';
import { listedTitles, look, setUp, writeEntry } from '../lib/flows.js';

test('edit, delete with undo, restore from trash', async () => {
  const home = isolatedHome('edit-delete');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  const b = app.browser;
  try {
    await setUp(b);
    await writeEntry(b, { title: 'Before the edit', body: 'A first draft of a hard morning.' });
    await click(b, 'back-button');
    await (await b.$(tid('entry-list-item'))).click();
    await waitFor(b, 'entry-view');
    await look(b, '10-entry-view');
    await click(b, 'entry-edit');
    await type(b, 'entry-title', 'After the edit');
    await click(b, 'entry-save');
    await click(b, 'back-button');
    await b.waitUntil(async () => (await listedTitles(b)).some((t) => t.includes('After the edit')), { timeout: 10_000 });

    await (await b.$(tid('entry-list-item'))).click();
    await click(b, 'entry-delete');
    await click(b, 'undo-delete');
    await b.waitUntil(async () => (await listedTitles(b)).length === 1, { timeout: 10_000, timeoutMsg: 'undo did not bring it back' });

    await (await b.$(tid('entry-list-item'))).click();
    await click(b, 'entry-delete');
    await b.waitUntil(async () => (await b.$$(tid('entry-list-item'))).length === 0, { timeout: 10_000 });
    await click(b, 'trash-toggle');
    await b.waitUntil(async () => (await listedTitles(b)).length === 1, { timeout: 10_000 });
    await look(b, '11-trash');
    await (await b.$(tid('entry-list-item'))).click();
    await click(b, 'entry-restore');
    await click(b, 'trash-toggle');
    await b.waitUntil(async () => (await listedTitles(b)).some((t) => t.includes('After the edit')), { timeout: 10_000 });

    await click(b, 'settings-button');
    await waitFor(b, 'settings-auto-lock');
    await look(b, '13-settings');
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), []);
});
