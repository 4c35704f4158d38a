// The fake backend's supervision loop: prep sheets with their takeaways, the
// supervisor's planning notes, and session confirmations on both sides. For component
// tests only; the real rules (and the signatures) live in Rust (src/journal/prep.rs,
// src/share/confirm.rs, src/share/planning.rs). The fake keeps the shapes, limits and
// messages. Native save dialogs are imaginary: saves are recorded in `saved`.
import type {
  AnswerConfirmationRequest,
  AskConfirmationRequest,
  ConfirmationRequest,
  Contact,
  Entry,
  FeedbackThread,
  InboxItem,
  PlanningNoteRequest,
  PrepInput,
  PrepReflection,
  PrepSheet,
  PrepView,
  SavedFile,
  SessionConfirmation,
  SessionFacts,
  SessionPlan,
  SupervisionSession,
  TakeawayInput,
} from '../ipc/types';

type Fail = (code: 'invalid_input' | 'not_found', message: string) => Error;

const MAX_PREP_PART_CHARS = 4000;
const MAX_TAKEAWAY_PART_CHARS = 2000;
const MAX_REASON_CHARS = 500;

const chars = (s: string) => [...s].length;

export interface LoopWorld {
  entries: () => Entry[];
  sessions: () => SupervisionSession[];
  threads: () => FeedbackThread[];
  contacts: () => Contact[];
  agenda: (contactId: string) => InboxItem[];
}

export class FakeLoop {
  preps: PrepSheet[] = [];
  mine: SessionConfirmation[] = [];
  requests: ConfirmationRequest[] = [];
  readonly saved: { kind: 'confirm-request' | 'confirm-answer'; contact_id: string; file_name: string }[] = [];
  private notes = new Map<string, { note: string; at: string }>();
  private seq = 0;
  private cancelNext = false;

  constructor(
    private readonly now: () => Date,
    private readonly fail: Fail,
    private readonly world: LoopWorld,
  ) {}

  /** The next native save dialog is closed without choosing a file. */
  cancelNextDialog(): void {
    this.cancelNext = true;
  }

