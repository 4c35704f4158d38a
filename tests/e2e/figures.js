// Figures for the running desktop app (not a test: it prints what it measures).
// Run through scripts/app-figures.sh, which builds the release app, seeds a journal and
// starts Xvfb and a D-Bus session. Every figure is measured here, on this machine.
//
//   node figures.js JOURNAL_HOME ENTRIES
//
// JOURNAL_HOME holds data/attune/ (the seeded journal). The app runs untraced.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, testIds, tid, type, waitFor } from './lib/harness.js';

const [homeBase, entriesArg] = process.argv.slice(2);
const ENTRIES = Number(entriesArg ?? 10000);
const APP = process.env.ATTUNE_FIGURES_APP;
const PASSPHRASE = process.env.ATTUNE_FIGURES_PASSPHRASE;
const RARE_WORD = 'lullaby';
const STARTS = 5;
const SEARCHES = 40;
const TYPED = 10;

if (!homeBase || !APP || !PASSPHRASE) {
  console.error('usage: ATTUNE_FIGURES_APP=BIN ATTUNE_FIGURES_PASSPHRASE=P node figures.js HOME [ENTRIES]');
  process.exit(2);
}

const home = {
  base: homeBase,
  data: path.join(homeBase, 'data'),
  cache: path.join(homeBase, 'cache'),
  config: path.join(homeBase, 'config'),
  traces: path.join(homeBase, 'traces'),
};

const ms = (x) => `${x.toFixed(1)} ms`;
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const summary = (values) =>
  `p50 ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}, min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))} (n=${values.length})`;

/** Every process descended from the app (the app itself and WebKit's helpers). */
function appProcesses() {
  const parents = new Map();
  const names = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      names.set(pid, stat.slice(stat.indexOf('(') + 1, close));
      parents.set(pid, stat.slice(close + 2).split(' ')[1]);
    } catch {
      // Gone meanwhile.
    }
  }
  const roots = [...names].filter(([, n]) => n.startsWith('attune-desktop')).map(([p]) => p);
  const found = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (found.has(parent) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found].map((pid) => ({ pid, name: names.get(pid) }));
}

function memoryOf(pid) {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (key) => Number((rollup.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) ?? [0, 0])[1]);
  return { rss: kb('Rss') / 1024, pss: kb('Pss') / 1024 };
}

async function coldStarts() {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const app = await launch(home, {}, { application: APP });
    try {
      await waitFor(app.browser, testIds.unlockPassphrase, 60_000);
      times.push(performance.now() - started);
    } finally {
      await app.close();
    }
  }
  return times;
}

async function main() {
  console.log(`== Desktop app, ${ENTRIES} entries, release build: ${APP}`);
  const starts = await coldStarts();
  console.log(`start to unlock screen (new process each time, WebDriver session included): ${summary(starts)}`);

  const app = await launch(home, {}, { application: APP });
  const b = app.browser;
  try {
    await type(b, testIds.unlockPassphrase, PASSPHRASE);
    const unlockStarted = performance.now();
    await (await waitFor(b, testIds.unlockSubmit)).click();
    await b.waitUntil(async () => (await b.$$(tid(testIds.entryListItem))).length > 0, { timeout: 60_000 });
    console.log(
      `unlock (fast test key derivation) to first list page shown, seen through WebDriver: ${ms(performance.now() - unlockStarted)}`,
    );

    // Steady state: give the web view a moment to settle, then read every process.
    await new Promise((r) => setTimeout(r, 3000));
    let rss = 0;
    let pss = 0;
    for (const { pid, name } of appProcesses()) {
      const m = memoryOf(pid);
      rss += m.rss;
      pss += m.pss;
      console.log(`  ${name.padEnd(22)} pid ${pid.padEnd(8)} RSS ${m.rss.toFixed(1)} MB, PSS ${m.pss.toFixed(1)} MB`);
    }
    console.log(`memory of all app processes, unlocked, list shown: RSS ${rss.toFixed(1)} MB, PSS ${pss.toFixed(1)} MB`);

    // The search itself: the page asks Rust through IPC and waits for the page of
    // results, as the list does, timed inside the web view.
    const rounds = await b.executeAsync(
      (word, n, done) => {
        const req = {
          text: word,
          filter: { from: null, to: null, tag: null, kind: null, family_code: null, flagged: false, trash: false },
          sort: 'newest',
          offset: 0,
          limit: 50,
        };
        const times = [];
        let total = -1;
        const once = (i) => {
          if (i === n) {
            done({ times, total });
            return;
          }
          const t = performance.now();
          window.__TAURI_INTERNALS__.invoke('find_entries', { req }).then((page) => {
            times.push(performance.now() - t);
            total = page.total;
            once(i + 1);
          }, (e) => done({ error: String(e && e.message ? e.message : e) }));
        };
        once(0);
      },
      RARE_WORD,
      SEARCHES,
    );
    if (rounds.error) throw new Error(rounds.error);
    console.log(`search "${RARE_WORD}" (${rounds.total} hits), IPC round trip from the page: ${summary(rounds.times)}`);

    // What a person feels: from the keystroke to the new list on screen. The list
    // waits for a pause in typing first (150 ms debounce), which is included here.
    const typed = [];
    const box = await waitFor(b, testIds.searchInput);
    for (let i = 0; i < TYPED; i++) {
      const word = i % 2 === 0 ? RARE_WORD : `${RARE_WORD}s`;
      // The function runs in the page, which cannot see this module: selectors go in as arguments.
      const t = await b.executeAsync(
        (w, inputSelector, listSelector, done) => {
          const input = document.querySelector(inputSelector);
          const list = document.querySelector(listSelector);
          const started = performance.now();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => done(performance.now() - started));
          });
          observer.observe(list, { childList: true, subtree: true, characterData: true });
          input.value = w;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        word,
        tid(testIds.searchInput),
        tid(testIds.entryList),
      );
      typed.push(t);
    }
    await box.clearValue();
    console.log(`typed word to updated list painted (150 ms debounce included): ${summary(typed)}`);
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
