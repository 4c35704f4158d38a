// The web view can call only what its capability grants, and inline script never runs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { internetSockets, isolatedHome, launch, testIds, waitFor } from '../lib/harness.js';

test('ungranted commands are refused and inline scripts are blocked', async () => {
  const home = isolatedHome('locked-down');
  const app = await launch(home, { ATTUNE_TEST_FAST_KDF: '1' });
  const b = app.browser;
  try {
    await waitFor(b, testIds.setupStart, 30_000);
    // A refusal may come back as a rejected promise or, through WebKit's automation,
    // as a script error: either way it must not be a value.
    const call = (command) =>
      b
        .executeAsync((cmd, done) => {
          window.__TAURI_INTERNALS__
            .invoke(cmd, {})
            .then((v) => done({ ok: true, value: v }))
            .catch((e) => done({ ok: false, error: String(e && e.message ? e.message : e) }));
        }, command)
        .catch((e) => ({ ok: false, error: String(e.message) }));
    // Control: a granted command answers through the same path.
    const granted = await call('status');
    assert.equal(granted.ok, true, JSON.stringify(granted));
    // Registered, with a permission, granted to no window: refused.
    const probe = await call('e2e_probe');
    assert.equal(probe.ok, false, 'e2e_probe was reachable from the web view');
    assert.match(probe.error, /not allowed|denied|permission/i);
    // Not a command at all: refused too.
    assert.equal((await call('plugin:fs|read_file')).ok, false);
    // The dialog plugin is loaded for Rust's own use; the page may not open a dialog.
    const dialog = await call('plugin:dialog|save');
    assert.equal(dialog.ok, false, 'the web view opened a file dialog');
    assert.match(dialog.error, /not allowed|denied|permission/i);

    const ran = await b.execute(() => {
      window.__inlineRan = false;
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(s);
      return new Promise((r) => setTimeout(() => r(window.__inlineRan), 200));
    });
    assert.equal(ran, false, 'an injected inline script ran: the CSP is not in force');
  } finally {
    await app.close();
  }
  assert.deepEqual(internetSockets(home), []);
});
