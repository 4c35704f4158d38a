// An in-memory journal that behaves like the core, for component tests and the
// dev-only preview. It follows the core's rules and messages (src/journal, src/api in
// the Rust crate): the passphrase minimum, recovery-key mistype vs wrong key, entry
// validation, filters, accent- and case-insensitive all-words search with "quoted
// phrases" at word starts, newest first, paging with a total, the trash, drafts staged
// and kept across a lock, settings from 1 to 240 minutes, and `locked` errors.
import { AttuneError, type Backend, type Command, type Commands } from './index';
import { FakeBackups } from './fake-backups';
import { FakeExchange } from './fake-exchange';
import { FakeImport } from './fake-import';
import { FakeLoop } from './fake-loop';
import { CHECKIN_FORM, FakeGuided, LENSES, fakeDeid, fakeSilenced } from './fake-guided';
import { FakeSessions } from './fake-sessions';
import { ENDORSEMENT_DATA, FakeEndorsement } from './fake-endorsement';
import { DEFAULT_SETTINGS } from '../settings';
import type {
  Draft,
  Entry,
  EntryChange,
  EntrySummary,
  ErrorCode,
  FindRequest,
  Imported,
  NewEntry,
  Page,
  Settings,
  Snippet,
  Status,
} from '../ipc/types';

export interface FakeCall {
  command: Command;
  req: unknown;
}

/** An entry to start with; anything missing takes the core's default. */
export type SeedEntry = Partial<NewEntry> & {
  body?: string;
  /** Brought in from another app (set by the import, never by `create_entry`). */
  imported?: Imported;
  created_at?: string;
  updated_at?: string;
  deleted_at?: string | null;
};

export interface FakeOptions {
  /** A journal exists with this passphrase. */
  passphrase?: string;
  unlocked?: boolean;
  entries?: SeedEntry[];
  settings?: Partial<Settings>;
  /** A draft kept (encrypted) when the journal last locked. */
  keptDraft?: Draft | null;
  /** Delay for the slow, key-deriving commands, in ms. */
  slowMs?: number;
  now?: () => Date;
  damagedRecords?: number;
  testJournal?: boolean;
}

const MIN_PASSPHRASE_CHARS = 10;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SNIPPET_BEFORE = 60;
const SNIPPET_CHARS = 180;

function err(code: ErrorCode, message: string): AttuneError {
  return new AttuneError(code, message);
}

const locked = () => err('locked', 'The journal is locked. Unlock it to go on.');
const invalid = (message: string) => err('invalid_input', message);

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function charCount(s: string): number {
  return Array.from(s).length;
}

// ---- recovery keys: Crockford base32, eight groups of four, with check characters ----

