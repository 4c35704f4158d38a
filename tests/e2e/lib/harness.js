// Drives the real Attune binary (built with custom-protocol and the `e2e` feature)
// through tauri-driver and WebKitWebDriver. Each journey gets its own data and cache
// folders; the app runs under strace so any internet socket is caught.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { PNG } from 'pngjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = path.resolve(here, '..');
export const ROOT = path.resolve(E2E_DIR, '..', '..');
export const APP = process.env.ATTUNE_E2E_APP ?? path.join(ROOT, 'target', 'debug', 'attune-desktop');
export const SCREENSHOTS = path.join(E2E_DIR, 'screenshots');
const WRAPPER = path.join(E2E_DIR, 'lib', 'traced-app.sh');

/** A fresh pair of isolated folders for one journey. */
export function isolatedHome(name) {
  const base = mkdtempSync(path.join(tmpdir(), `attune-e2e-${name}-`));
  const home = {
    base,
    data: path.join(base, 'data'),
    cache: path.join(base, 'cache'),
    config: path.join(base, 'config'),
    traces: path.join(base, 'traces'),
  };
  for (const dir of [home.data, home.cache, home.config, home.traces]) mkdirSync(dir, { recursive: true });
  return home;
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listening on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * Start tauri-driver with the journey's folders, then open a WebDriver session on the
 * app. `extraEnv` reaches the app (tauri-driver passes its environment on). Journeys
 * run the app under strace (the wrapper); `application` runs another binary directly
 * (the figures script measures the release build untraced).
 */
export async function launch(home, extraEnv = {}, { application = WRAPPER, args = [] } = {}) {
  const env = {
    ...process.env,
    XDG_DATA_HOME: home.data,
    XDG_CACHE_HOME: home.cache,
    XDG_CONFIG_HOME: home.config,
    ATTUNE_E2E_REAL_APP: APP,
    ATTUNE_E2E_TRACE_DIR: home.traces,
    ...extraEnv,
  };
  delete env.ATTUNE_JOURNAL;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  // Its own process group, so closing can end the driver, WebKitWebDriver, strace and
  // the app together.
  const driver = spawn('tauri-driver', ['--port', '4444', '--native-port', '4445'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let driverLog = '';
  driver.stderr.on('data', (d) => {
    driverLog += d.toString();
  });
  driver.on('error', (e) => {
    driverLog += `\ntauri-driver could not start: ${e.message}`;
  });
  await waitForPort(4444, 15_000).catch((e) => {
    driver.kill('SIGKILL');
    throw new Error(`${e.message}\n${driverLog}`);
  });
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'warn',
    connectionRetryCount: 1,
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application, args },
    },
  });
  return {
    browser,
    home,
    async close() {
      try {
        await browser.deleteSession();
      } catch {
        // The window may already be gone (a journey that closes it).
      }
      // Let the app finish on its own first (it writes the kept draft as it closes),
      // then end whatever is left of this launch.
      await appsExited(home, 15_000);
      for (const signal of ['SIGTERM', 'SIGKILL']) {
        try {
          process.kill(-driver.pid, signal);
        } catch {
          // Already gone.
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      // Nothing of the driver may keep this process alive afterwards.
      driver.stderr.destroy();
      driver.unref();
    },
  };
}

function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** Wait until every traced app process of this journey has exited (or time is up). */
async function appsExited(home, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const pids = readdirSync(home.traces)
    .filter((f) => f.startsWith('inspector.'))
    .map((f) => f.split('.')[1]);
  while (Date.now() < deadline && pids.some(alive)) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ask the running app (the window) to close, as a person clicking its close button would. */
export async function closeAppWindow(app) {
  await app.browser.closeWindow().catch((e) => {
    if (!/window handles were removed/i.test(String(e.message))) throw e;
  });
  await appsExited(app.home, 15_000);
}

// The page's test ids, from the one module the components import too.
export { testIds } from '../../../ui/src/lib/testids.js';

/** `[data-testid="…"]` */
export const tid = (id) => `[data-testid="${id}"]`;

export async function waitFor(browser, id, timeout = 15_000) {
  const el = await browser.$(tid(id));
  await el.waitForDisplayed({ timeout });
  return el;
}

export async function click(browser, id) {
  const el = await waitFor(browser, id);
  // Scrolling an element to the top of the window puts it under the sticky header,
  // which then takes the click: bring it to the middle first, and if something still
  // sits over it (a screen settling), try again shortly.
  for (let attempt = 0; ; attempt++) {
    try {
      await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
      await el.click();
      return el;
    } catch (e) {
      if (attempt >= 5 || !/intercepted/i.test(String(e.message))) throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

export async function type(browser, id, text) {
  const el = await waitFor(browser, id);
  if (text === '') {
    // WebKitWebDriver refuses an empty send-keys; clear, then a key the page hears.
    await el.clearValue();
    await el.addValue(' ');
    await browser.keys('Backspace');
  } else {
    await el.setValue(text);
  }
  return el;
}

/**
 * Save a screenshot once the window has settled, and fail if it is a single colour (a
 * blank window). On this WebKitGTK, WEBKIT_DISABLE_COMPOSITING_MODE=1 makes WebDriver
 * screenshots hang, so it is not set; this check catches the blank window it was meant
 * to prevent.
 */
export async function screenshot(browser, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Under Xvfb the window can lag the DOM by a frame or more: take shots until two in a
  // row are the same picture, and never accept a blank (single-colour) one.
  let previous = null;
  for (let attempt = 0; attempt < 20; attempt++) {
    await browser.saveScreenshot(file);
    const bytes = readFileSync(file);
    if (!singleColour(PNG.sync.read(bytes)) && previous !== null && bytes.equals(previous)) return file;
    previous = bytes;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!singleColour(PNG.sync.read(readFileSync(file)))) return file;
  throw new Error(`screenshot ${name} is a single colour: the window rendered blank`);
}

function singleColour(png) {
  const first = png.data.readUInt32BE(0);
  for (let i = 4; i < png.data.length; i += 4 * 97) {
    if (png.data.readUInt32BE(i) !== first) return false;
  }
  return true;
}

const AXE_SOURCE = readFileSync(path.join(E2E_DIR, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Run axe-core in the real web view; return serious and critical violations. */
export async function axe(browser, screen) {
  // The page's CSP forbids eval (as it should), so axe comes in as the body of a
  // WebDriver script, which the automation channel runs outside the page's CSP.
  const loaded = await browser.execute(`${AXE_SOURCE}\n;return typeof window.axe;`);
  if (loaded !== 'object') throw new Error(`axe could not load on ${screen}: ${loaded}`);
  const result = await browser.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) =>
        done(
          JSON.stringify(
            r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
            })),
          ),
        ),
      )
      .catch((e) => done(JSON.stringify({ error: String(e) })));
  });
  const parsed = JSON.parse(result);
  if (parsed.error) throw new Error(`axe could not run on ${screen}: ${parsed.error}`);
  const bad = parsed.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(path.join(SCREENSHOTS, `${screen}.axe.json`), JSON.stringify(parsed, null, 2));
  return bad;
}

