// An exchange folder over the sync people already have. Each side chooses, for the
// other, a folder their sync keeps in step (the native folder dialog is answered by the
// e2e build: ATTUNE_E2E_PICK_FOLDER). The supervisee's share goes into her folder with
// no save dialog; the test plays the sync by copying the packet into the supervisor's
// folder, where his running, unlocked Attune notices it, offers it by name and imports
// it with the same checks as any import. A hostile file is refused once and then left
// alone; his own feedback packet, written into the folder, is never offered back. A note
// dropped on the locked window is said after the unlock.
import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor } from '../lib/harness.js';
import { PASSPHRASE, look, setUp, unlock } from '../lib/flows.js';

const ENTRY = ['OtterFolderTitleCanary', 'LarchFolderBodyCanary'];
const HEARD = 'PloverHeardCanary: the stillness you noticed.';
const ALL = [...ENTRY, 'PloverHeardCanary'];

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

async function addAndConfirm(b, card, relation) {
  await click(b, testIds.navExchange);
  await click(b, testIds.exchangeTab('contacts'));
  const paste = await waitFor(b, testIds.cardPaste);
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
  await waitFor(b, testIds.contactConfirm);
  await click(b, testIds.contactConfirm);
  await b.waitUntil(async () => (await b.$$(tid(testIds.contactConfirm))).length === 0, { timeout: 10_000 });
}

/** Choose the exchange folder for the one contact (the dialog answers with the env's folder). */
async function chooseFolder(b, folderName) {
  await click(b, testIds.contactFolderChoose);
  const name = await waitFor(b, testIds.contactFolderName, 10_000);
  assert.equal(await name.getText(), folderName, 'the folder, by name only');
  const note = await waitFor(b, testIds.contactFolderNote);
  assert.ok(!(await note.getText()).includes('/'), 'never a path');
}

const packets = (dir) => readdirSync(dir).filter((n) => n.endsWith('.attune-packet'));