function checkChars(values: number[]): number[] {
  let h = 0x811c9dc5;
  for (const v of values) {
    h ^= v + 1;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [(h >>> 15) & 31, (h >>> 10) & 31, (h >>> 5) & 31, h & 31];
}

function showKey(values: number[]): string {
  const chars = values.map((v) => ALPHABET[v]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** A fresh, well-formed recovery key (random; not tied to any journal). */
export function makeRecoveryKey(random: () => number = Math.random): string {
  const body = Array.from({ length: 28 }, () => Math.floor(random() * 32));
  return showKey([...body, ...checkChars(body)]);
}

/** The same key with one character changed, so its check characters fail. */
export function mistypeRecoveryKey(key: string): string {
  const i = key.indexOf('-') + 1; // first character of the second group
  const c = key[i]!;
  const swapped = ALPHABET[(ALPHABET.indexOf(c) + 1) % 32]!;
  return key.slice(0, i) + swapped + key.slice(i + 1);
}

/** Read a typed key as the core does, or throw its recovery_key_mistyped error. */
function parseRecoveryKey(typed: string): string {
  const values: number[] = [];
  for (const raw of typed) {
    if (raw === '-' || /\s/.test(raw)) continue;
    let c = raw.toUpperCase();
    if (c === 'O') c = '0';
    if (c === 'I' || c === 'L') c = '1';
    const v = ALPHABET.indexOf(c);
    if (v < 0) {
      throw err(
        'recovery_key_mistyped',
        'A recovery key uses only digits and the letters A to Z without U; please check it.',
      );
    }
    values.push(v);
  }
  if (values.length !== 32) {
    throw err(
      'recovery_key_mistyped',
      `A recovery key has 32 letters and digits (eight groups of four); this one has ${values.length}.`,
    );
  }
  const check = checkChars(values.slice(0, 28));
  if (check.some((v, i) => values[28 + i] !== v)) {
    throw err(
      'recovery_key_mistyped',
      'This recovery key has a typing mistake; please check each group against your copy.',
    );
  }
  return showKey(values);
}

// ---- search, as in the core's journal::search ----

function foldChar(c: string): string {
  return c.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function fold(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function parseQuery(text: string): string[] {
  const needles: string[] = [];
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (rest === '') break;
    if (rest.startsWith('"')) {
      const after = rest.slice(1);
      const end = after.indexOf('"');
      const phrase = end < 0 ? after : after.slice(0, end);
      rest = end < 0 ? '' : after.slice(end + 1);
      const words = phrase.split(/\s+/).filter(Boolean).map(fold);
      if (words.length) needles.push(words.join(' '));
    } else {
      const m = /[\s"]/.exec(rest);
      const end = m ? m.index : rest.length;
      const word = fold(rest.slice(0, end)).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (word) needles.push(word);
      rest = rest.slice(end);
    }
  }
  return needles;
}

function findAtWordStart(hay: string, needle: string, from: number): number {
  let start = from;
  for (;;) {
    const at = hay.indexOf(needle, start);
    if (at < 0) return -1;
    const prev = Array.from(hay.slice(0, at)).pop();
    if (!isAlnum(prev) || !isAlnum(Array.from(needle)[0])) return at;
    start = at + 1;
  }
}

function preview(text: string): string {
  const flat = text.split(/\s+/).filter(Boolean).join(' ');
  const chars = Array.from(flat);
  if (chars.length <= SNIPPET_CHARS) return flat;
  const cut = chars.slice(0, SNIPPET_CHARS).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

function snippet(text: string, needles: string[]): Snippet | null {
  const flat = Array.from(text.split(/\s+/).filter(Boolean).join(' '));
  let folded = '';
  const sourceOf: number[] = []; // per UTF-16 unit of `folded`
  flat.forEach((c, i) => {
    const f = foldChar(c);
    folded += f;
    for (let k = 0; k < f.length; k++) sourceOf.push(i);
  });
  sourceOf.push(flat.length);
  const hits: Array<[number, number]> = [];
  for (const needle of needles) {
    let from = 0;
    for (;;) {
      const at = findAtWordStart(folded, needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      hits.push([sourceOf[at]!, Math.max(sourceOf[Math.min(end, sourceOf.length - 1)]!, sourceOf[at]! + 1)]);
      from = end;
    }
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const first = hits[0]![0];
  let start = Math.max(0, first - SNIPPET_BEFORE);
  while (start > 0 && start < first && flat[start - 1] !== ' ') start++;
  const end = Math.min(start + SNIPPET_CHARS, flat.length);
  let shown = flat.slice(start, end).join('');
  let offset = 0;
  if (start > 0) {
    shown = `…${shown}`;
    offset = 1;
  }
  if (end < flat.length) shown += '…';
  return {
    text: shown,
    highlights: hits
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]) => [s - start + offset, e - start + offset] as [number, number]),
  };
}

// ---- settings: reminders, as journal::reminders::ReminderSettings::validate checks them ----

function checkReminders(r: Settings['reminders']): void {
  const minutes = [r.reflect.at_minute, r.prepare.at_minute, r.checkin.at_minute, r.renewal.at_minute];
  if (minutes.some((m) => !Number.isInteger(m) || m < 0 || m >= 24 * 60)) {
    throw invalid('Choose a reminder time between 00:00 and 23:59.');
  }
  const days = [...r.reflect.weekdays, ...(r.prepare.weekday == null ? [] : [r.prepare.weekday]), r.checkin.weekday];
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw invalid('Choose weekdays from Monday to Sunday.');
  if (!Number.isInteger(r.checkin.every_weeks) || r.checkin.every_weeks < 1 || r.checkin.every_weeks > 12) {
    throw invalid('A check-in reminder can come every 1 to 12 weeks.');
  }
  if (!Number.isInteger(r.renewal.weeks_before) || r.renewal.weeks_before < 1 || r.renewal.weeks_before > 26) {
    throw invalid('The renewal reminder can start 1 to 26 weeks before the due date.');
  }
}

// ---- settings: the supports list and local numbers, as journal::Settings tidies and checks them ----

function checkLine(what: string, text: string, max: number): void {
  if (charCount(text) > max) throw invalid(`${what} can be up to ${max} characters.`);
  if (/\p{Cc}/u.test(text)) throw invalid(`${what} fits on one line.`);
}

function tidySupports(s: Settings): Settings {
  const supports = s.my_supports
    .map((x) => ({ label: x.label.trim(), reach: x.reach.trim() }))
    .filter((x) => x.label !== '' || x.reach !== '');
  const local = (t: string | null | undefined) => (t?.trim() ? t.trim() : null);
  const out: Settings = { ...s, my_supports: supports, crisis_line: local(s.crisis_line), emergency_number: local(s.emergency_number) };
  if (supports.length > 12) throw invalid('My supports can hold up to 12 people or services.');
  for (const x of supports) {
    if (x.label === '') throw invalid('Each support needs a name, like "My supervisor" or "A friend".');
    checkLine("A support's name", x.label, 60);
    checkLine('How to reach a support', x.reach, 120);
  }
  if (out.crisis_line) checkLine('The crisis line', out.crisis_line, 80);
  if (out.emergency_number) checkLine('The emergency number', out.emergency_number, 80);
  return out;
}

// ---- entries ----

function validate(e: Entry): void {
  e.title = e.title?.trim() || null;
  if (e.title && charCount(e.title) > 200) throw invalid('A title can be at most 200 characters.');
  e.family_code = e.family_code?.trim() || null;
  if (e.family_code && (charCount(e.family_code) > 16 || !/^[\p{L}\p{N}_-]+$/u.test(e.family_code))) {
    throw invalid(
      "A family code is a short code you choose (up to 16 letters, digits, '-' or '_'), never a name.",
    );
  }
  const tags: string[] = [];
  for (const raw of e.tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    if (!tag) continue;
    if (charCount(tag) > 40) throw invalid('A tag can be at most 40 characters.');
    if (tag.includes(',') || /\p{Cc}/u.test(tag)) throw invalid('A tag cannot contain commas or line breaks.');
    if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  if (tags.length > 30) throw invalid('A reflection can have at most 30 tags.');
  e.tags = tags;
  if (e.carrying !== null && (e.carrying < 0 || e.carrying > 10 || !Number.isInteger(e.carrying))) {
    throw invalid('The "how heavy does this feel" rating goes from 0 to 10.');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.encounter_date)) throw invalid('A date is written YYYY-MM-DD.');
}

function searchable(e: Entry): string {
  const parts = [e.title ?? '', e.family_code ?? '', ...e.tags, e.body];
  for (const a of e.answers) {
    if (a.value.type === 'text' || a.value.type === 'choice') parts.push(a.value.value);
    else if (a.value.type === 'plan') parts.push(a.value.value.step);
  }
  return fold(parts.join('\n'));
}

export class FakeBackend implements Backend {
  /** Every call, in order, with a copy of its request. */
  readonly calls: FakeCall[] = [];
  /** The recovery key that opens this journal right now. */
  recoveryKey: string | null = null;
  /** A key just issued and not yet typed back: the only one that can be saved. */
  freshKey: string | null = null;
  /** Files "saved" through the (imaginary) native dialog: name and contents. */
  readonly savedFiles: { name: string; text: string }[] = [];
  passphrase: string | null;
  unlocked: boolean;
  entries: Entry[] = [];
  settings: Settings;
  /** Whether the autostart entry is there (start at login). */
  startsAtLogin = false;
  staged: Draft | null = null;
  kept: Draft | null;
  /** Packs, check-ins, insights and the de-identification scan. */
  readonly guided: FakeGuided;
  /** Supervision sessions, RS/C hours and the hours CSV. */
  readonly supervision: FakeSessions;
  /** Training records, certificates and the Endorsement figures. */
  readonly endorsement: FakeEndorsement;
  /** The backup folder, backups taken, and the folder and restore dialogs. */
  readonly backups: FakeBackups;
  /** Identity, contacts, shares, inbox and feedback of the supervision exchange. */
  readonly exchange: FakeExchange;
  readonly loop: FakeLoop;
  /** Bringing a journal over from another app: the export the dialog offers. */
  readonly importer: FakeImport;
  private readonly handlers = new Set<() => void>();
  private readonly failures = new Map<Command, AttuneError>();
  private seq = 0;
  private readonly slowMs: number;
  private readonly now: () => Date;
  private readonly damaged: number;
  private testJournal: boolean;

  constructor(options: FakeOptions = {}) {
    this.passphrase = options.passphrase ?? null;
    this.unlocked = options.unlocked ?? false;
    this.settings = { ...clone(DEFAULT_SETTINGS), ...options.settings };
    this.kept = options.keptDraft ?? null;
    this.slowMs = options.slowMs ?? 0;
    this.now = options.now ?? (() => new Date());
    this.damaged = options.damagedRecords ?? 0;
    this.testJournal = options.testJournal ?? false;
    this.guided = new FakeGuided(this.now, (code, message) => err(code, message));
    this.supervision = new FakeSessions(
      this.now,
      (code, message) => err(code, message),
      (id) => this.entries.some((e) => e.id === id),
      () => this.settings.rsc_hours_target ?? null,
      (name, text) => this.savedFiles.push({ name, text }),
    );
    this.endorsement = new FakeEndorsement(
      this.now,
      (code, message) => err(code, message),
      () => this.supervision.sessions,
      () => this.settings.endorsement ?? null,
      (name, text) => this.savedFiles.push({ name, text }),
    );
    this.backups = new FakeBackups(this.now, err, {
      get: () => this.settings,
      set: (settings) => (this.settings = settings),
    });
    this.exchange = new FakeExchange(
      this.now,
      (code, message) => err(code, message),
      () => this.entries,
      () => this.settings.deid_allow,
    );
    this.loop = new FakeLoop(this.now, (code, message) => err(code, message), {
      entries: () => this.entries,
      sessions: () => this.supervision.sessions,
      threads: () => this.exchange.threads,
      contacts: () => this.exchange.list(),
      agenda: (contactId) =>
        this.exchange
          .inbox(contactId)
          .flatMap((g) => g.items)
          .filter((i) => i.on_agenda),
    });
    this.importer = new FakeImport(invalid, (entry) => this.seed(entry));
    if (this.passphrase !== null) this.recoveryKey = makeRecoveryKey();
    for (const seed of options.entries ?? []) this.seed(seed);
  }

  /** Add an entry directly (no call is recorded). */
  seed(s: SeedEntry): Entry {
    const stamp = s.created_at ?? this.now().toISOString();
    const entry: Entry = {
      id: this.nextId(),
      created_at: stamp,
      updated_at: s.updated_at ?? stamp,
      encounter_date: s.encounter_date ?? stamp.slice(0, 10),
      kind: s.kind ?? 'encounter',
      setting: s.setting ?? null,
      family_code: s.family_code ?? null,
      title: s.title ?? null,
      prompt_pack: s.prompt_pack ?? null,
      answers: s.answers ?? [],
      body: s.body ?? '',
      tags: s.tags ?? [],
      carrying: s.carrying ?? null,
      bring_to_supervision: s.bring_to_supervision ?? false,
      not_names: s.not_names ?? [],
      revision: 1,
      deleted_at: s.deleted_at ?? null,
      ...(s.imported ? { imported: s.imported } : {}),
    };
    validate(entry);
    this.entries.push(entry);
    return clone(entry);
  }

  /** The requests of every call to `command`, in order. */
  callsTo<C extends Command>(command: C): Array<Commands[C][0]> {
    return this.calls.filter((c) => c.command === command).map((c) => c.req as Commands[C][0]);
  }

  /** Command names in call order. */
  names(): Command[] {
    return this.calls.map((c) => c.command);
  }

  /** Make the next call to `command` fail with `error`. */
  failNext(command: Command, error: AttuneError): void {
    this.failures.set(command, error);
  }

  /** The shell locks on its own (idle, suspend, screen lock) and tells the window. */
  shellLock(): void {
    this.doLock();
    for (const h of [...this.handlers]) h();
  }

  onLocked(handler: () => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async call<C extends Command>(command: C, req: Commands[C][0]): Promise<Commands[C][1]> {
    this.calls.push({ command, req: clone(req) });
    await Promise.resolve();
    const failure = this.failures.get(command);
    if (failure) {
      this.failures.delete(command);
      throw failure;
    }
    const result = await this.handle(command, clone(req));
    return clone(result) as Commands[C][1];
  }

  private async handle(command: Command, req: unknown): Promise<unknown> {
    switch (command) {
      case 'status':
        return this.status();
      case 'about':
        return { version: '0.1.0', schema_version: 2 };
      case 'create_journal':
        return this.create((req as Commands['create_journal'][0]).passphrase);
      case 'unlock':
        return this.unlock((req as Commands['unlock'][0]).passphrase);
      case 'recover': {
        const r = req as Commands['recover'][0];
        return this.recover(r.recovery_key, r.new_passphrase);
      }
      case 'lock':
        this.doLock();
        return null;
      case 'note_activity':
        return null;
      case 'start_at_login':
        return this.startsAtLogin;
      case 'set_start_at_login':
        this.startsAtLogin = (req as Commands['set_start_at_login'][0]).on;
        return this.startsAtLogin;
      case 'lenses':
        return LENSES;
      case 'checkin_form':
        return CHECKIN_FORM;
      case 'restore_backup':
        if (this.passphrase === null) {
          // A new computer: the backup becomes the journal, locked, with its passphrase.
          const restored = this.backups.restore();
          if (restored) {
            this.passphrase = this.backups.restoredPassphrase;
            this.recoveryKey = makeRecoveryKey();
          }
          return restored;
        }
        break;
      default:
        break;
    }
    if (!this.unlocked) throw locked();
    switch (command) {
      case 'check_recovery_key': {
        const key = parseRecoveryKey((req as Commands['check_recovery_key'][0]).recovery_key);
        if (key !== this.recoveryKey) throw this.wrongKey();
        this.freshKey = null;
        return null;
      }
      case 'save_recovery_key': {
        if (this.freshKey === null) {
          throw invalid('The recovery key can be saved only while it is on screen, right after it is made.');
        }
        const name = 'attune-recovery-key.txt';
        this.savedFiles.push({ name, text: `Attune recovery key\n\n${this.freshKey}\n` });
        return { saved: true, file_name: name };
      }
      case 'change_passphrase': {
        const r = req as Commands['change_passphrase'][0];
        this.checkNew(r.new_passphrase);
        await delay(this.slowMs);
        if (r.current.normalize('NFC') !== this.passphrase) throw this.wrongPassphrase();
        this.passphrase = r.new_passphrase.normalize('NFC');
        return null;
      }
      case 'find_entries':
        return this.find(req as FindRequest);
      case 'get_entry':
        return this.get((req as Commands['get_entry'][0]).id);
      case 'create_entry':
        return this.createEntry(req as NewEntry);
      case 'update_entry': {
        const r = req as Commands['update_entry'][0];
        return this.update(r.id, r.change);
      }
      case 'trash_entry':
        return this.trash((req as Commands['trash_entry'][0]).id);
      case 'restore_entry':
        return this.restore((req as Commands['restore_entry'][0]).id);
      case 'stage_draft':
        this.staged = req as Draft;
        return null;
      case 'kept_draft':
        return this.staged ?? this.kept;
      case 'discard_draft':
        this.staged = null;
        this.kept = null;
        return null;
      case 'get_settings':
        return this.settings;
      case 'save_settings': {
        const s = req as Settings;
        if (!Number.isInteger(s.auto_lock_minutes) || s.auto_lock_minutes < 1 || s.auto_lock_minutes > 240) {
          throw invalid('Auto-lock can be set from 1 to 240 minutes.');
        }
        checkReminders(s.reminders);
        this.settings = tidySupports(s);
        return this.settings;
      }
      case 'entry_answers':
        return this.guided.entryAnswers(this.get((req as Commands['entry_answers'][0]).id));
      case 'list_packs':
        return this.guided.listPacks();
      case 'get_pack':
        return this.guided.getPack(req as Commands['get_pack'][0]);
      case 'duplicate_pack':
        return this.guided.duplicatePack(req as Commands['duplicate_pack'][0]);
      case 'save_pack':
        return this.guided.savePack(req as Commands['save_pack'][0]);
      case 'delete_pack':
        return this.guided.deletePack(req as Commands['delete_pack'][0]);
      case 'insights':
        return this.guided.insights(this.entries, (req as Commands['insights'][0]).weeks);
      case 'save_checkin':
        return this.guided.saveCheckin(req as Commands['save_checkin'][0]);
      case 'checkin_trends':
        return this.guided.trends((req as Commands['checkin_trends'][0]).weeks);
      case 'list_checkins':
        return this.guided.listCheckins((req as Commands['list_checkins'][0]).weeks);
      case 'delete_checkin':
        return this.guided.deleteCheckin((req as Commands['delete_checkin'][0]).id);
      case 'export_review': {
        const live = this.entries.filter((e) => e.deleted_at === null);
        const texts = (e: Entry) => [e.family_code ?? '', e.title ?? '', e.body, ...e.tags];
        const findings = live.flatMap((e) =>
          fakeDeid(texts(e).join('\n'), this.settings.deid_allow).findings.map((f) => ({
            entry_id: e.id,
            title: e.title,
            encounter_date: e.encounter_date,
            kind: f.kind,
            label: f.kind.replace('_', ' '),
            text: f.text,
          })),
        );
        const silenced = fakeSilenced(live.flatMap(texts), this.settings.deid_allow);
        return { entries: live.length, findings, silenced };
      }
      case 'export_journal': {
        const r = req as Commands['export_journal'][0];
        const review = (await this.handle('export_review', null)) as Commands['export_review'][1];
        if (!r.reviewed && review.findings.length > 0) {
          throw invalid('Some passages look identifying. Go through them before exporting.');
        }
        const name = `attune-export.${r.format === 'json' ? 'json' : 'md'}`;
        this.savedFiles.push({ name, text: JSON.stringify(this.entries.filter((e) => e.deleted_at === null)) });
        return { saved: true, file_name: name };
      }
      case 'choose_import':
        return this.importer.choose(req as Commands['choose_import'][0]);
      case 'import_journal':
        return this.importer.importHeld(req as Commands['import_journal'][0]);
      case 'cancel_import':
        this.importer.cancel();
        return null;
      case 'list_sessions':
        return this.supervision.list((req as Commands['list_sessions'][0]).year);
      case 'save_session':
        return this.supervision.save(req as Commands['save_session'][0]);
      case 'delete_session':
        return this.supervision.delete((req as Commands['delete_session'][0]).id);
      case 'hours_summary':
        return this.supervision.hours((req as Commands['hours_summary'][0]).year);
      case 'export_hours_csv':
        return this.supervision.exportCsv((req as Commands['export_hours_csv'][0]).year);
      case 'list_trainings':
        return this.endorsement.list();
      case 'save_training':
        return this.endorsement.save(req as Commands['save_training'][0]);
      case 'delete_training':
        return this.endorsement.delete((req as Commands['delete_training'][0]).id);
      case 'attach_certificate':
        return this.endorsement.attach((req as Commands['attach_certificate'][0]).id);
      case 'save_certificate':
        return this.endorsement.saveCertificate((req as Commands['save_certificate'][0]).id);
      case 'endorsement_data':
        return ENDORSEMENT_DATA;
      case 'endorsement_report':
        return this.endorsement.report(req as Commands['endorsement_report'][0]);
      case 'export_endorsement_csv':
        return this.endorsement.exportCsv(req as Commands['export_endorsement_csv'][0]);
      case 'print_hours': {
        const r = req as Commands['print_hours'][0];
        return this.supervision.printHours(r.from, r.to);
      }
      case 'print_reflections': {
        const r = req as Commands['print_reflections'][0];
        const review = (await this.handle('export_review', null)) as Commands['export_review'][1];
        if (!r.reviewed && review.findings.length > 0) {
          throw invalid('Some passages look identifying. Go through them before printing.');
        }
        const chosen = this.entries.filter(
          (e) =>
            e.deleted_at === null &&
            (r.entry_ids.length > 0
              ? r.entry_ids.includes(e.id)
              : (r.from ?? '') <= e.encounter_date && e.encounter_date <= (r.to ?? '')),
        );
        if (chosen.length === 0) throw invalid('No reflections in those dates. Nothing was printed.');
        const name = 'attune-reflections.pdf';
        this.savedFiles.push({ name, text: JSON.stringify(chosen) });
        return { saved: true, file_name: name };
      }
      case 'backup_status':
        return this.backups.status();
      case 'back_up_now':
        return this.backups.backUpNow();
      case 'save_backup_copy': {
        const name = 'attune-backup-20260301-183000.attune';
        this.savedFiles.push({ name, text: '(an encrypted backup)' });
        return { saved: true, file_name: name };
      }
      case 'choose_backup_folder':
        return this.backups.chooseFolder();
      case 'restore_backup': {
        // The shell locks the journal after a restore and tells the window.
        const restored = this.backups.restore();
        if (restored) this.shellLock();
        return restored;
      }
      case 'identity_show':
        return this.exchange.identity();
      case 'export_contact_card':
        return this.exchange.exportCard(req as Commands['export_contact_card'][0]);
      case 'save_contact_card':
        return this.exchange.saveCard(req as Commands['save_contact_card'][0]);
      case 'import_contact_card':
        return this.exchange.importCard(req as Commands['import_contact_card'][0]);
      case 'open_contact_card': {
        const r = req as Commands['open_contact_card'][0];
        return this.exchange.openCard(r.relation, r.replace_key);
      }
      case 'list_contacts':
        return this.exchange.list();
      case 'confirm_contact': {
        const r = req as Commands['confirm_contact'][0];
        return this.exchange.confirm(r.contact_id, r.compared);
      }
      case 'edit_response':
        return this.exchange.editResponse(req as Commands['edit_response'][0]);
      case 'withdraw_response':
        return this.exchange.withdrawResponse(req as Commands['withdraw_response'][0]);
      case 'contact_removal':
        return this.exchange.removal((req as Commands['contact_removal'][0]).contact_id);
      case 'remove_contact': {
        const r = req as Commands['remove_contact'][0];
        return this.exchange.remove(r.contact_id, r.keep_theirs);
      }
      case 'choose_contact_folder':
        return this.exchange.chooseFolder((req as Commands['choose_contact_folder'][0]).contact_id);
      case 'clear_contact_folder':
        return this.exchange.clearFolder((req as Commands['clear_contact_folder'][0]).contact_id);
      case 'folder_packets':
        return this.exchange.folderNews();
      case 'import_folder_packet': {
        const r = req as Commands['import_folder_packet'][0];
        return this.exchange.importFolderPacket(r.contact_id, r.file_name);
      }
      case 'delete_folder_packet': {
        const r = req as Commands['delete_folder_packet'][0];
        return this.exchange.deleteFolderPacket(r.contact_id, r.file_name);
      }
      case 'send_packet_to_folder': {
        const r = req as Commands['send_packet_to_folder'][0];
        return this.exchange.sendToFolder(r.contact_id, r.kind);
      }
      case 'dropped_while_locked':
        return this.exchange.takeDroppedWhileLocked();
      case 'flagged_for_supervision':
        return this.exchange.flagged();
      case 'preview_share': {
        const r = req as Commands['preview_share'][0];
        return this.exchange.preview(r.contact_id, r.entry_ids);
      }
      case 'share_entries': {
        const r = req as Commands['share_entries'][0];
        return this.exchange.share(r.contact_id, r.entry_ids);
      }
      case 'share_status':
        return this.exchange.status((req as Commands['share_status'][0]).contact_id);
      case 'withdraw_entry': {
        const r = req as Commands['withdraw_entry'][0];
        return this.exchange.withdraw(r.contact_id, r.entry_id);
      }
      case 'save_share_packet':
        return this.exchange.saveSharePacket((req as Commands['save_share_packet'][0]).contact_id);
      case 'open_packet':
        return this.exchange.openPacket();
      case 'waiting_packet':
        return this.exchange.waitingPacket();
      case 'import_waiting_packet':
        return this.exchange.importWaitingPacket();
      case 'dismiss_waiting_packet':
        return this.exchange.dismissWaitingPacket();
      case 'delete_imported_packet':
        return this.exchange.deleteImportedPacket();
      case 'inbox':
        return this.exchange.inbox((req as Commands['inbox'][0]).contact_id);
      case 'set_agenda': {
        const r = req as Commands['set_agenda'][0];
        return this.exchange.setAgenda(r.contact_id, r.entry_id, r.on_agenda);
      }
      case 'write_response':
        return this.exchange.writeResponse(req as Commands['write_response'][0]);
      case 'responses_written':
        return this.exchange.written((req as Commands['responses_written'][0]).contact_id);
      case 'save_feedback_packet':
        return this.exchange.saveFeedbackPacket((req as Commands['save_feedback_packet'][0]).contact_id);
      case 'feedback_for':
        return this.exchange.feedbackFor((req as Commands['feedback_for'][0]).entry_id);
      case 'list_preps':
        return this.loop.list();
      case 'gather_prep':
        return this.loop.gather();
      case 'save_prep':
        return this.loop.save(req as Commands['save_prep'][0]);
      case 'delete_prep':
        return this.loop.delete((req as Commands['delete_prep'][0]).id);
      case 'save_takeaway':
        return this.loop.saveTakeaway(req as Commands['save_takeaway'][0]);
      case 'takeaway_of':
        return this.loop.takeawayOf((req as Commands['takeaway_of'][0]).id);
      case 'session_plan':
        return this.loop.plan((req as Commands['session_plan'][0]).contact_id);
      case 'set_planning_note':
        return this.loop.setNote(req as Commands['set_planning_note'][0]);
      case 'ask_confirmation':
        return this.loop.ask(req as Commands['ask_confirmation'][0]);
      case 'save_confirm_request_packet':
        return this.loop.saveRequestPacket((req as Commands['save_confirm_request_packet'][0]).contact_id);
      case 'session_confirmations':
        return this.loop.sessionConfirmations();
      case 'confirmation_requests':
        return this.loop.confirmationRequests();
      case 'answer_confirmation':
        return this.loop.answer(req as Commands['answer_confirmation'][0]);
      case 'save_confirm_answer_packet':
        return this.loop.saveAnswerPacket((req as Commands['save_confirm_answer_packet'][0]).contact_id);
      case 'deid_scan': {
        const r = req as Commands['deid_scan'][0];
        return fakeDeid(r.text, [...this.settings.deid_allow, ...r.not_names]);
      }
      default:
        throw err('internal', `The fake has no command ${command}.`);
    }
  }

  private status(): Status {
    return {
      has_journal: this.passphrase !== null,
      unlocked: this.unlocked,
      journal_dir: '/home/you/.local/share/attune',
      damaged_records: this.unlocked ? this.damaged : 0,
      test_journal: this.unlocked && this.testJournal,
    };
  }

  private checkNew(passphrase: string): void {
    if (charCount(passphrase.normalize('NFC')) < MIN_PASSPHRASE_CHARS) {
      throw err('weak_passphrase', `A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters.`);
    }
  }

  private wrongPassphrase(): AttuneError {
    return err(
      'wrong_secret',
      'That passphrase does not open this journal. Check it and try again; if you have forgotten it, you can use your recovery key.',
    );
  }

  private wrongKey(): AttuneError {
    return err(
      'wrong_secret',
      'That recovery key does not open this journal. Check that it is the key saved for this journal.',
    );
  }

  private async create(passphrase: string): Promise<{ recovery_key: string }> {
    if (this.passphrase !== null) throw err('journal_exists', 'There is already a journal here.');
    this.checkNew(passphrase);
    await delay(this.slowMs);
    this.passphrase = passphrase.normalize('NFC');
    this.recoveryKey = makeRecoveryKey();
    this.freshKey = this.recoveryKey;
    this.unlocked = true;
    return { recovery_key: this.recoveryKey };
  }

  private async unlock(passphrase: string): Promise<Status> {
    if (this.passphrase === null) throw err('no_journal', 'There is no journal here yet.');
    await delay(this.slowMs);
    if (passphrase.normalize('NFC') !== this.passphrase) throw this.wrongPassphrase();
    this.unlocked = true;
    return this.status();
  }

  private async recover(typedKey: string, newPassphrase: string): Promise<{ recovery_key: string }> {
    if (this.passphrase === null) throw err('no_journal', 'There is no journal here yet.');
    const key = parseRecoveryKey(typedKey);
    this.checkNew(newPassphrase);
    await delay(this.slowMs);
    if (key !== this.recoveryKey) throw this.wrongKey();
    this.passphrase = newPassphrase.normalize('NFC');
    this.recoveryKey = makeRecoveryKey();
    this.freshKey = this.recoveryKey;
    this.unlocked = true;
    return { recovery_key: this.recoveryKey };
  }

  private doLock(): void {
    this.freshKey = null;
    if (this.staged) this.kept = { ...this.staged, saved_at: this.now().toISOString() };
    this.staged = null;
    this.unlocked = false;
  }

  private nextId(): string {
    this.seq++;
    return this.seq.toString(16).padStart(32, '0');
  }

  private find(req: FindRequest): Page {
    const limit = req.limit === 0 ? 50 : req.limit;
    if (limit > 500) throw invalid('A page holds at most 500 entries.');
    const f = req.filter;
    const needles = parseQuery(req.text);
    const tag = f.tag?.toLowerCase() ?? null;
    const family = f.family_code?.toLowerCase() ?? null;
    const hits = this.entries.filter((e) => {
      const hay = searchable(e);
      return (
        (e.deleted_at !== null) === f.trash &&
        (f.from === null || e.encounter_date >= f.from) &&
        (f.to === null || e.encounter_date <= f.to) &&
        (f.kind === null || e.kind === f.kind) &&
        (!f.flagged || e.bring_to_supervision) &&
        (tag === null || e.tags.some((t) => t.toLowerCase() === tag)) &&
        (family === null || e.family_code?.toLowerCase() === family) &&
        needles.every((n) => findAtWordStart(hay, n, 0) >= 0)
      );
    });
    const key = (e: Entry) => `${e.encounter_date}|${e.created_at}|${e.id}`;
    if (req.sort === 'updated') {
      hits.sort((a, b) => `${b.updated_at}|${b.id}`.localeCompare(`${a.updated_at}|${a.id}`));
    } else {
      hits.sort((a, b) => key(b).localeCompare(key(a)));
      if (req.sort === 'oldest') hits.reverse();
    }
    const items = hits.slice(req.offset, req.offset + limit).map((e) => this.summarise(e, needles));
    return { total: hits.length, offset: req.offset, items };
  }

  private summarise(e: Entry, needles: string[]): EntrySummary {
    return {
      id: e.id,
      title: e.title,
      kind: e.kind,
      encounter_date: e.encounter_date,
      created_at: e.created_at,
      updated_at: e.updated_at,
      setting: e.setting,
      family_code: e.family_code,
      tags: e.tags,
      carrying: e.carrying,
      bring_to_supervision: e.bring_to_supervision,
      deleted_at: e.deleted_at,
      snippet: (needles.length ? snippet(e.body, needles) : null) ?? { text: preview(e.body), highlights: [] },
    };
  }

  private find1(id: string): Entry {
    const e = this.entries.find((x) => x.id === id);
    if (!e) throw err('not_found', 'No entry with that id.');
    return e;
  }

  private get(id: string): Entry {
    return this.find1(id);
  }

  private createEntry(n: NewEntry): Entry {
    const stamp = this.now().toISOString();
    const entry: Entry = {
      id: this.nextId(),
      created_at: stamp,
      updated_at: stamp,
      encounter_date: n.encounter_date ?? stamp.slice(0, 10),
      kind: n.kind ?? 'encounter',
      setting: n.setting,
      family_code: n.family_code,
      title: n.title,
      prompt_pack: n.prompt_pack,
      answers: n.answers,
      body: n.body,
      tags: n.tags,
      carrying: n.carrying,
      bring_to_supervision: n.bring_to_supervision,
      not_names: n.not_names,
      revision: 1,
      deleted_at: null,
    };
    validate(entry);
    this.guided.withPromptTexts(entry);
    this.entries.push(entry);
    return entry;
  }

  private update(id: string, change: EntryChange): Entry {
    const current = this.find1(id);
    const next: Entry = clone(current);
    if (change.encounter_date !== null) next.encounter_date = change.encounter_date;
    if (change.kind !== null) next.kind = change.kind;
    if (change.setting !== undefined) next.setting = change.setting;
    if (change.family_code !== undefined) next.family_code = change.family_code;
    if (change.title !== undefined) next.title = change.title;
    if (change.prompt_pack !== undefined) next.prompt_pack = change.prompt_pack;
    if (change.answers !== null) next.answers = change.answers;
    if (change.body !== null) next.body = change.body;
    if (change.tags !== null) next.tags = change.tags;
    if (change.carrying !== undefined) next.carrying = change.carrying;
    if (change.bring_to_supervision !== null) next.bring_to_supervision = change.bring_to_supervision;
    if (change.not_names !== null) next.not_names = change.not_names;
    validate(next);
    this.guided.withPromptTexts(next);
    return this.replace(next);
  }

  private replace(next: Entry): Entry {
    next.revision++;
    next.updated_at = this.now().toISOString();
    this.entries[this.entries.findIndex((e) => e.id === next.id)] = next;
    return next;
  }

  private trash(id: string): Entry {
    const e = this.find1(id);
    if (e.deleted_at !== null) return e;
    return this.replace({ ...clone(e), deleted_at: this.now().toISOString() });
  }

  private restore(id: string): Entry {
    const e = this.find1(id);
    if (e.deleted_at === null) throw invalid('That reflection is not in the trash.');
    return this.replace({ ...clone(e), deleted_at: null });
  }
}
