// The supervision exchange with two journals, one after the other, through files: the
// supervisee shares a flagged entry with the supervisor, the supervisor imports it and
// responds, and the supervisee sees the response under the entry. Native dialogs are
// answered by the e2e build (ATTUNE_E2E_SAVE_DIR / ATTUNE_E2E_OPEN_FILE).
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { click, findMarkers, internetSockets, isolatedHome, launch, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { PASSPHRASE, look, setUp, unlock } from '../lib/flows.js';

const ENTRY = ['HeronSharedTitleCanary', 'WillowSharedBodyCanary'];
const HEARD = 'KestrelHeardCanary: how much you held for that baby.';
const ALL = [...ENTRY, 'KestrelHeardCanary'];

/** My card's text, after giving a name and a role. */
async function myCard(b, name, role) {
  await click(b, 'nav-exchange');
  await click(b, 'exchange-tab-contacts');
  await type(b, 'my-card-name', name);
  await (await waitFor(b, 'my-card-role')).selectByAttribute('value', role);
  await click(b, 'my-card-show');
  const text = await waitFor(b, 'my-card-text');
  await b.waitUntil(async () => (await text.getValue()).includes('Attune contact card'), { timeout: 10_000 });
  return text.getValue();
}

/** Paste someone's card, pin them, compare the safety code (the test trusts it) and confirm. */
async function addAndConfirm(b, card, relation) {
  await click(b, 'nav-exchange');
  await click(b, 'exchange-tab-contacts');
  const paste = await waitFor(b, 'card-paste');
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
  await (await waitFor(b, 'card-relation')).selectByAttribute('value', relation);
  await click(b, 'card-add');
  await b.waitUntil(
    async () =>
      (await b.$$(tid('safety-code'))).length > 0 || (await (await b.$(tid('card-error'))).getText()) !== '',
    { timeout: 15_000, timeoutMsg: 'the card was neither added nor refused' },
  );
  assert.equal(await (await b.$(tid('card-error'))).getText(), '', 'the card is refused');
  const code = await waitFor(b, 'safety-code');
  assert.match(await code.getText(), /\d{5}/, 'a safety code in groups of digits');
  await click(b, 'contact-confirm');
  await b.waitUntil(async () => (await b.$$(tid('contact-confirm'))).length === 0, { timeout: 10_000 });
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
  const fast = { ATTUNE_TEST_FAST_KDF: '1' };

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
  app = await launch(vis, { ...fast, ATTUNE_E2E_SAVE_DIR: toSupervisor });
  b = app.browser;
  let superviseeCard;
  let codeSeenBySupervisee;
  try {
    await setUp(b);
    await click(b, 'new-entry');
    await type(b, 'entry-title', ENTRY[0]);
    await type(b, 'entry-body', `The moment the baby turned away: ${ENTRY[1]}.`);
    await click(b, 'entry-flag');
    await click(b, 'entry-save');
    const state = await waitFor(b, 'save-state');
    await b.waitUntil(async () => /^saved/i.test(await state.getText()), { timeout: 10_000 });
    await click(b, 'back-button');

    codeSeenBySupervisee = await addAndConfirm(b, supervisorCard, 'my_supervisor');
    await look(b, '51-exchange-contact-confirmed');
    superviseeCard = await myCard(b, 'Alex', 'supervisee');

    await click(b, 'exchange-tab-share');
    await click(b, 'share-flagged');
    await click(b, 'share-preview-open');
    const preview = await waitFor(b, 'share-preview');
    assert.ok((await preview.getText()).includes(ENTRY[1]), 'the preview shows exactly what leaves');
    await look(b, '52-exchange-share-preview');
    await click(b, 'share-save');
    await waitFor(b, 'share-note', 15_000);
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
    await waitFor(b, 'new-entry', 30_000);
    await click(b, 'nav-exchange');
    const codeSeenBySupervisor = await addAndConfirm(b, superviseeCard, 'my_supervisee');
    assert.equal(codeSeenBySupervisor, codeSeenBySupervisee, 'both sides see the same safety code');
    await click(b, 'packet-open');
    await waitFor(b, 'packet-outcome', 15_000);
    await click(b, 'exchange-tab-inbox');
    const item = await waitFor(b, 'inbox-item');
    assert.ok((await item.getText()).includes(ENTRY[1]), "the supervisee's words arrived");
    await look(b, '53-exchange-inbox');
    await click(b, 'inbox-respond');
    await type(b, 'response-heard', HEARD);
    await click(b, 'response-save');
    await waitFor(b, 'inbox-my-response', 10_000);
    await click(b, 'feedback-save');
    await waitFor(b, 'inbox-note', 10_000);
    await look(b, '54-exchange-response');
  } finally {
    await app.close();
  }
  const feedbackPacket = fileIn(toSupervisee);
  assert.deepEqual(findMarkers([toSupervisee], ALL), [], 'the feedback packet is encrypted');

  // 4. The supervisee imports the feedback and reads it under the entry.
  app = await launch(vis, { ...fast, ATTUNE_E2E_OPEN_FILE: feedbackPacket });
  b = app.browser;
  try {
    await unlock(b, PASSPHRASE);
    await waitFor(b, 'new-entry', 30_000);
    await click(b, 'nav-exchange');
    await click(b, 'packet-open');
    await waitFor(b, 'packet-outcome', 15_000);
    await click(b, 'nav-journal');
    await (await waitFor(b, 'entry-list-item')).click();
    const thread = await waitFor(b, 'feedback-thread', 15_000);
    assert.ok((await thread.getText()).includes('KestrelHeardCanary'), "the supervisor's words, under the entry");
    await look(b, '55-exchange-feedback-under-entry');
  } finally {
    await app.close();
  }
  for (const h of [sup, vis]) {
    assert.deepEqual(internetSockets(h), [], 'the app opened an internet socket');
    assert.deepEqual(findMarkers([h.data, h.cache, h.config], ALL), [], 'plaintext on disk');
  }
});
