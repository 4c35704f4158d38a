// A gentle reminder, end to end: turned on in Settings, it reaches the system's
// notification service (a test server on the journey's private D-Bus session, never the
// desktop's) with its own words and nothing from the journal. The schedule file beside
// the journal holds times only; start at login writes and removes the autostart entry.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { E2E_DIR, click, findMarkers, internetSockets, isolatedHome, launch, testIds, waitFor, webStorage } from '../lib/harness.js';
import { PASSPHRASE, look, setUp, unlock, writeEntry } from '../lib/flows.js';

const CANARIES = ['ReminderCanaryTitle', 'ReminderCanaryBody', 'FAM-RMND'];

/** Start the test notification server on this session bus; resolves once it owns the name. */
async function notificationServer(home) {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'the journeys run under dbus-run-session');
  const out = path.join(home.base, 'notifications.jsonl');
  const ready = path.join(home.base, 'notifications.ready');
  const clickFile = path.join(home.base, 'notifications.click');
  const child = spawn('/usr/bin/python3', [path.join(E2E_DIR, 'lib', 'notification-server.py'), out, ready, clickFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!existsSync(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the notification server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    shown: () =>
      existsSync(out)
        ? readFileSync(out, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l))
        : [],
    raw: () => (existsSync(out) ? readFileSync(out, 'utf8') : ''),
    stop: () => child.kill('SIGTERM'),
  };
}

async function until(condition, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a reminder reaches the notification service and shows nothing private', async () => {
  const home = isolatedHome('reminder');
  const server = await notificationServer(home);
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1', ATTUNE_E2E_REMINDER_SECONDS: '3' });
  const b = app.browser;
  const schedule = path.join(home.data, 'attune', 'reminders.json');
  const autostart = path.join(home.config, 'autostart', 'org.attune.journal.desktop');
  try {
    await setUp(b);
    await writeEntry(b, { title: CANARIES[0], body: `${CANARIES[1]} after a hard visit.`, family: CANARIES[2] });
    await click(b, testIds.backButton);

    // Off by default: nothing comes, and nothing is kept outside the journal.
    await new Promise((r) => setTimeout(r, 4_000));
    assert.deepEqual(server.shown(), []);
    assert.ok(!existsSync(schedule), 'no schedule file while every reminder is off');

    await click(b, testIds.settingsButton);
    const panel = await waitFor(b, testIds.remindersPanel);
    await b.execute((e) => e.scrollIntoView({ block: 'start' }), panel);
    await click(b, testIds.reminderReflect);
    await click(b, testIds.remindersSave);
    const saved = await waitFor(b, testIds.remindersSaved);
    await b.waitUntil(async () => /1 reminder is on/.test(await saved.getText()), { timeout: 10_000 });
    await b.execute((e) => e.scrollIntoView({ block: 'start' }), panel);
    await look(b, '60-reminders-light');
    await b.execute(() => {
      document.documentElement.classList.remove('theme-light');
      document.documentElement.classList.add('theme-dark');
    });
    await look(b, '61-reminders-dark');
    await b.execute(() => document.documentElement.classList.remove('theme-dark'));

    // The reminder arrives through org.freedesktop.Notifications, in its own words.
    await until(() => server.shown().length > 0, 'a notification');
    const [first] = server.shown();
    assert.equal(first.app_name, 'Attune');
    assert.equal(first.summary, 'A moment to reflect?');
    assert.ok(first.body.length > 0);
    assert.deepEqual(first.actions.slice(0, 1), ['default'], 'clicking it opens Attune');
    // Once a period, not a burst.
    await new Promise((r) => setTimeout(r, 4_000));
    const count = server.shown().length;
    assert.ok(count >= 2 && count <= 4, `expected one reminder per 3 s, got ${count}`);
    for (const canary of CANARIES) assert.ok(!server.raw().includes(canary), `${canary} reached a notification`);

    // The schedule kept for the locked app: owner-only, times and switches, no journal text.
    assert.ok(existsSync(schedule), 'the schedule is kept for the locked app');
    assert.equal(statSync(schedule).mode & 0o077, 0, 'the schedule file is owner-only');
    const kept = JSON.parse(readFileSync(schedule, 'utf8'));
    assert.equal(kept.schedule.reflect.on, true);
    for (const canary of CANARIES) assert.ok(!readFileSync(schedule, 'utf8').includes(canary));

    // Locked, reminders still come (the schedule does not need the journal open).
    await click(b, testIds.lockButton);
    await waitFor(b, testIds.unlockPassphrase, 15_000);
    const whileLocked = server.shown().length;
    await until(() => server.shown().length > whileLocked, 'a reminder while locked', 15_000);

    // Start at login: the autostart entry is written, then removed.
    await unlock(b, PASSPHRASE);
    await click(b, testIds.settingsButton);
    await click(b, testIds.startAtLogin);
    await until(() => existsSync(autostart), 'the autostart entry', 10_000);
    const entry = readFileSync(autostart, 'utf8');
    assert.match(entry, /^\[Desktop Entry\]\n/);
    assert.match(entry, /\nExec=.+ --background\n/);
    await click(b, testIds.startAtLogin);
    await until(() => !existsSync(autostart), 'the autostart entry removed', 10_000);

    // Turned off: the reminders stop and the schedule file goes.
    await click(b, testIds.reminderReflect);
    await click(b, testIds.remindersSave);
    const savedAgain = await waitFor(b, testIds.remindersSaved);
    await b.waitUntil(async () => /No reminders are on/.test(await savedAgain.getText()), { timeout: 10_000 });
    await until(() => !existsSync(schedule), 'the schedule file removed', 5_000);
    const atOff = server.shown().length;
    await new Promise((r) => setTimeout(r, 5_000));
    assert.equal(server.shown().length, atOff, 'no reminder after turning it off');
    assert.deepEqual(await webStorage(b), { local: 0, session: 0, idb: 0 });
  } finally {
    await app.close();
    server.stop();
  }
  // Nothing readable anywhere the app wrote.
  assert.deepEqual(findMarkers([home.data, home.cache, home.config], CANARIES), [], 'plaintext on disk');
  assert.deepEqual(internetSockets(home), []);
});
