// After a hard visit: pick "Processing vicarious trauma", go through it at one's own
// pace, close with the containment step; every built-in pack is reachable; the entry
// shows the answers under their questions; insights see it; nothing readable on disk.
import test from 'node:test';
import assert from 'node:assert/strict';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { look, setUp } from '../lib/flows.js';

const PACKS = [
  'after-encounter',
  'challenging-relationship',
  'implicit-bias',
  'vicarious-trauma',
  'preventing-burnout',
  'quick-reflection',
  'preparing-for-supervision',
];
const MARKERS = ['KestrelAnswerCanary', 'OtterClosingCanary', 'WillowLensCanary'];

/** Choose a pack in the editor's select by its id. */
async function choosePack(b, id) {
  const select = await waitFor(b, testIds.packSelect);
  await select.selectByAttribute('value', id);
  await waitFor(b, testIds.guidedPrompt);
}

test('a guided reflection with each built-in pack reachable', async () => {
  const home = isolatedHome('guided');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  const b = app.browser;
  try {
    await setUp(b);
    await click(b, testIds.newEntry);
    const select = await waitFor(b, testIds.packSelect);
    await b.waitUntil(async () => (await select.$$('option')).length === PACKS.length + 1, {
      timeout: 10_000,
      timeoutMsg: 'the packs never arrived in the editor',
    });
    // Each built-in pack opens at its first prompt.
    for (const id of PACKS) {
      await choosePack(b, id);
      assert.match(await (await waitFor(b, testIds.guidedProgress)).getText(), /^PROMPT 1 OF \d+$/i, id);
    }

    await choosePack(b, 'vicarious-trauma');
    await look(b, '20-guided-first-prompt');
    await type(b, testIds.guidedAnswer, `The ${MARKERS[0]} moment when the baby stopped crying.`);
    await click(b, testIds.guidedNext);
    await click(b, testIds.guidedSkip);
    // Straight to the closing (containment) step.
    await (await b.$('button[aria-label^="Closing step"]')).click();
    assert.match(await (await waitFor(b, testIds.guidedProgress)).getText(), /closing step/i);
    await look(b, '21-guided-closing-step');
    const closing = await b.$(tid(testIds.guidedAnswer));
    if ((await closing.getTagName()) === 'textarea' || (await closing.getTagName()) === 'input') {
      await type(b, testIds.guidedAnswer, `Setting it down: ${MARKERS[1]}.`);
    }
    await click(b, testIds.guidedNext);
    await waitFor(b, testIds.guidedDone);

    // A lens on top.
    await (await b.$('summary=Add a lens')).click();
    await (await b.$('button=Holding the baby in mind')).click();
    await type(b, testIds.lensAnswer, `${MARKERS[2]}: she kept looking at the door.`);
    await type(b, testIds.entryTitle, 'After the home visit');
    await click(b, testIds.entrySave);
    const state = await waitFor(b, testIds.saveState);
    await b.waitUntil(async () => /^saved/i.test(await state.getText()), { timeout: 10_000 });
    await look(b, '22-guided-saved');

    await click(b, testIds.backButton);
    await (await b.$(tid(testIds.entryListItem))).click();
    const answers = await waitFor(b, testIds.entryAnswers);
    const text = await answers.getText();
    assert.match(text, /processing vicarious trauma/i);
    for (const m of MARKERS) assert.ok(text.includes(m), `${m} not shown with its question`);
    await look(b, '23-guided-entry-view');

    await click(b, testIds.navInsights);
    const elements = await waitFor(b, testIds.insightsElements);
    assert.match(await elements.getText(), /Holding the baby in mind/);
    await look(b, '24-insights');

    // The library: look inside a pack, make an own copy, rename it and save it.
    await click(b, testIds.navPacks);
    await waitFor(b, testIds.packCard);
    await look(b, '25-packs');
    const burnout = await b.$(`${tid(testIds.packCard)}[data-pack-id="preventing-burnout"]`);
    await (await burnout.$(tid(testIds.packOpen))).click();
    await waitFor(b, testIds.packDetail);
    await look(b, '26-pack-inside');
    await click(b, testIds.packDuplicate);
    await waitFor(b, testIds.packEditor);
    await type(b, testIds.packTitle, `My burnout check ${MARKERS[0]}`);
    await look(b, '27-pack-editor');
    await click(b, testIds.packSave);
    await b.waitUntil(
      async () => {
        for (const card of await b.$$(tid(testIds.packCard))) if ((await card.getText()).includes('My burnout check')) return true;
        return false;
      },
      { timeout: 10_000, timeoutMsg: 'the saved copy is not under My packs' },
    );
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), [], 'the app opened an internet socket');
  assert.deepEqual(findMarkers([home.data, home.cache, home.config], MARKERS), [], 'plaintext on disk');
});