test('packets travel through a folder both syncs keep in step', async () => {
  const sup = isolatedHome('folder-supervisor');
  const vis = isolatedHome('folder-supervisee');
  // Two copies of "the same" synced folder, one on each computer.
  const alexSide = path.join(vis.base, 'Attune with Sam');
  const samSide = path.join(sup.base, 'Attune with Alex');
  mkdirSync(alexSide);
  mkdirSync(samSide);
  const fast = { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_CONFIRM: 'yes' };

  // 1. The supervisor's card.
  let app = await launch(sup, fast);
  let b = app.browser;
  let samCard;
  try {
    await setUp(b);
    samCard = await myCard(b, 'Sam', 'supervisor');
  } finally {
    await app.close();
  }

  // 2. The supervisee pins Sam, chooses the folder, and shares: straight into the folder.
  app = await launch(vis, { ...fast, ATTUNE_E2E_PICK_FOLDER: alexSide });
  b = app.browser;
  let alexCard;
  try {
    await setUp(b);
    await click(b, testIds.newEntry);
    await type(b, testIds.entryTitle, ENTRY[0]);
    await type(b, testIds.entryBody, `What stayed with me: ${ENTRY[1]}.`);
    await click(b, testIds.entryFlag);
    await click(b, testIds.entrySave);
    const state = await waitFor(b, testIds.saveState);
    await b.waitUntil(async () => /^saved/i.test(await state.getText()), { timeout: 10_000 });
    await click(b, testIds.backButton);
    await addAndConfirm(b, samCard, 'my_supervisor');
    await chooseFolder(b, 'Attune with Sam');
    await look(b, '60-exchange-folder-chosen');
    alexCard = await myCard(b, 'Alex', 'supervisee');

    await click(b, testIds.exchangeTab('share'));
    await click(b, testIds.shareFlagged);
    await click(b, testIds.sharePreviewOpen);
    await waitFor(b, testIds.sharePreview);
    await click(b, testIds.shareSave);
    const note = await waitFor(b, testIds.shareNote, 15_000);
    await b.waitUntil(async () => /exchange folder you share with Sam/.test(await note.getText()), {
      timeout: 15_000,
      timeoutMsg: 'the share never said it went into the folder',
    });
    await look(b, '61-exchange-folder-shared');
  } finally {
    await app.close();
  }
  const shared = packets(alexSide);
  assert.equal(shared.length, 1, `one packet in the folder: ${readdirSync(alexSide)}`);
  assert.match(shared[0], /^attune-\d{4}-\d{2}-\d{2}-[0-9a-f]{16}\.attune-packet$/, 'a date and random digits');
  assert.deepEqual(readdirSync(alexSide), shared, 'no temporary file left');
  assert.deepEqual(findMarkers([alexSide], ALL), [], 'the packet is encrypted');

  // 3. The supervisor: a note dropped on the locked window is said after the unlock.
  // Then he pins Alex and chooses his copy of the folder; "the sync" brings the packet.
  const dropList = path.join(sup.base, 'drop-list');
  const note = path.join(sup.base, 'notes.txt');
  writeFileSync(note, 'not a packet');
  app = await launch(sup, {
    ...fast,
    ATTUNE_E2E_PICK_FOLDER: samSide,
    ATTUNE_E2E_DROP: dropList,
    ATTUNE_E2E_SAVE_DIR: path.join(sup.base),
  });
  b = app.browser;
  try {
    await waitFor(b, testIds.unlockPassphrase, 30_000);
    writeFileSync(dropList, `${note}\n`);
    await b.waitUntil(async () => !existsSync(dropList), { timeout: 10_000, timeoutMsg: 'the drop was not taken' });
    await unlock(b, PASSPHRASE);
    await waitFor(b, testIds.newEntry, 30_000);
    const kind = await waitFor(b, testIds.notAPacket, 15_000);
    assert.match(await kind.getText(), /not an Attune packet/, 'the note dropped while locked is not lost');
    await look(b, '62-exchange-dropped-while-locked');

    await addAndConfirm(b, alexCard, 'my_supervisee');
    await chooseFolder(b, 'Attune with Alex');
    copyFileSync(path.join(alexSide, shared[0]), path.join(samSide, shared[0]));
    const offered = await waitFor(b, testIds.folderPacket, 20_000);
    assert.ok((await offered.getText()).includes(shared[0]), 'offered by file name');
    assert.ok((await offered.getText()).includes('Alex'), 'and whose folder it is in');
    assert.ok(!(await offered.getText()).includes(samSide), 'never the folder path');
    await b.execute((e) => e.scrollIntoView({ block: 'center' }), offered);
    await look(b, '63-exchange-folder-offered');
    // The same in dark: the theme is one class on <html> (see ui/src/lib/theme.ts).
    const theme = (from, to) =>
      b.execute(
        (f, t) => {
          document.documentElement.classList.remove(f);
          document.documentElement.classList.add(t);
        },
        from,
        to,
      );
    await theme('theme-light', 'theme-dark');
    await look(b, '63b-exchange-folder-offered-dark');
    await click(b, testIds.exchangeTab('contacts'));
    await b.execute((e) => e.scrollIntoView({ block: 'center' }), await waitFor(b, testIds.contactFolder));
    await look(b, '63c-exchange-folder-chosen-dark');
    await theme('theme-dark', 'theme-light');
    await click(b, testIds.folderPacketImport);
    const outcome = await waitFor(b, testIds.folderPacketOutcome, 15_000);
    assert.match(await outcome.getText(), /Alex now shares one reflection with you/);
    await click(b, testIds.folderPacketDelete);
    await b.waitUntil(async () => !existsSync(path.join(samSide, shared[0])), {
      timeout: 10_000,
      timeoutMsg: 'the imported file was not deleted',
    });

    // Something hostile turns up: refused, said once, then left alone.
    writeFileSync(path.join(samSide, 'attune-2026-01-01-0000000000000000.attune-packet'), 'age-encryption.org/v1\nno');
    await waitFor(b, testIds.folderPacket, 20_000);
    await click(b, testIds.folderPacketImport);
    const refused = await waitFor(b, testIds.folderPacketError, 15_000);
    await b.waitUntil(async () => /will not offer it again/.test(await refused.getText()), { timeout: 10_000 });
    await b.execute((e) => e.scrollIntoView({ block: 'center' }), refused);
    await look(b, '64-exchange-folder-refused');
    await b.pause(6_000);
    assert.equal((await b.$$(tid(testIds.folderPacket))).length, 0, 'a refused file is not offered again');
    assert.ok(existsSync(path.join(samSide, 'attune-2026-01-01-0000000000000000.attune-packet')), 'left where it is');

    // He answers; the feedback goes into the folder too, and is never offered back.
    await click(b, testIds.navExchange);
    await click(b, testIds.exchangeTab('inbox'));
    const item = await waitFor(b, testIds.inboxItem);
    assert.ok((await item.getText()).includes(ENTRY[1]), "the supervisee's words arrived");
    await click(b, testIds.inboxRespond);
    await type(b, testIds.responseHeard, HEARD);
    await click(b, testIds.responseSave);
    await waitFor(b, testIds.inboxMyResponse, 10_000);
    await click(b, testIds.feedbackSave);
    const saved = await waitFor(b, testIds.inboxNote, 10_000);
    await b.waitUntil(async () => /also in the exchange folder you share with Alex/.test(await saved.getText()), {
      timeout: 10_000,
      timeoutMsg: 'the feedback note did not mention the folder',
    });
    await look(b, '65-exchange-folder-feedback');
    await b.pause(6_000);
    assert.equal((await b.$$(tid(testIds.folderPacket))).length, 0, 'my own packet is not offered back');
  } finally {
    await app.close();
  }
  assert.equal(packets(samSide).length, 2, 'the feedback packet and the refused file');
  assert.deepEqual(findMarkers([samSide], ALL), [], 'the feedback packet is encrypted');
  for (const h of [sup, vis]) {
    assert.deepEqual(internetSockets(h), [], 'the app opened an internet socket');
    assert.deepEqual(findMarkers([h.data, h.cache, h.config], ALL), [], 'plaintext on disk');
  }
});
