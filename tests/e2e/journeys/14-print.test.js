// The hours statement printed to PDF from the Supervision view, through the save dialog
// (answered by the e2e build): the file is a real PDF, owner-only, named by its dates,
// with the session and its totals in its text and nothing of the notes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { click, internetSockets, isolatedHome, launch, testIds, type, waitFor } from '../lib/harness.js';
import { look, setUp } from '../lib/flows.js';

const NOTES_MARKER = 'OsprayPrintNotesCanary';

test('the hours statement prints to a PDF through the save dialog', async () => {
  const home = isolatedHome('print');
  const saveDir = path.join(home.base, 'saved');
  mkdirSync(saveDir);
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_SAVE_DIR: saveDir });
  const b = app.browser;
  const year = new Date().getFullYear();
  try {
    await setUp(b);
    await click(b, testIds.navSupervision);
    await waitFor(b, testIds.sessionForm);
    await type(b, testIds.sessionMinutes, '90');
    await type(b, testIds.sessionWithWhom, 'Dr. Rivera');
    await type(b, testIds.sessionNotes, `Private notes ${NOTES_MARKER}`);
    await click(b, testIds.sessionSave);
    await waitFor(b, testIds.sessionRow);
    await click(b, testIds.hoursPrint);
    const note = await waitFor(b, testIds.hoursExported);
    assert.match(await note.getText(), /attune-hours-.*\.pdf/);
    await look(b, '140-hours-printed');

    const files = readdirSync(saveDir).filter((f) => f.endsWith('.pdf'));
    assert.deepEqual(files, [`attune-hours-${year}-01-01-to-${year}-12-31.pdf`]);
    const file = path.join(saveDir, files[0]);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'owner-only');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split(/\s+/).join(' ');
    assert.match(text, /Hours statement/);
    assert.match(text, /1\.50 Individual Dr\. Rivera/);
    assert.match(text, /Total 1 1\.50/);
    assert.match(text, /Provider signature/);
    assert.ok(!text.includes(NOTES_MARKER), 'notes never reach the statement');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /Title:\s+Attune — hours statement/);
    assert.ok(!info.includes('Rivera'), 'no names in the metadata');
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), [], 'the app opened an internet socket');
});
