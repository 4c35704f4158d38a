// The supervision exchange with two journals, one after the other, through files: the
// supervisee shares a flagged entry with the supervisor, the supervisor imports it and
// responds, and the supervisee sees the response under the entry. Native dialogs are
// answered by the e2e build (ATTUNE_E2E_SAVE_DIR / ATTUNE_E2E_OPEN_FILE).
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { PASSPHRASE, look, setUp, unlock } from '../lib/flows.js';

const ENTRY = ['HeronSharedTitleCanary', 'WillowSharedBodyCanary'];
const HEARD = 'KestrelHeardCanary: how much you held for that baby.';
const ALL = [...ENTRY, 'KestrelHeardCanary'];

/** My card's text, after giving a name and a role. */
async function myCard(b, name, role) {
  await click(b, testIds.navExchange);
  await click(b, testIds.exchangeTab('contacts'));
  await type(b, testIds.myCardName, name);
  await (await waitFor(b, testIds.myCardRole)).selectByAttribute('value', role);
  await click(b, testIds.myCardShow);
  const text = await waitFor(b, testIds.myCardText);
  await b.waitUntil(async () => (await text.getValue()).includes('Attune contact card'), { timeout: 10_000 });
  return text.getValue();
}

/** Paste someone's card, pin them, compare the safety code (the test trusts it) and confirm. */
async function addAndConfirm(b, card, relation, answers) {
  await click(b, testIds.navExchange);
  await click(b, testIds.exchangeTab('contacts'));
  const paste = await waitFor(b, testIds.cardPaste);
  // A paste: the whole text at once (typing it key by key turns line ends into
  // Enter presses, which is not what pasting does).
  await b.execute(
    (el, text) => {
      el.focus();
      el.value = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    },
    paste,
    card,
  );
  await (await waitFor(b, testIds.cardRelation)).selectByAttribute('value', relation);
  await click(b, testIds.cardAdd);
  await b.waitUntil(
    async () =>
      (await b.$$(tid(testIds.safetyCode))).length > 0 || (await (await b.$(tid(testIds.cardError))).getText()) !== '',
    { timeout: 15_000, timeoutMsg: 'the card was neither added nor refused' },
  );
  assert.equal(await (await b.$(tid(testIds.cardError))).getText(), '', 'the card is refused');
  const code = await waitFor(b, testIds.safetyCode);
  assert.match(await code.getText(), /\d{5}/, 'a safety code in groups of digits');
  if (answers) {
    // Cancel in the native dialog: the contact stays unconfirmed.
    writeFileSync(answers, 'no');
    await click(b, testIds.contactConfirm);
    await b.pause(1_500);
    assert.equal((await b.$$(tid(testIds.contactConfirm))).length, 1, 'a cancelled confirmation confirms nothing');
    writeFileSync(answers, 'yes');
  }
  await click(b, testIds.contactConfirm);
  await b.waitUntil(async () => (await b.$$(tid(testIds.contactConfirm))).length === 0, { timeout: 10_000 });
  return code.getText();
}

const fileIn = (dir) => {
  const files = readdirSync(dir);
  assert.equal(files.length, 1, `one file in ${dir}: ${files}`);
  return path.join(dir, files[0]);
};

