// Endorsement: a group session logged with the provider, credential and delivery, a
// training with a certificate attached (through the open dialog) and saved back out,
// then the Endorsement view for the year: the figures and what is still missing, in
// light and dark. The sessions CSV for an application comes out through the save dialog.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { click, findMarkers, internetSockets, isolatedHome, launch, testIds, tid, type, waitFor, webStorage } from '../lib/harness.js';
import { look, setUp } from '../lib/flows.js';

const PROVIDER = 'Dr HeronProviderCanary';
const TRAINING = 'KestrelTrainingCanary workshop';
const CERT_MARKER = 'PloverCertificateCanary';

/** Choose an option of a select, brought to the middle of the window first (as
 * `click` does, so the sticky header never takes the click). */
async function pick(b, id, value) {
  const el = await waitFor(b, id);
  await b.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  await el.selectByAttribute('value', value);
}

async function textOf(b, id) {
  return (await waitFor(b, id)).getText();
}

test('a session with its Endorsement details, a training, and what is missing for the year', async () => {
  const home = isolatedHome('endorsement');
  const saveDir = path.join(home.base, 'saved');
  mkdirSync(saveDir);
  const cert = path.join(home.base, 'fathers-certificate.pdf');
  const certBytes = Buffer.from(`%PDF-1.7\n% ${CERT_MARKER}\n%%EOF\n`);
  writeFileSync(cert, certBytes);
  const app = await launch(home, {
    ATTUNE_TEST_FAST_KDF: '1',
    ATTUNE_E2E_SAVE_DIR: saveDir,
    ATTUNE_E2E_OPEN_FILE: cert,
  });
  const b = app.browser;
  const year = new Date().getFullYear();
  try {
    await setUp(b);
    await click(b, testIds.navSupervision);
    await waitFor(b, testIds.sessionForm);

    // A group session, 90 minutes, with what an application asks for.
    await type(b, testIds.sessionMinutes, '90');
    await click(b, testIds.sessionFormat('group'));
    await type(b, testIds.sessionWithWhom, 'Tuesday group');
    await type(b, testIds.sessionProvider, PROVIDER);
    await type(b, testIds.sessionCredential, 'IMHM-C');
    await pick(b, testIds.sessionDelivery, 'video');
    await type(b, testIds.sessionFacilitator, PROVIDER);
    await type(b, testIds.sessionGroupSize, '5');
    await click(b, testIds.sessionPresented);
    await look(b, '40-session-details');
    await click(b, testIds.sessionSave);
    const row = await waitFor(b, testIds.sessionRow);
    assert.match(await row.getText(), /provider Dr HeronProviderCanary, IMHM-C/);

    // A training of 3 hours on diversity, equity and inclusion, with a certificate.
    await type(b, testIds.trainingTitle, TRAINING);
    await type(b, testIds.trainingProvider, 'MI-AIMH');
    await type(b, testIds.trainingHours, '3');
    await click(b, testIds.trainingTopic('dei'));
    await click(b, testIds.trainingSave);
    await waitFor(b, testIds.trainingRow);
    await click(b, testIds.trainingAttach);
    await b.waitUntil(async () => /Certificate/.test(await textOf(b, testIds.trainingRow)), {
      timeout: 10_000,
      timeoutMsg: 'the certificate was never shown attached',
    });
    await click(b, testIds.trainingCertificate);
    const saved = path.join(saveDir, 'fathers-certificate.pdf');
    await b.waitUntil(async () => {
      try {
        return statSync(saved).size > 0;
      } catch {
        return false;
      }
    }, { timeout: 10_000, timeoutMsg: 'the certificate was not saved out' });
    assert.deepEqual(readFileSync(saved), certBytes, 'the certificate comes back byte for byte');
    assert.equal(statSync(saved).mode & 0o777, 0o600);

    // My association and category, then the year's figures.
    await pick(b, testIds.endorsementAssociation, 'mi-aimh');
    await pick(b, testIds.endorsementCategory, 'ifs');
    await click(b, testIds.endorsementChoiceSave);
    await b.waitUntil(async () => /1\.5 of 12 hours/.test(await textOf(b, testIds.endorsementRsc)), {
      timeout: 10_000,
      timeoutMsg: 'the RS/C figure never showed',
    });
    const rsc = await textOf(b, testIds.endorsementRsc);
    assert.match(rsc, /Individual 0 h · group 1\.5 h/);
    assert.match(rsc, /Main provider Dr HeronProviderCanary: 1\.5 h/);
    assert.match(await textOf(b, testIds.endorsementTraining), /3 of 15 hours/);
    const missing = await textOf(b, testIds.endorsementMissing);
    assert.match(missing, /10\.5 more hours of RS\/C received \(1\.5 of 12 so far\)\./);
    assert.match(missing, /12 more hours of training \(3 of 15 so far\)\./);
    assert.match(await (await b.$('#endorsement-heading')).getText(), /Endorsement/);
    // The figures and what is missing, in the middle of the window.
    await b.execute((e) => e.scrollIntoView({ block: 'center' }), await waitFor(b, testIds.endorsementMissing));
    await look(b, '41-endorsement-light');
    // The same screen in dark: the theme is one class on <html> (see ui/src/lib/theme.ts).
    await b.execute(() => {
      document.documentElement.classList.remove('theme-light');
      document.documentElement.classList.add('theme-dark');
    });
    await look(b, '42-endorsement-dark');

    // The sessions CSV for an application.
    await click(b, testIds.endorsementExportSessions);
    const csv = path.join(saveDir, `attune-endorsement-rsc-sessions-${year}.csv`);
    await b.waitUntil(async () => {
      try {
        return statSync(csv).size > 0;
      } catch {
        return false;
      }
    }, { timeout: 10_000, timeoutMsg: 'the sessions CSV was not saved' });
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    assert.equal(lines[0], 'date,hours,provider_name,provider_credential,type,delivery');
    assert.match(lines[1], /^\d{4}-\d{2}-\d{2},1\.50,Dr HeronProviderCanary,IMHM-C,group,video$/);
    assert.equal((await b.$$(tid(testIds.trainingRow))).length, 1);
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), [], 'the app opened an internet socket');
  // The CSV and the saved certificate live outside the app's folders on purpose; the
  // journal, WebKit's data and caches hold no readable provider, training or certificate.
  assert.deepEqual(
    findMarkers([home.data, home.cache, home.config], [PROVIDER, TRAINING, CERT_MARKER]),
    [],
    'plaintext on disk',
  );
});