/** Web storage must stay empty: drafts and settings live only in the encrypted store. */
export async function webStorage(browser) {
  return browser.executeAsync((done) => {
    const out = { local: window.localStorage.length, session: window.sessionStorage.length, idb: -1 };
    if (indexedDB.databases) {
      indexedDB
        .databases()
        .then((dbs) => done({ ...out, idb: dbs.length }))
        .catch(() => done(out));
    } else done(out);
  });
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** Files under `dirs` that contain any marker, in UTF-8, UTF-16LE or UTF-16BE. */
export function findMarkers(dirs, markers) {
  const hits = [];
  const needles = markers.flatMap((m) => {
    const le = Buffer.from(m, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    return [
      [m, 'utf-8', Buffer.from(m, 'utf8')],
      [m, 'utf-16le', le],
      [m, 'utf-16be', be],
    ];
  });
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const bytes = readFileSync(file);
      for (const [marker, enc, needle] of needles) {
        if (bytes.includes(needle)) hits.push(`${marker} (${enc}) in ${file}`);
      }
    }
  }
  return hits;
}

/**
 * Internet socket activity in strace logs that is not the WebDriver automation channel
 * (`inspector`, e.g. "127.0.0.1:40001", set by WebKitWebDriver). Flags any AF_INET or
 * AF_INET6 connect, bind or send to another address, and any internet socket that is
 * never tied to the automation channel.
 */
export function foreignSockets(traceText, inspector) {
  const allowed = inspector ? `sin_port=htons(${inspector.split(':')[1]}), sin_addr=inet_addr("127.0.0.1")` : null;
  const pending = new Map(); // fd -> socket() line not yet tied to the automation channel
  const bad = [];
  for (const raw of traceText.split('\n')) {
    const line = raw.trim();
    if (!/AF_INET6?\b/.test(line)) continue;
    const created = line.match(/socket\(AF_INET6?,.*\)\s*=\s*(\d+)/);
    if (created) {
      pending.set(created[1], line);
      continue;
    }
    const use = line.match(/(connect|bind|sendto|sendmsg)\((\d+),/);
    if (use) {
      if (allowed && line.includes(allowed)) pending.delete(use[2]);
      else bad.push(line);
      continue;
    }
    if (/socket\(AF_INET6?/.test(line)) bad.push(line); // a failed socket() call
  }
  return [...bad, ...pending.values()];
}

/** Internet socket activity of the app (and its WebKit processes) in this journey. */
export function internetSockets(home) {
  const files = filesUnder(home.traces);
  // One launch writes app.<pid>.trace.<tid> per thread (strace -ff): read them together.
  const launches = new Map();
  for (const f of files) {
    const m = path.basename(f).match(/^app\.(\d+)\.trace/);
    if (m) launches.set(m[1], (launches.get(m[1]) ?? '') + readFileSync(f, 'utf8') + '\n');
  }
  const traced = [...launches.values()].some((t) => t.includes('socket('));
  if (!traced) throw new Error(`no strace log of the app's sockets in ${home.traces}: was it traced?`);
  const out = [];
  for (const [pid, trace] of launches) {
    const inspector = readFileSync(path.join(home.traces, `inspector.${pid}`), 'utf8').trim();
    if (inspector && !inspector.startsWith('127.0.0.1:')) out.push(`automation channel not on loopback: ${inspector}`);
    out.push(...foreignSockets(trace, inspector));
  }
  return out;
}
