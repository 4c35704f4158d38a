// Bring a journal along: a Day One export chosen in the native file dialog is previewed
// (what comes, what is dropped, what looks identifying) before anything is written,
// then imported; the reflections are searchable at once and nothing of them is
// readable on disk.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, type, waitFor } from '../lib/harness.js';
import { look, setUp } from '../lib/flows.js';

const DAY_ONE = fileURLToPath(new URL('../../fixtures/import/dayone.zip', import.meta.url));
// Words from the fixture's first entry (tests/fixtures/import/make.py).
const MARKERS = ['settled when her father sang'];

test('import a Day One export after a preview', async () => {
  const home = isolatedHome('import');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_OPEN_FILE: DAY_ONE });
  const b = app.browser;
  try {
    await setUp(b);
    await click(b, testIds.settingsButton);
    await click(b, testIds.importChooseFile);
    const preview = await waitFor(b, testIds.importPreview, 15_000);
    const summary = await (await waitFor(b, testIds.importSummary)).getText();
    assert.match(summary, /Day One/i, summary);
    const dropped = await (await waitFor(b, testIds.importDropped)).getText();
    assert.match(dropped, /photo/i, 'media are said to be left behind');
    assert.match(dropped, /location/i, 'location is said to be left behind');
    assert.match(await (await waitFor(b, testIds.importDeid)).getText(), /phone/i, 'the check ran over the import');
    assert.ok(await preview.isDisplayed());
    await look(b, '60-import-preview');
    await click(b, testIds.importAll);
    const done = await waitFor(b, testIds.importDone, 15_000);
    assert.match(await done.getText(), /\d+ reflections?/i);
    await look(b, '61-import-done');

    await click(b, testIds.navJournal);
    await type(b, testIds.searchInput, 'father sang');
    await b.waitUntil(async () => (await b.$$(`[data-testid="${testIds.entryListItem}"]`)).length === 1, {
      timeout: 10_000,
      timeoutMsg: 'the imported reflection is not found by search',
    });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), [], 'the app opened an internet socket');
  assert.deepEqual(findMarkers([home.data, home.cache, home.config], MARKERS), [], 'plaintext on disk');
  assert.ok(path.isAbsolute(DAY_ONE));
});
