// Steps several journeys share, written the way a person would do them.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { axe, click, screenshot, testIds, tid, type, waitFor } from './harness.js';

export const PASSPHRASE = 'quiet harbour lantern 42';

/** Look at a screen: a screenshot (not blank) and no serious accessibility problems. */
export async function look(browser, name) {
  await screenshot(browser, name);
  const bad = await axe(browser, name);
  assert.deepEqual(bad, [], `accessibility problems on ${name}: ${JSON.stringify(bad, null, 1)}`);
}

/**
 * First run: choose a passphrase, see the recovery key, type it back. Returns the key.
 * With `saveDir` (the app's ATTUNE_E2E_SAVE_DIR), the key is first saved to a file
 * through the save button, and the file is checked.
 */
export async function setUp(browser, { shots = false, saveDir = null } = {}) {
  await waitFor(browser, testIds.setupStart, 30_000);
  if (shots) await look(browser, '01-welcome');
  await click(browser, testIds.setupStart);
  await waitFor(browser, testIds.setupPassphrase);
  if (shots) await look(browser, '01b-choose-passphrase');
  await type(browser, testIds.setupPassphrase, PASSPHRASE);
  await type(browser, testIds.setupPassphraseConfirm, PASSPHRASE);
  await click(browser, testIds.setupSubmit);
  const keyEl = await waitFor(browser, testIds.recoveryKey, 60_000);
  const key = (await keyEl.getText()).trim();
  assert.match(key, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, 'the recovery key is shown in groups');
  if (shots) await look(browser, '02-recovery-key');
  if (saveDir) await saveKey(browser, key, saveDir, { shots });
  await confirmKey(browser, key, { shots });
  await waitFor(browser, testIds.newEntry, 30_000);
  return key;
}

/** Save the shown key through the native dialog (answered by the e2e build). */
export async function saveKey(browser, key, saveDir, { shots = false } = {}) {
  await click(browser, testIds.recoveryKeySave);
  const status = await waitFor(browser, testIds.recoveryKeySaveStatus);
  await browser.waitUntil(async () => /Saved as attune-recovery-key\.txt/.test(await status.getText()), {
    timeout: 10_000,
    timeoutMsg: 'the key was never reported saved',
  });
  if (shots) await look(browser, '02a-recovery-key-saved');
  const file = path.join(saveDir, 'attune-recovery-key.txt');
  assert.ok(readFileSync(file, 'utf8').includes(key), 'the saved file holds the shown key');
  assert.equal(statSync(file).mode & 0o777, 0o600, 'the saved key is readable by its owner only');
}

/** Type a shown recovery key back (first a mistyped one, when asked to). */
export async function confirmKey(browser, key, { shots = false, mistypeFirst = shots } = {}) {
  if (mistypeFirst) {
    const wrong = (key[0] === 'A' ? 'B' : 'A') + key.slice(1);
    await type(browser, testIds.recoveryKeyConfirm, wrong);
    await click(browser, testIds.recoveryKeySubmit);
    const alert = await browser.$(tid(testIds.recoveryKeyError));
    await browser.waitUntil(async () => (await alert.getText()) !== '', { timeout: 10_000 });
    assert.match(await alert.getText(), /typing mistake/i);
    if (shots) await look(browser, '02b-recovery-key-mistyped');
  }
  await type(browser, testIds.recoveryKeyConfirm, key.toLowerCase());
  await click(browser, testIds.recoveryKeySubmit);
}

/** Write a new entry through the editor and save it. */
export async function writeEntry(browser, { title, body, family, tag }) {
  await click(browser, testIds.newEntry);
  await type(browser, testIds.entryTitle, title);
  if (family) await type(browser, testIds.entryFamilyCode, family);
  if (tag) {
    const tags = await waitFor(browser, testIds.entryTags);
    await tags.setValue(tag);
    await browser.keys('Enter');
  }
  await type(browser, testIds.entryBody, body);
  await click(browser, testIds.entrySave);
  const state = await waitFor(browser, testIds.saveState);
  await browser.waitUntil(async () => /saved/i.test(await state.getText()) && !/not/i.test(await state.getText()), {
    timeout: 10_000,
    timeoutMsg: 'the entry never showed as saved',
  });
}

/** Titles currently listed. */
export async function listedTitles(browser) {
  await waitFor(browser, testIds.entryList);
  const items = await browser.$$(tid(testIds.entryListItem));
  const out = [];
  for (const item of items) out.push(await item.getText());
  return out;
}

export async function unlock(browser, passphrase) {
  await type(browser, testIds.unlockPassphrase, passphrase);
  await click(browser, testIds.unlockSubmit);
}
