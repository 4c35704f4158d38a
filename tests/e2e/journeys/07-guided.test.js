// After a hard visit: pick "Processing vicarious trauma", go through it at one's own
// pace, close with the containment step; every built-in pack is reachable; the entry
// shows the answers under their questions; insights see it; nothing readable on disk.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { look, setUp } from '../lib/flows.js';

// Every built-in pack, by folder (content/packs/); the heavy ones ground first and can be
// stopped and closed gently at any step.
const PACKS = readdirSync(new URL('../../../content/packs/', import.meta.url)).sort();
const HEAVY = ['after-report', 'after-safety-risk', 'critical-incident', 'vicarious-trauma'];
const MARKERS = ['KestrelAnswerCanary', 'OtterClosingCanary', 'WillowLensCanary'];

/** Choose a pack in the editor's select by its id. */
async function choosePack(b, id) {
  const select = await waitFor(b, testIds.packSelect);
  // As in the harness's click: bring it to the middle first (the sticky header takes
  // clicks at the top), and try again if the screen is still settling.
  for (let attempt = 0; ; attempt++) {
    try {
      await b.execute((e) => e.scrollIntoView({ block: 'center' }), select);
      await select.selectByAttribute('value', id);
      break;
    } catch (e) {
      if (attempt >= 5 || !/intercepted/i.test(String(e.message))) throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
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
    // Each built-in pack opens at its first step: a grounding opening or question 1.
    // Heavy packs offer "Stop and close gently" from the start; the others do not.
    assert.ok(PACKS.length >= 21, `all built-in packs: ${PACKS}`);
    for (const id of PACKS) {
      await choosePack(b, id);
      assert.match(await (await waitFor(b, testIds.guidedProgress)).getText(), /^(question 1 of \d+|before you begin)$/i, id);
      const stop = (await b.$$(tid(testIds.guidedStopGently))).length;
      assert.equal(stop, HEAVY.includes(id) ? 1 : 0, `${id}: stop and close gently`);
    }

    await choosePack(b, 'vicarious-trauma');
    assert.match(await (await waitFor(b, testIds.guidedProgress)).getText(), /before you begin/i);
    await look(b, '20-guided-opening');
    await click(b, testIds.guidedNext);
    await type(b, testIds.guidedAnswer, `The ${MARKERS[0]} moment when the baby stopped crying.`);
    await click(b, testIds.guidedNext);
    // A lens while the questions are open.
    await (await b.$('summary=Add a lens')).click();
    await (await b.$('button=Holding the baby in mind')).click();
    await type(b, testIds.lensAnswer, `${MARKERS[2]}: she kept looking at the door.`);
    // Stop at any question: straight to the containment step.
    await click(b, testIds.guidedStopGently);
    assert.match(await (await waitFor(b, testIds.guidedProgress)).getText(), /closing step/i);
    await look(b, '21-guided-closing-step');
    await type(b, testIds.guidedAnswer, `Setting it down: ${MARKERS[1]}.`);
    await click(b, testIds.guidedNext);
    // Set down for now: put away (save and lock) or back to the journal, no count.
    await waitFor(b, testIds.guidedPutAway);
    await waitFor(b, testIds.guidedBackToJournal);
    assert.doesNotMatch(await (await b.$('body')).getText(), /you answered \d+ of \d+/i);
    await look(b, '21a-guided-set-down');
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