test('share with a supervisor and get reflective feedback back', async () => {
  const sup = isolatedHome('exchange-supervisor');
  const vis = isolatedHome('exchange-supervisee');
  const toSupervisor = path.join(vis.base, 'to-supervisor');
  const toSupervisee = path.join(sup.base, 'to-supervisee');
  mkdirSync(toSupervisor);
  mkdirSync(toSupervisee);
  const fast = { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_CONFIRM: 'yes' };

  // 1. The supervisor makes a journal and a card.
  let app = await launch(sup, fast);
  let b = app.browser;
  let supervisorCard;
  try {
    await setUp(b);
    supervisorCard = await myCard(b, 'Sam', 'supervisor');
    await look(b, '50-exchange-my-card');
  } finally {
    await app.close();
  }

  // 2. The supervisee writes a flagged entry, pins Sam, shares it.
  // The native confirm dialog's answer comes from a file here, so the journey can cancel once.
  const answers = path.join(vis.base, 'confirm-answer');
  writeFileSync(answers, 'yes');
  app = await launch(vis, { ...fast, ATTUNE_E2E_CONFIRM: answers, ATTUNE_E2E_SAVE_DIR: toSupervisor });
  b = app.browser;
  let superviseeCard;
  let codeSeenBySupervisee;
  try {
    await setUp(b);
    await click(b, testIds.newEntry);
    await type(b, testIds.entryTitle, ENTRY[0]);
    await type(b, testIds.entryBody, `The moment the baby turned away: ${ENTRY[1]}.`);
    await click(b, testIds.entryFlag);
    await click(b, testIds.entrySave);
    const state = await waitFor(b, testIds.saveState);
    await b.waitUntil(async () => /^saved/i.test(await state.getText()), { timeout: 10_000 });
    await click(b, testIds.backButton);

    codeSeenBySupervisee = await addAndConfirm(b, supervisorCard, 'my_supervisor', answers);
    await look(b, '51-exchange-contact-confirmed');
    superviseeCard = await myCard(b, 'Alex', 'supervisee');

    await click(b, testIds.exchangeTab('share'));
    await click(b, testIds.shareFlagged);
    await click(b, testIds.sharePreviewOpen);
    const preview = await waitFor(b, testIds.sharePreview);
    assert.ok((await preview.getText()).includes(ENTRY[1]), 'the preview shows exactly what leaves');
    await look(b, '52-exchange-share-preview');
    await click(b, testIds.shareSave);
    await waitFor(b, testIds.shareNote, 15_000);
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  const sharePacket = fileIn(toSupervisor);
  assert.deepEqual(findMarkers([toSupervisor], ALL), [], 'the packet is encrypted');

  // 3. The supervisor pins Alex, imports the packet, responds, saves feedback.
  app = await launch(sup, { ...fast, ATTUNE_E2E_OPEN_FILE: sharePacket, ATTUNE_E2E_SAVE_DIR: toSupervisee });
  b = app.browser;
  try {
    await unlock(b, PASSPHRASE);
    await waitFor(b, testIds.newEntry, 30_000);
    await click(b, testIds.navExchange);
    const codeSeenBySupervisor = await addAndConfirm(b, superviseeCard, 'my_supervisee');
    assert.equal(codeSeenBySupervisor, codeSeenBySupervisee, 'both sides see the same safety code');
    await click(b, testIds.packetOpen);
    await waitFor(b, testIds.packetOutcome, 15_000);
    await click(b, testIds.exchangeTab('inbox'));
    const item = await waitFor(b, testIds.inboxItem);
    assert.ok((await item.getText()).includes(ENTRY[1]), "the supervisee's words arrived");
    await look(b, '53-exchange-inbox');
    await click(b, testIds.inboxRespond);
    await type(b, testIds.responseHeard, HEARD);
    await click(b, testIds.responseSave);
    await waitFor(b, testIds.inboxMyResponse, 10_000);
    await click(b, testIds.feedbackSave);
    await waitFor(b, testIds.inboxNote, 10_000);
    await look(b, '54-exchange-response');
  } finally {
    await app.close();
  }
  const feedbackPacket = fileIn(toSupervisee);
  assert.deepEqual(findMarkers([toSupervisee], ALL), [], 'the feedback packet is encrypted');
  // A copy to drop on the window later (step 5); step 4 deletes the original.
  const dropped = path.join(vis.base, 'dropped');
  mkdirSync(dropped);
  const feedbackCopy = path.join(dropped, 'from-sam.attune-packet');
  copyFileSync(feedbackPacket, feedbackCopy);

  // 4. The supervisee opens the feedback file with Attune (as a double-click in the file
  // manager does: the file is the app's argument), imports it after unlock, deletes the
  // file, and reads the response under the entry.
  app = await launch(vis, fast, { args: [feedbackPacket] });
  b = app.browser;
  try {
    await unlock(b, PASSPHRASE);
    await waitFor(b, testIds.newEntry, 30_000);
    const waiting = await waitFor(b, testIds.packetWaiting, 15_000);
    assert.ok((await waiting.getText()).includes(path.basename(feedbackPacket)), 'the file, by name');
    assert.ok(!(await waiting.getText()).includes(toSupervisee), 'never its folder');
    await look(b, '55a-exchange-file-opened-with-attune');
    await click(b, testIds.packetWaitingImport);
    await waitFor(b, testIds.packetWaitingOutcome, 15_000);
    await click(b, testIds.packetWaitingDelete);
    await b.waitUntil(async () => !existsSync(feedbackPacket), { timeout: 10_000, timeoutMsg: 'the file was not deleted' });
    await click(b, testIds.navJournal);
    await (await waitFor(b, testIds.entryListItem)).click();
    const thread = await waitFor(b, testIds.feedbackThread, 15_000);
    assert.ok((await thread.getText()).includes('KestrelHeardCanary'), "the supervisor's words, under the entry");
    await look(b, '55-exchange-feedback-under-entry');
  } finally {
    await app.close();
  }
  // 5. Files dropped on the window. WebDriver cannot drag a file in from outside, so
  // the e2e build's hook (ATTUNE_E2E_DROP: a file listing the paths) hands them to the
  // same Rust handler a real drop reaches. A note is refused kindly; a packet waits
  // like one opened with Attune, by name only, and imports the same way.
  const dropList = path.join(vis.base, 'drop-list');
  const note = path.join(dropped, 'notes.txt');
  writeFileSync(note, 'not a packet');
  app = await launch(vis, { ...fast, ATTUNE_E2E_DROP: dropList });
  b = app.browser;
  try {
    await unlock(b, PASSPHRASE);
    await waitFor(b, testIds.newEntry, 30_000);
    writeFileSync(dropList, `${note}\n`);
    const refused = await waitFor(b, testIds.notAPacket, 15_000);
    assert.match(await refused.getText(), /not an Attune packet/);
    assert.equal((await b.$$(tid(testIds.packetWaiting))).length, 0, 'a note dropped waits for nothing');
    await look(b, '56a-exchange-dropped-not-a-packet');
    writeFileSync(dropList, `${note}\n${feedbackCopy}\n`);
    const waiting = await waitFor(b, testIds.packetWaiting, 15_000);
    assert.ok((await waiting.getText()).includes('from-sam.attune-packet'), 'the dropped file, by name');
    assert.ok(!(await waiting.getText()).includes(dropped), 'never its folder');
    await look(b, '56-exchange-dropped-packet');
    await click(b, testIds.packetWaitingImport);
    // The same file came before (step 4, by double-click): the same check says so.
    const outcome = await waitFor(b, testIds.packetWaitingOutcome, 15_000);
    assert.match(await outcome.getText(), /from Sam was opened before\. Nothing changed\./);
    assert.ok(existsSync(feedbackCopy), 'the dropped file stays until the person deletes it');
  } finally {
    await app.close();
  }
  for (const h of [sup, vis]) {
    assert.deepEqual(internetSockets(h), [], 'the app opened an internet socket');
    assert.deepEqual(findMarkers([h.data, h.cache, h.config], ALL), [], 'plaintext on disk');
  }
});
