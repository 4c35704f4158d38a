// The supervision loop: a reflection flagged "bring to supervision", a prep sheet that
// gathers it, the session logged, and a takeaway written on the session that shows on
// the prep sheet, linked to that session. Light and dark; nothing readable on disk.
import test from 'node:test';
import assert from 'node:assert/strict';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { look, setUp } from '../lib/flows.js';

const BRING_MARKER = 'KestrelPrepSheetCanary';
const AWAY_MARKER = 'OspreyTakeawayCanary';

async function textOf(b, id) {
  return (await waitFor(b, id)).getText();
}

test('a prep sheet gathers a flagged reflection, and the takeaway lands on it linked to the session', async () => {
  const home = isolatedHome('prep-takeaway');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  const b = app.browser;
  try {
    await setUp(b);

    // A reflection flagged for supervision.
    await click(b, testIds.newEntry);
    await type(b, testIds.entryTitle, 'The crying at drop-off');
    await type(b, testIds.entryBody, 'She would not look at him when he cried. I felt myself judging her.');
    await click(b, testIds.entryFlag);
    await click(b, testIds.entrySave);
    const state = await waitFor(b, testIds.saveState);
    await b.waitUntil(async () => /saved/i.test(await state.getText()) && !/not/i.test(await state.getText()), {
      timeout: 10_000,
      timeoutMsg: 'the entry never showed as saved',
    });
    await click(b, testIds.backButton);

    // Before: a prep sheet, which gathers it.
    await click(b, testIds.navSupervision);
    await waitFor(b, testIds.prepPanel);
    await click(b, testIds.prepNew);
    const offered = await waitFor(b, testIds.prepReflection);
    assert.equal(await offered.isSelected(), true, 'the flagged reflection is gathered and chosen');
    assert.match(await textOf(b, testIds.prepForm), /The crying at drop-off/);
    await type(b, testIds.prepBring, `How hard it was to stay with her. ${BRING_MARKER}`);
    await type(b, testIds.prepReactions, 'I judged her quickly.');
    await type(b, testIds.prepHope, 'A way to stay curious about her.');
    await look(b, '130-prep-sheet-form');
    await click(b, testIds.prepSave);
    const sheet = await waitFor(b, testIds.prepSheet);
    assert.match(await sheet.getText(), /How hard it was to stay with her/);
    assert.match(await textOf(b, testIds.prepSheetReflection), /The crying at drop-off/);

    // The session, logged.
    await type(b, testIds.sessionWithWhom, 'Dr. Rivera');
    await click(b, testIds.sessionSave);
    const row = await waitFor(b, testIds.sessionRow);
    assert.match(await row.getText(), /Dr\. Rivera/);
    assert.match(await textOf(b, testIds.sessionConfirmation), /Not confirmed by a supervisor yet/);

    // After: the takeaway, written on the session.
    await click(b, testIds.sessionTakeawayWrite);
    await type(b, testIds.sessionTakeawayAway, `Slow down before naming what I see. ${AWAY_MARKER}`);
    await type(b, testIds.sessionTakeawayNext, 'Call the family on Thursday.');
    await click(b, testIds.sessionTakeawaySave);
    const shown = await waitFor(b, testIds.sessionTakeaway);
    assert.match(await shown.getText(), /Taking away: Slow down before naming what I see/);
    assert.match(await shown.getText(), /On your prep sheet: How hard it was to stay with her/);

    // The prep sheet now carries it, linked to that session.
    const linked = await waitFor(b, testIds.prepTakeaway);
    assert.match(await linked.getText(), /After the session of/);
    assert.match(await linked.getText(), /Next step: Call the family on Thursday\./);
    assert.equal((await b.$$(tid(testIds.prepSheet))).length, 1, 'one sheet: the takeaway joined it');
    await b.execute(() => window.scrollTo(0, 0));
    await look(b, '131-prep-takeaway-light');

    // The same in the dark theme.
    await click(b, testIds.settingsButton);
    const theme = await waitFor(b, testIds.settingsTheme);
    await theme.selectByAttribute('value', 'dark');
    await b.waitUntil(async () => b.execute(() => document.documentElement.classList.contains('theme-dark')), {
      timeout: 10_000,
      timeoutMsg: 'the dark theme never applied',
    });
    await click(b, testIds.backButton);
    await click(b, testIds.navSupervision);
    await waitFor(b, testIds.prepTakeaway);
    await look(b, '132-prep-takeaway-dark');
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), [], 'the app opened an internet socket');
  assert.deepEqual(findMarkers([home.data, home.cache, home.config], [BRING_MARKER, AWAY_MARKER]), [], 'plaintext on disk');
});