  private id(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq.toString(16).padStart(32 - prefix.length, '0')}`;
  }

  private reflections(ids: string[]): PrepReflection[] {
    const responses = this.world.threads().filter((t) => !t.mine);
    return ids.map((id) => {
      const e = this.world.entries().find((x) => x.id === id && x.deleted_at === null);
      return {
        entry_id: id,
        title: e?.title ?? null,
        encounter_date: e?.encounter_date ?? null,
        flagged: e?.bring_to_supervision ?? false,
        responses: responses.filter((r) => r.entry_id === id).length,
        in_journal: e !== undefined,
      };
    });
  }

  gather(): PrepReflection[] {
    const live = this.world.entries().filter((e) => e.deleted_at === null);
    const flagged = live
      .filter((e) => e.bring_to_supervision)
      .sort((a, b) => `${b.encounter_date}|${b.created_at}`.localeCompare(`${a.encounter_date}|${a.created_at}`))
      .map((e) => e.id);
    const ids = [...flagged];
    for (const t of [...this.world.threads()].reverse()) {
      if (!t.mine && live.some((e) => e.id === t.entry_id) && !ids.includes(t.entry_id)) ids.push(t.entry_id);
    }
    return this.reflections(ids);
  }

  private view(sheet: PrepSheet): PrepView {
    const s = sheet.takeaway ? this.world.sessions().find((x) => x.id === sheet.takeaway!.session_id) : undefined;
    return {
      sheet: structuredClone(sheet),
      reflections: this.reflections(sheet.reflections),
      session: s ? { id: s.id, date: s.date, minutes: s.minutes, with_whom: s.with_whom } : null,
    };
  }

  list(): PrepView[] {
    return [...this.preps]
      .sort((a, b) => `${b.session_date ?? ''}|${b.created_at}`.localeCompare(`${a.session_date ?? ''}|${a.created_at}`))
      .map((s) => this.view(s));
  }

  private part(text: string, max: number, what: string): string {
    const t = text.trim();
    if (chars(t) > max) throw this.fail('invalid_input', `${what} can be up to ${max} characters.`);
    return t;
  }

  save(input: PrepInput): PrepView {
    const bring = this.part(input.bring, MAX_PREP_PART_CHARS, 'What you want to bring');
    const reactions = this.part(input.reactions, MAX_PREP_PART_CHARS, 'Reactions and judgements');
    const hope = this.part(input.hope, MAX_PREP_PART_CHARS, 'What you hope to take away');
    const old = input.id === null ? null : this.preps.find((p) => p.id === input.id);
    if (old === undefined) throw this.fail('not_found', 'No prep sheet with that id.');
    const reflections = [
      ...new Set(input.reflections ?? (old ? old.reflections : this.gather().map((r) => r.entry_id))),
    ];
    if (reflections.some((id) => !(old?.reflections.includes(id) ?? false) && !this.world.entries().some((e) => e.id === id))) {
      throw this.fail('invalid_input', 'One of the reflections named is not in the journal.');
    }
    if (!bring && !reactions && !hope && reflections.length === 0) {
      throw this.fail('invalid_input', 'Write something to bring, or choose a reflection, before saving the prep sheet.');
    }
    const at = this.now().toISOString();
    const sheet: PrepSheet = {
      id: old?.id ?? this.id('9e0'),
      session_date: input.session_date,
      bring,
      reflections,
      reactions,
      hope,
      takeaway: old?.takeaway ?? null,
      created_at: old?.created_at ?? at,
      updated_at: at,
      revision: old ? old.revision + 1 : 1,
    };
    this.preps = old ? this.preps.map((p) => (p.id === old.id ? sheet : p)) : [...this.preps, sheet];
    return this.view(sheet);
  }

  delete(id: string): null {
    if (!this.preps.some((p) => p.id === id)) throw this.fail('not_found', 'No prep sheet with that id.');
    this.preps = this.preps.filter((p) => p.id !== id);
    return null;
  }

  saveTakeaway(input: TakeawayInput): PrepView {
    const session = this.world.sessions().find((s) => s.id === input.session_id);
    if (!session) throw this.fail('not_found', 'No session with that id.');
    const takingAway = this.part(input.taking_away, MAX_TAKEAWAY_PART_CHARS, 'What you are taking away');
    const nextStep = this.part(input.next_step, MAX_TAKEAWAY_PART_CHARS, 'The next step');
    if (!takingAway && !nextStep) throw this.fail('invalid_input', 'Write what you are taking away or a next step.');
    const linked = this.preps.find((p) => p.takeaway?.session_id === session.id);
    let chosen: PrepSheet | undefined;
    if (input.prep_id !== null) {
      if (linked && linked.id !== input.prep_id) {
        throw this.fail('invalid_input', "This session's takeaway is already on another prep sheet.");
      }
      chosen = this.preps.find((p) => p.id === input.prep_id);
      if (!chosen) throw this.fail('not_found', 'No prep sheet with that id.');
    } else {
      chosen =
        linked ??
        this.preps
          .filter((p) => p.takeaway === null && (p.session_date === null || p.session_date === session.date))
          .sort((a, b) => `${b.session_date ?? ''}|${b.created_at}`.localeCompare(`${a.session_date ?? ''}|${a.created_at}`))[0];
    }
    if (chosen?.takeaway && chosen.takeaway.session_id !== session.id) {
      throw this.fail('invalid_input', 'That prep sheet already holds the takeaway of another session.');
    }
    const at = this.now().toISOString();
    const takeaway = { session_id: session.id, taking_away: takingAway, next_step: nextStep, written_at: at };
    const sheet: PrepSheet = chosen
      ? { ...chosen, session_date: session.date, takeaway, updated_at: at, revision: chosen.revision + 1 }
      : {
          id: this.id('9e0'),
          session_date: session.date,
          bring: '',
          reflections: [],
          reactions: '',
          hope: '',
          takeaway,
          created_at: at,
          updated_at: at,
          revision: 1,
        };
    this.preps = chosen ? this.preps.map((p) => (p.id === chosen!.id ? sheet : p)) : [...this.preps, sheet];
    return this.view(sheet);
  }

  takeawayOf(sessionId: string): PrepView | null {
    if (!this.world.sessions().some((s) => s.id === sessionId)) throw this.fail('not_found', 'No session with that id.');
    const sheet = this.preps.find((p) => p.takeaway?.session_id === sessionId);
    return sheet ? this.view(sheet) : null;
  }

  private contact(id: string): Contact {
    const c = this.world.contacts().find((x) => x.id === id || x.id.startsWith(id));
    if (!c) throw this.fail('not_found', 'That contact is not in this journal.');
    return c;
  }

  plan(contactId: string): SessionPlan {
    const c = this.contact(contactId);
    if (c.my_relation === 'my_supervisor') {
      throw this.fail('invalid_input', `${c.name} is added as your supervisor; planning notes are for supervisees.`);
    }
    const note = this.notes.get(c.id);
    return {
      contact_id: c.id,
      contact_name: c.name,
      note: note?.note ?? '',
      note_updated_at: note?.at ?? null,
      agenda: this.world.agenda(c.id),
    };
  }

  setNote(req: PlanningNoteRequest): SessionPlan {
    const c = this.contact(req.contact_id);
    this.plan(c.id);
    const text = req.note.trim();
    if (chars(text) > 5000) throw this.fail('invalid_input', 'A planning note can be up to 5000 characters.');
    if (text) this.notes.set(c.id, { note: text, at: this.now().toISOString() });
    else this.notes.delete(c.id);
    return this.plan(c.id);
  }

  ask(req: AskConfirmationRequest): SessionConfirmation {
    const c = this.contact(req.contact_id);
    if (c.my_relation === 'my_supervisee') {
      throw this.fail('invalid_input', `${c.name} is added as your supervisee; reflections are shared with supervisors.`);
    }
    const s = this.world.sessions().find((x) => x.id === req.session_id);
    if (!s) throw this.fail('not_found', 'No session with that id.');
    if (s.role !== 'receiving') throw this.fail('invalid_input', 'Only sessions you received can be confirmed by your supervisor.');
    const facts: SessionFacts = { date: s.date, minutes: s.minutes, format: s.format };
    const old = this.mine.find((m) => m.session_id === s.id);
    const same =
      old && old.contact_id === c.id && old.state === 'waiting' && JSON.stringify(old.facts) === JSON.stringify(facts);
    if (!same) {
      const asked: SessionConfirmation = {
        session_id: s.id,
        contact_id: c.id,
        contact_name: c.name,
        state: 'waiting',
        facts,
        asked_at: this.now().toISOString(),
        sent_at: null,
        answered_at: null,
        reason: null,
        session_changed: false,
        session_missing: false,
        signed_by: null,
        signature: null,
      };
      this.mine = [...this.mine.filter((m) => m.session_id !== s.id), asked];
    }
    return this.sessionConfirmations().find((m) => m.session_id === s.id)!;
  }

  saveRequestPacket(contactId: string): SavedFile {
    const c = this.contact(contactId);
    const open = this.mine.filter((m) => m.contact_id === c.id && m.state === 'waiting');
    if (open.length === 0) {
      throw this.fail('invalid_input', `Nothing is waiting for ${c.name} to confirm. Ask for a session's confirmation first.`);
    }
    return this.saveFile('confirm-request', c.id, () => {
      for (const m of open) m.sent_at = this.now().toISOString();
    });
  }

  sessionConfirmations(): SessionConfirmation[] {
    return this.mine.map((m) => {
      const s = this.world.sessions().find((x) => x.id === m.session_id);
      return {
        ...m,
        session_missing: s === undefined,
        session_changed: s !== undefined && (s.date !== m.facts.date || s.minutes !== m.facts.minutes || s.format !== m.facts.format),
      };
    });
  }

  confirmationRequests(): ConfirmationRequest[] {
    return [...this.requests].sort((a, b) => Number(a.state !== 'waiting') - Number(b.state !== 'waiting') || b.facts.date.localeCompare(a.facts.date));
  }

  answer(req: AnswerConfirmationRequest): ConfirmationRequest {
    const wanted = req.request_id.trim().toLowerCase();
    const found = this.requests.filter((r) => wanted.length >= 4 && r.request_id.startsWith(wanted));
    if (found.length !== 1) throw this.fail('not_found', 'No confirmation request with that id.');
    const reason = req.reason.trim();
    if (req.decision === 'confirmed' && reason) throw this.fail('invalid_input', 'A reason goes with declining only.');
    if (req.decision === 'declined' && !reason) {
      throw this.fail('invalid_input', 'Say briefly why you are declining, so they can put it right.');
    }
    if (chars(reason) > MAX_REASON_CHARS) throw this.fail('invalid_input', `A reason can be up to ${MAX_REASON_CHARS} characters.`);
    const r = found[0];
    r.state = req.decision;
    r.reason = req.decision === 'declined' ? reason : null;
    r.answered_at = this.now().toISOString();
    r.sent_at = null;
    return { ...r };
  }

  saveAnswerPacket(contactId: string): SavedFile {
    const c = this.contact(contactId);
    const answered = this.requests.filter((r) => r.contact_id === c.id && r.state !== 'waiting');
    if (answered.length === 0) throw this.fail('invalid_input', `You have not answered a request from ${c.name} yet.`);
    return this.saveFile('confirm-answer', c.id, () => {
      for (const r of answered) r.sent_at = this.now().toISOString();
    });
  }

  private saveFile(kind: 'confirm-request' | 'confirm-answer', contactId: string, mark: () => void): SavedFile {
    if (this.cancelNext) {
      this.cancelNext = false;
      return { saved: false, file_name: null };
    }
    mark();
    const file_name = `attune-${kind}-${this.now().toISOString().slice(0, 10)}.attune-packet`;
    this.saved.push({ kind, contact_id: contactId, file_name });
    return { saved: true, file_name };
  }

  /** A supervisee's request as if their packet had been imported (no call recorded). */
  addRequest(contact: Contact, facts: SessionFacts): ConfirmationRequest {
    const r: ConfirmationRequest = {
      request_id: this.id('c0f'),
      contact_id: contact.id,
      contact_name: contact.name,
      facts,
      received_at: this.now().toISOString(),
      state: 'waiting',
      reason: null,
      answered_at: null,
      sent_at: null,
    };
    this.requests.push(r);
    return { ...r };
  }

  /** My supervisor's answer as if their packet had been imported (no call recorded). */
  receiveAnswer(sessionId: string, decision: 'confirmed' | 'declined', reason: string | null = null): void {
    const m = this.mine.find((x) => x.session_id === sessionId);
    if (!m) throw new Error('no request for that session');
    m.state = decision;
    m.reason = decision === 'declined' ? reason : null;
    m.answered_at = this.now().toISOString();
    m.signed_by = 'ab'.repeat(32);
    m.signature = 'cd'.repeat(64);
  }
}
