// Back up now into a chosen folder, then restore that backup on a "new computer" (a
// fresh data folder) from the welcome screen: the entry is there after unlock.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, waitFor, webStorage } from '../lib/harness.js';
import { PASSPHRASE, listedTitles, look, setUp, unlock, writeEntry } from '../lib/flows.js';

const MARKERS = ['MagpieBackupCanary', 'FernBackupBodyCanary'];

test('back up now, then restore on a new computer', async () => {
  const home = isolatedHome('backups');
  const usb = path.join(home.base, 'usb');
  const moving = path.join(home.base, 'moving');
  mkdirSync(usb);
  mkdirSync(moving);
  const app = await launch(home, {
    ATTUNE_TEST_FAST_KDF: '1',
    ATTUNE_E2E_PICK_FOLDER: usb,
    ATTUNE_E2E_SAVE_DIR: moving,
  });
  const b = app.browser;
  try {
    await setUp(b);
    await writeEntry(b, { title: MARKERS[0], body: `A visit to keep: ${MARKERS[1]}.` });
    await click(b, testIds.backButton);
    await click(b, testIds.settingsButton);
    await click(b, testIds.backupChooseFolder);
    const folder = await waitFor(b, testIds.backupFolder);
    await b.waitUntil(async () => (await folder.getText()).includes('usb'), { timeout: 10_000 });
    await click(b, testIds.backupNow);
    await waitFor(b, testIds.backupDone);
    await b.waitUntil(async () => (await b.$$(tid(testIds.backupFile))).length === 1, { timeout: 10_000 });
    // One file to take along, saved through the (answered) save dialog.
    await click(b, testIds.backupSaveCopy);
    await waitFor(b, testIds.backupCopySaved);
    await (await b.$(tid(testIds.backupsPanel))).scrollIntoView();
    await look(b, '40-backups');
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  const files = readdirSync(usb).filter((f) => f.endsWith('.attune'));
  assert.equal(files.length, 1, `one backup in the folder: ${files}`);
  const copies = readdirSync(moving).filter((f) => f.endsWith('.attune'));
  assert.equal(copies.length, 1, `one copy to take along: ${copies}`);
  const backup = path.join(moving, copies[0]);
  // Backups are as encrypted as the journal.
  assert.deepEqual(findMarkers([usb, moving], MARKERS), [], 'plaintext in a backup');
  assert.ok(readFileSync(backup).subarray(0, 16).toString() === 'SQLite format 3\0');

  const laptop = isolatedHome('backups-new-laptop');
  const second = await launch(laptop, { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_OPEN_FILE: backup });
  const c = second.browser;
  try {
    await waitFor(c, testIds.setupRestore, 30_000);
    await look(c, '41-welcome-restore');
    await click(c, testIds.setupRestore);
    await waitFor(c, testIds.unlockPassphrase, 30_000);
    await unlock(c, PASSPHRASE);
    await c.waitUntil(async () => (await listedTitles(c)).some((t) => t.includes(MARKERS[0])), {
      timeout: 20_000,
      timeoutMsg: 'the restored entry is not there',
    });
    await look(c, '42-restored-journal');
  } finally {
    await second.close();
  }
  for (const h of [home, laptop]) {
    assert.deepEqual(internetSockets(h), [], 'the app opened an internet socket');
    assert.deepEqual(findMarkers([h.data, h.cache, h.config], MARKERS), [], 'plaintext on disk');
  }
});
