// The fake backend's supervision exchange: my identity, contacts with safety codes,
// what is shared with whom, an inbox of shared entries, responses and feedback. For
// component tests only; the real rules (cryptography, packets, import checks) live in Rust
// and are tested there. Native dialogs are imaginary: saves are recorded in `saved`,
// opens return what a test queued, and `cancelNextDialog()` makes the next one cancelled.
import type {
  CardRole,
  Contact,
  ContactCardRequest,
  ContactCardText,
  ContactRemoval,
  Entry,
  FeedbackThread,
  FolderCopy,
  FolderNews,
  ImportCardRequest,
  ImportOutcome,
  InboxGroup,
  InboxItem,
  MyRelation,
  ResponseRequest,
  SavedFile,
  SharedEntry,
  SharePreview,
  ShareStatus,
  WithdrawResponse,
} from '../ipc/types';
import type { Commands } from './index';
import { fakeDeid, fakeSilenced } from './fake-guided';

type Fail = (code: 'invalid_input' | 'not_found' | 'packet_refused', message: string) => Error;

const CARD_HEADER = 'Attune contact card v1';
export const WITHDRAW_NOTE =
  "Withdrawing asks your supervisor's Attune to remove it; a copy someone already made cannot be recalled.";

/** A small stable hash (FNV-1a), enough to make believable keys and codes in tests. */
function fnv(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hexOf(text: string, digits: number): string {
  let out = '';
  for (let i = 0; out.length < digits; i++) out += fnv(`${text}/${i}`).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

/** Seven groups of five digits, the same whichever side computes it. */
export function fakeSafetyCode(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  const groups: string[] = [];
  for (let i = 0; i < 7; i++) groups.push(String(fnv(`${x}|${y}|${i}`) % 100_000).padStart(5, '0'));
  return groups.join(' ');
}

/** A card's text as the core writes it (the check line is a fake one). */
export function fakeCardText(name: string, role: CardRole, seed = name): string {
  const body = `${CARD_HEADER}\nname: ${name}\nrole: ${role}\nsigning-key: ${hexOf(`sign:${seed}`, 64)}\nage: age1${hexOf(`age:${seed}`, 58)}\n`;
  return `${body}check: ${hexOf(body, 8)}\n`;
}

interface StoredContact extends Contact {
  /** Entries they shared with me (supervisor side). */
  inbox: InboxItem[];
}

/** A packet a test has "put on the disk" for the next open dialog. */
export type QueuedPacket =
  | { kind: 'share'; contact_id: string; entries: SharedEntry[]; withdrawn?: string[] }
  | { kind: 'feedback'; contact_id: string; threads: Array<Pick<FeedbackThread, 'entry_id' | 'heard' | 'wonder' | 'stays'> & { noticed?: string }> };

export class FakeExchange {
  /** Files written through the imaginary save dialog, in order. */
  readonly saved: { kind: 'card' | 'share' | 'feedback'; contact_id: string | null; file_name: string }[] = [];
  /** Cards or packets waiting for the next open dialog. */
  readonly queuedCards: { text: string }[] = [];
  readonly queuedPackets: QueuedPacket[] = [];
  /** The folder name the next folder dialog picks (null: cancelled). */
  nextFolder: string | null = 'Attune exchange';
  /** Packets "in" exchange folders: a test puts them there; `packet: null` is refused. */
  readonly folderFiles: { contact_id: string; file_name: string; packet: QueuedPacket | null }[] = [];
  private folderDeletable: string[] = [];
  /** Folders that have gone missing, by contact id. */
  readonly missingFolders: string[] = [];
  /** Something that is not a packet was dropped while locked. */
  droppedWhileLocked = false;
  /** What people since removed sent, kept. */
  private kept: InboxGroup[] = [];
  /** Responses I wrote (supervisor side) and ones I received (supervisee side). */
  readonly threads: FeedbackThread[] = [];
  private contacts: StoredContact[] = [];
  private shares = new Map<string, ShareStatus>();
  private cancelNext = false;
  private displayName: string | null = null;
  private seq = 0;
  private readonly signingKey = hexOf('sign:me', 64);
  private readonly ageRecipient = `age1${hexOf('age:me', 58)}`;

  constructor(
    private readonly now: () => Date,
    private readonly fail: Fail,
    private readonly entries: () => Entry[],
    private readonly allow: () => string[],
  ) {}

  /** The next native dialog is closed without choosing a file. */
  cancelNextDialog(): void {
    this.cancelNext = true;
  }

  private cancelled(): boolean {
    const c = this.cancelNext;
    this.cancelNext = false;
    return c;
  }

  private id(): string {
    this.seq += 1;
    return hexOf(`contact:${this.seq}`, 32);
  }

  /** Add a contact directly (no call recorded), confirmed unless told otherwise. */
  addContact(name: string, relation: MyRelation, options: { confirmed?: boolean; keyChange?: boolean } = {}): Contact {
    const c = this.pin(name, relation === 'my_supervisor' ? 'supervisor' : relation === 'my_supervisee' ? 'supervisee' : 'both', relation, name);
    if (options.confirmed ?? true) {
      c.confirmed = true;
      c.confirmed_at = this.now().toISOString();
    }
    if (options.keyChange) {
      const seed = `${name}-again`;
      c.key_change = {
        signing_key: hexOf(`sign:${seed}`, 64),
        age_recipient: `age1${hexOf(`age:${seed}`, 58)}`,
        safety_code: fakeSafetyCode(this.signingKey, hexOf(`sign:${seed}`, 64)),
        offered_at: this.now().toISOString(),
      };
    }
    c.usable = c.confirmed && c.key_change === null;
    return this.view(c);
  }

  private pin(name: string, role: CardRole, relation: MyRelation, seed: string): StoredContact {
    const signing = hexOf(`sign:${seed}`, 64);
    const c: StoredContact = {
      id: this.id(),
      name,
      card_role: role,
      my_relation: relation,
      signing_key: signing,
      age_recipient: `age1${hexOf(`age:${seed}`, 58)}`,
      safety_code: fakeSafetyCode(this.signingKey, signing),
      confirmed: false,
      added_at: this.now().toISOString(),
      confirmed_at: null,
      key_change: null,
      usable: false,
      inbox: [],
    };
    this.contacts.push(c);
    return c;
  }

  private view(c: StoredContact): Contact {
    const { inbox: _inbox, ...contact } = c;
    return { ...contact };
  }

  private contact(id: string): StoredContact {
    const c = this.contacts.find((x) => x.id === id);
    if (!c) throw this.fail('not_found', 'That contact is not in this journal.');
    return c;
  }

  private supervisor(id: string): StoredContact {
    const c = this.contact(id);
    if (c.my_relation === 'my_supervisee') throw this.fail('invalid_input', `${c.name} is not your supervisor.`);
    if (!c.usable) throw this.fail('invalid_input', `Compare the safety code with ${c.name} before sharing.`);
    return c;
  }

  identity() {
    return {
      display_name: this.displayName,
      signing_key: this.signingKey,
      age_recipient: this.ageRecipient,
      created_at: '2026-03-01T09:00:00Z',
    };
  }

  exportCard(req: ContactCardRequest): ContactCardText {
    const name = req.name.trim();
    if (name === '' || name !== req.name || [...name].length > 60) {
      throw this.fail('invalid_input', 'A name on a contact card is 1 to 60 characters on one line. A first name or initials are enough.');
    }
    this.displayName = name;
    return { text: fakeCardText(name, req.role, 'me'), file_name: 'attune-contact-card.txt' };
  }

  saveCard(req: ContactCardRequest): SavedFile {
    const card = this.exportCard(req);
    if (this.cancelled()) return { saved: false, file_name: null };
    this.saved.push({ kind: 'card', contact_id: null, file_name: card.file_name });
    return { saved: true, file_name: card.file_name };
  }

  importCard(req: ImportCardRequest): Contact {
    const lines = req.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const field = (i: number, key: string) => {
      const v = lines[i]?.startsWith(`${key}: `) ? lines[i].slice(key.length + 2).trim() : null;
      if (v === null) throw this.fail('invalid_input', `This is not a complete Attune contact card (the "${key}" line is missing). Ask for the card again and paste all of it.`);
      return v;
    };
    if (lines.length !== 6 || lines[0] !== CARD_HEADER) {
      throw this.fail('invalid_input', 'This is not a complete Attune contact card (lines are missing or extra). Ask for the card again and paste all of it.');
    }
    const name = field(1, 'name');
    const role = field(2, 'role') as CardRole;
    const signing = field(3, 'signing-key');
    const age = field(4, 'age');
    if (signing === this.signingKey) {
      throw this.fail('invalid_input', 'This is your own contact card. Import the card of the person you exchange with.');
    }
    const same = this.contacts.find((c) => c.signing_key === signing);
    if (same) {
      same.my_relation = union(same.my_relation, req.relation);
      same.key_change = null;
      same.usable = same.confirmed;
      return this.view(same);
    }
    const person = this.contacts.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (person) {
      if (!req.replace_key) {
        throw this.fail(
          'invalid_input',
          `This card has different keys from the ones saved for ${person.name}. Nothing was changed. If they set up Attune again, replace the key and compare the new safety code with them in person or on a call before using it.`,
        );
      }
      person.key_change = {
        signing_key: signing,
        age_recipient: age,
        safety_code: fakeSafetyCode(this.signingKey, signing),
        offered_at: this.now().toISOString(),
      };
      person.my_relation = union(person.my_relation, req.relation);
      person.usable = false;
      return this.view(person);
    }
    const c = this.pin(name, role, req.relation, name);
    c.signing_key = signing;
    c.age_recipient = age;
    c.safety_code = fakeSafetyCode(this.signingKey, signing);
    return this.view(c);
  }

  openCard(relation: MyRelation, replace_key: boolean): Contact | null {
    if (this.cancelled()) return null;
    const next = this.queuedCards.shift();
    if (!next) return null;
    return this.importCard({ text: next.text, relation, replace_key });
  }

  list(): Contact[] {
    return this.contacts.map((c) => this.view(c));
  }

  confirm(id: string, compared: boolean): Contact {
    const c = this.contact(id);
    if (!compared) throw this.fail('invalid_input', 'Compare the safety code with them first.');
    if (c.key_change) {
      c.signing_key = c.key_change.signing_key;
      c.age_recipient = c.key_change.age_recipient;
      c.safety_code = c.key_change.safety_code;
      c.key_change = null;
    }
    c.confirmed = true;
    c.confirmed_at = this.now().toISOString();
    c.usable = true;
    return this.view(c);
  }

  /** The next native confirm dialog is answered Cancel. */
  declineNextConfirm = false;

  removal(id: string): ContactRemoval {
    const c = this.contact(id);
    const written = this.threads.filter((t) => t.contact_id === c.id && t.mine).length;
    const received = this.threads.filter((t) => t.contact_id === c.id && !t.mine).length;
    const shared = this.shares.get(c.id)?.shared.length ?? 0;
    return {
      contact_id: c.id,
      contact_name: c.name,
      their_reflections: c.inbox.length,
      responses_from_them: received,
      responses_to_them: written,
      shared_with_them: shared,
      summary: `Removing ${c.name} deletes their contact card and safety code from this journal. Your own reflections stay. What you already sent ${c.name} stays with ${c.name}: Attune cannot recall it.`,
      summary_keeping:
        c.inbox.length + received > 0
          ? `Removing ${c.name} but keeping what they sent deletes their contact card and safety code from this journal. What they sent stays readable, marked as from a removed contact.`
          : '',
      kept_theirs: false,
    };
  }

  remove(id: string, keepTheirs = false): ContactRemoval {
    const r = this.removal(id);
    if (this.declineNextConfirm) {
      this.declineNextConfirm = false;
      throw this.fail('invalid_input', 'Not confirmed in the dialog. Nothing was changed.');
    }
    const c = this.contact(r.contact_id);
    const keep = keepTheirs && r.summary_keeping !== '';
    if (keep && c.inbox.length > 0) {
      this.kept.push({
        contact_id: c.id,
        contact_name: c.name,
        items: c.inbox.map((i) => ({ ...i, on_agenda: false, responses: 0 })),
        updated_at: c.inbox[c.inbox.length - 1].received_at,
        removed_contact: true,
      });
    }
    this.contacts = this.contacts.filter((x) => x.id !== r.contact_id);
    this.shares.delete(r.contact_id);
    for (let i = this.threads.length - 1; i >= 0; i--) {
      const t = this.threads[i];
      if (t.contact_id !== r.contact_id) continue;
      if (keep && !t.mine) t.from_removed_contact = true;
      else this.threads.splice(i, 1);
    }
    return { ...r, kept_theirs: keep };
  }

  chooseFolder(contactId: string): Contact | null {
    const c = this.contact(contactId);
    if (this.cancelled() || this.nextFolder === null) return null;
    const taken = this.contacts.find((x) => x.id !== c.id && x.exchange_folder === this.nextFolder);
    if (taken) {
      throw this.fail(
        'invalid_input',
        `That folder is already the exchange folder for ${taken.name}. Use one folder for each person you exchange with.`,
      );
    }
    c.exchange_folder = this.nextFolder;
    return this.view(c);
  }

  clearFolder(contactId: string): Contact {
    const c = this.contact(contactId);
    delete c.exchange_folder;
    return this.view(c);
  }

  folderNews(): FolderNews {
    const usable = this.contacts.filter((c) => c.usable && c.exchange_folder);
    return {
      packets: this.folderFiles
        .filter((f) => usable.some((c) => c.id === f.contact_id) && !this.missingFolders.includes(f.contact_id))
        .map((f) => ({
          contact_id: f.contact_id,
          contact_name: this.contact(f.contact_id).name,
          file_name: f.file_name,
          size: 2048,
          modified_at: this.now().toISOString(),
        })),
      problems: usable
        .filter((c) => this.missingFolders.includes(c.id))
        .map((c) => ({
          contact_id: c.id,
          contact_name: c.name,
          message: `Attune cannot find the exchange folder for ${c.name} ("${c.exchange_folder}"). If it moved or the drive is not connected, connect it or choose the folder again in Exchange.`,
        })),
    };
  }

  importFolderPacket(contactId: string, fileName: string): ImportOutcome {
    const at = this.folderFiles.findIndex((f) => f.contact_id === contactId && f.file_name === fileName);
    if (at === -1) throw this.fail('not_found', 'No packet file in the exchange folder has that name.');
    const [f] = this.folderFiles.splice(at, 1);
    if (f.packet === null || f.packet.contact_id !== contactId) {
      throw this.fail('packet_refused', 'This file is not an Attune exchange file. Nothing was changed.');
    }
    this.queuedPackets.unshift(f.packet);
    const outcome = this.importQueued();
    if (!outcome) throw this.fail('packet_refused', 'This file is not an Attune exchange file. Nothing was changed.');
    this.folderDeletable.push(`${contactId}/${fileName}`);
    return outcome;
  }

  deleteFolderPacket(contactId: string, fileName: string): null {
    const key = `${contactId}/${fileName}`;
    if (!this.folderDeletable.includes(key)) {
      throw this.fail('invalid_input', 'Only a file Attune imported from the folder can be deleted here.');
    }
    this.folderDeletable = this.folderDeletable.filter((k) => k !== key);
    return null;
  }

  sendToFolder(contactId: string, kind: string): FolderCopy {
    const c = this.contact(contactId);
    if (!c.exchange_folder) {
      throw this.fail('invalid_input', 'No exchange folder is chosen for this contact. Choose one, or save the packet to a file.');
    }
    if (this.missingFolders.includes(c.id)) {
      return {
        written: false,
        file_name: null,
        problem: `Attune cannot find the exchange folder for ${c.name} ("${c.exchange_folder}").`,
      };
    }
    if (kind === 'share') {
      const s = this.status(this.supervisor(contactId).id);
      const at = this.now().toISOString();
      for (const m of [...s.shared, ...s.withdrawn]) m.last_sent_at = at;
      s.last_packet_at = at;
    }
    const file_name = `attune-2026-03-04-${hexOf(`folder:${this.saved.length}`, 16)}.attune-packet`;
    this.saved.push({ kind: kind === 'share' ? 'share' : 'feedback', contact_id: contactId, file_name });
    return { written: true, file_name, problem: null };
  }

  takeDroppedWhileLocked(): boolean {
    const was = this.droppedWhileLocked;
    this.droppedWhileLocked = false;
    return was;
  }

  flagged(): { entry_ids: string[] } {
    return { entry_ids: this.entries().filter((e) => e.deleted_at === null && e.bring_to_supervision).map((e) => e.id) };
  }

  private toShared(e: Entry): SharedEntry {
    return {
      entry_id: e.id,
      revision: e.revision,
      encounter_date: e.encounter_date,
      kind: e.kind,
      setting: e.setting,
      family_code: e.family_code,
      title: e.title,
      pack_title: null,
      answers: e.answers.map((a) => ({ prompt: a.prompt_id, value: a.value })),
      body: e.body,
      tags: e.tags,
      carrying: e.carrying,
    };
  }

  private entry(id: string): Entry {
    const e = this.entries().find((x) => x.id === id && x.deleted_at === null);
    if (!e) throw this.fail('not_found', 'That entry is not in the journal.');
    return e;
  }

  status(contactId: string): ShareStatus {
    const c = this.contact(contactId);
    let s = this.shares.get(c.id);
    if (!s) {
      s = { contact_id: c.id, contact_name: c.name, shared: [], withdrawn: [], last_packet_at: null };
      this.shares.set(c.id, s);
    }
    return s;
  }

  preview(contactId: string, ids: string[]): SharePreview {
    const c = this.supervisor(contactId);
    const s = this.status(c.id);
    const all = [...new Set([...s.shared.map((m) => m.entry_id), ...ids])];
    const entries = all.map((id) => {
      const e = this.entry(id);
      const texts = [e.family_code ?? '', e.title ?? '', e.body, ...e.tags];
      const findings = texts.flatMap((t) => fakeDeid(t, this.allow()).findings);
      return { entry: this.toShared(e), findings };
    });
    return {
      contact_id: c.id,
      contact_name: c.name,
      entries,
      withdrawn: s.withdrawn.map((m) => m.entry_id).filter((id) => !all.includes(id)),
      identifying: entries.reduce((n, e) => n + e.findings.length, 0),
      silenced: fakeSilenced(
        all.flatMap((id) => {
          const e = this.entry(id);
          return [e.family_code ?? '', e.title ?? '', e.body, ...e.tags];
        }),
        this.allow(),
      ),
    };
  }

  share(contactId: string, ids: string[]): ShareStatus {
    const c = this.supervisor(contactId);
    if (ids.length === 0) throw this.fail('invalid_input', 'Choose at least one entry to share.');
    const s = this.status(c.id);
    const at = this.now().toISOString();
    for (const id of ids) {
      this.entry(id);
      if (!s.shared.some((m) => m.entry_id === id)) s.shared.push({ entry_id: id, at, last_sent_at: null });
      s.withdrawn = s.withdrawn.filter((m) => m.entry_id !== id);
    }
    return s;
  }

  withdraw(contactId: string, entryId: string): WithdrawResponse {
    const s = this.status(this.supervisor(contactId).id);
    const mark = s.shared.find((m) => m.entry_id === entryId);
    if (!mark) throw this.fail('not_found', 'That entry is not shared with them.');
    s.shared = s.shared.filter((m) => m !== mark);
    s.withdrawn.push({ entry_id: entryId, at: this.now().toISOString(), last_sent_at: null });
    return { status: s, note: WITHDRAW_NOTE };
  }

  saveSharePacket(contactId: string): SavedFile {
    const s = this.status(this.supervisor(contactId).id);
    if (this.cancelled()) return { saved: false, file_name: null };
    const at = this.now().toISOString();
    for (const m of [...s.shared, ...s.withdrawn]) m.last_sent_at = at;
    s.last_packet_at = at;
    const file_name = 'attune-share.age';
    this.saved.push({ kind: 'share', contact_id: contactId, file_name });
    return { saved: true, file_name };
  }

  /** A packet file opened with Attune (double-click): its name, and what it holds. */
  waiting: { file_name: string; deleted: boolean } | null = null;
  private imported: { file_name: string; deleted: boolean } | null = null;

  waitingPacket(): { file_name: string } | null {
    return this.waiting ? { file_name: this.waiting.file_name } : null;
  }

  importWaitingPacket(): ImportOutcome {
    if (!this.waiting) throw this.fail('not_found', 'No file is waiting to be imported.');
    const outcome = this.importQueued();
    if (!outcome) throw this.fail('packet_refused', 'This file is not an Attune packet. Nothing was changed.');
    this.imported = this.waiting;
    this.waiting = null;
    return outcome;
  }

  dismissWaitingPacket(): null {
    this.waiting = null;
    return null;
  }

  deleteImportedPacket(): null {
    if (!this.imported) throw this.fail('not_found', 'There is no imported file to delete.');
    this.imported.deleted = true;
    this.imported = null;
    return null;
  }

  openPacket(): ImportOutcome | null {
    if (this.cancelled()) return null;
    return this.importQueued();
  }

  private importQueued(): ImportOutcome | null {
    const p = this.queuedPackets.shift();
    if (!p) return null;
    const c = this.contact(p.contact_id);
    const base = { contact_id: c.id, contact_name: c.name, already_imported: false, entries: 0, withdrawn: 0, responses: 0, unknown_entries: 0, requests: 0, answers: 0 };
    if (!c.usable) throw this.fail('packet_refused', 'This file cannot be opened here. Nothing was changed.');
    if (p.kind === 'share') {
      const at = this.now().toISOString();
      const keep = new Map(c.inbox.map((i) => [i.entry.entry_id, i]));
      c.inbox = p.entries.map(
        (entry) => ({ ...(keep.get(entry.entry_id) ?? { contact_id: c.id, received_at: at, on_agenda: false, responses: 0 }), entry }),
      );
      return { ...base, kind: 'share', entries: c.inbox.length, withdrawn: p.withdrawn?.length ?? 0 };
    }
    const known = new Set(this.entries().map((e) => e.id));
    for (const t of p.threads) {
      this.threads.push({
        response_id: hexOf(`response:${this.threads.length}`, 32),
        contact_id: c.id,
        supervisor_name: c.name,
        mine: false,
        entry_id: t.entry_id,
        entry_known: known.has(t.entry_id),
        written_at: this.now().toISOString(),
        heard: t.heard,
        noticed: t.noticed ?? '',
        wonder: t.wonder,
        stays: t.stays,
        sent_at: this.now().toISOString(),
        edited: false,
        withdrawn: false,
        from_removed_contact: false,
      });
    }
    return { ...base, kind: 'feedback', responses: p.threads.length, unknown_entries: p.threads.filter((t) => !known.has(t.entry_id)).length };
  }

  inbox(contactId: string | null): InboxGroup[] {
    return this.contacts
      .filter((c) => c.my_relation !== 'my_supervisor' && (contactId === null || c.id === contactId))
      .filter((c) => c.inbox.length > 0)
      .map((c) => ({
        contact_id: c.id,
        contact_name: c.name,
        items: c.inbox.map((i) => ({ ...i })),
        updated_at: c.inbox.length > 0 ? c.inbox[c.inbox.length - 1].received_at : null,
        removed_contact: false,
      }))
      .concat(contactId === null ? this.kept.map((g) => ({ ...g })) : []);
  }

  private item(contactId: string, entryId: string): InboxItem {
    const item = this.contact(contactId).inbox.find((i) => i.entry.entry_id.startsWith(entryId));
    if (!item) throw this.fail('not_found', 'That shared entry is not in your inbox.');
    return item;
  }

  setAgenda(contactId: string, entryId: string, on: boolean): null {
    this.item(contactId, entryId).on_agenda = on;
    return null;
  }

  writeResponse(req: ResponseRequest): FeedbackThread {
    const c = this.contact(req.contact_id);
    const item = this.item(c.id, req.entry_id);
    if (`${req.heard}${req.noticed}${req.wonder}${req.stays}`.trim() === '') {
      throw this.fail('invalid_input', 'Write something in at least one of the three parts.');
    }
    item.responses += 1;
    const thread: FeedbackThread = {
      response_id: hexOf(`response:${this.threads.length}`, 32),
      contact_id: c.id,
      supervisor_name: this.displayName ?? 'You',
      mine: true,
      entry_id: item.entry.entry_id,
      entry_known: true,
      written_at: this.now().toISOString(),
      heard: req.heard,
      noticed: req.noticed,
      wonder: req.wonder,
      stays: req.stays,
      sent_at: null,
      edited: false,
      withdrawn: false,
      from_removed_contact: false,
    };
    this.threads.push(thread);
    return thread;
  }

  private mineById(contactId: string, responseId: string): FeedbackThread {
    const t = this.threads.find((x) => x.mine && x.contact_id === contactId && x.response_id.startsWith(responseId));
    if (!t) throw this.fail('not_found', 'No response with that id.');
    return t;
  }

  editResponse(req: Commands['edit_response'][0]): FeedbackThread {
    const t = this.mineById(req.contact_id, req.response_id);
    if (t.withdrawn) throw this.fail('invalid_input', 'This response was withdrawn, so it cannot be changed. Write a new one instead.');
    Object.assign(t, { heard: req.heard, noticed: req.noticed, wonder: req.wonder, stays: req.stays, sent_at: null, edited: true });
    return { ...t };
  }

  withdrawResponse(req: Commands['withdraw_response'][0]): FeedbackThread {
    const t = this.mineById(req.contact_id, req.response_id);
    if (this.declineNextConfirm) {
      this.declineNextConfirm = false;
      throw this.fail('invalid_input', 'Not confirmed in the dialog. Nothing was changed.');
    }
    Object.assign(t, { heard: '', noticed: '', wonder: '', stays: '', sent_at: null, edited: false, withdrawn: true });
    return { ...t };
  }

  written(contactId: string): FeedbackThread[] {
    return this.threads.filter((t) => t.mine && t.contact_id === contactId);
  }

  saveFeedbackPacket(contactId: string): SavedFile {
    const c = this.contact(contactId);
    if (this.written(c.id).length === 0) throw this.fail('invalid_input', `There is no response to ${c.name} to send yet.`);
    if (this.cancelled()) return { saved: false, file_name: null };
    for (const t of this.written(c.id)) t.sent_at ??= this.now().toISOString();
    const file_name = 'attune-feedback.age';
    this.saved.push({ kind: 'feedback', contact_id: c.id, file_name });
    return { saved: true, file_name };
  }

  feedbackFor(entryId: string | null): FeedbackThread[] {
    return this.threads.filter((t) => !t.mine && (entryId === null || t.entry_id === entryId));
  }
}

function union(a: MyRelation, b: MyRelation): MyRelation {
  return a === b ? a : 'both';
}
