// A two-minute check-in whose chart and table appear; then an export that first asks
// for the identifying passages to be gone through, written through the save dialog.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { look, setUp, writeEntry } from '../lib/flows.js';

const NOTE_MARKER = 'HeronCheckinNoteCanary';

/** Pick `value` on the 0 to 10 scale of one check-in question. */
async function answer(b, item, value) {
  const scale = await waitFor(b, testIds.checkinItem(item));
  await (await scale.$(`input[value="${value}"]`)).click();
}

test('a check-in with its chart and table, then a reviewed export', async () => {
  const home = isolatedHome('wellbeing-export');
  const saveDir = path.join(home.base, 'saved');
  mkdirSync(saveDir);
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_SAVE_DIR: saveDir });
  const b = app.browser;
  try {
    await setUp(b);
    await waitFor(b, testIds.checkinNudge);
    await click(b, testIds.nudgeCheckin);
    await waitFor(b, testIds.checkinItem('energy'));
    await look(b, '30-checkin');
    await answer(b, 'energy', 2);
    await answer(b, 'exhaustion', 9);
    await answer(b, 'intrusive', 8);
    await answer(b, 'sleep', 3);
    await type(b, testIds.checkinNote, `A heavy week. ${NOTE_MARKER}`);
    await click(b, testIds.checkinSave);
    const result = await waitFor(b, testIds.checkinResult);
    assert.match(await result.getText(), /supervision/i, 'a heavy reading suggests supervision, gently');
    assert.ok((await b.$$(tid(testIds.checkinSuggestion))).length >= 1);
    await look(b, '31-checkin-result');

    await click(b, testIds.checkinSeeTrends);
    const chart = await waitFor(b, testIds.wellbeingChart);
    // The chart really drew: uPlot puts a canvas inside.
    await b.waitUntil(async () => (await chart.$$('canvas')).length > 0, {
      timeout: 10_000,
      timeoutMsg: 'no chart canvas',
    });
    const table = await waitFor(b, testIds.wellbeingTable);
    assert.match(await table.getText(), /\d/, 'the table has a row with figures');
    await look(b, '32-wellbeing-trends');

    // An entry with a phone number and a name, then the export.
    await writeEntry(b, { title: 'Hard morning', body: 'Left a message for Mrs Okafor on 555-0147 about the next visit.' });
    await b.waitUntil(async () => (await b.$$(tid(testIds.deidFinding))).length >= 2, {
      timeout: 10_000,
      timeoutMsg: 'the editor did not point out the phone number and the name',
    });
    await look(b, '33-editor-deid');
    await click(b, testIds.backButton);
    await click(b, testIds.settingsButton);
    await click(b, testIds.exportStart);
    await waitFor(b, testIds.exportReview);
    assert.ok((await b.$$(tid(testIds.exportFinding))).length >= 2);
    assert.equal(await (await b.$(tid(testIds.exportSave))).isEnabled(), false, 'export allowed before the review');
    await (await b.$(tid(testIds.exportReviewed))).click();
    await look(b, '34-export-review');
    await click(b, testIds.exportSave);
    await waitFor(b, testIds.exportSaved);
    const files = readdirSync(saveDir).filter((f) => f.startsWith('attune-export-'));
    assert.equal(files.length, 1, `one export file: ${files}`);
    const file = path.join(saveDir, files[0]);
    assert.match(readFileSync(file, 'utf8'), /Hard morning/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), [], 'the app opened an internet socket');
  // The export is plaintext on purpose and lives outside the app's folders; the
  // journal, WebKit's data and caches hold no readable check-in note.
  assert.deepEqual(findMarkers([home.data, home.cache, home.config], [NOTE_MARKER]), [], 'plaintext on disk');
});
