// The fake backend's supervision log: sessions, yearly RS/C hours and the hours CSV.
// For component tests only; the real rules live in Rust (src/journal/sessions.rs). The
// fake keeps the same shapes, limits and messages, so the screen can be tested against
// believable data.
import type {
  HoursSummary,
  MonthMinutes,
  SavedFile,
  SessionInput,
  SupervisionSession,
} from '../ipc/types';

type Fail = (code: 'invalid_input' | 'not_found', message: string) => Error;

export const MAX_SESSION_MINUTES = 600;
const MAX_WITH_WHOM_CHARS = 80;
const MAX_NOTES_CHARS = 5000;

export const HOURS_CSV_HEADER = 'date,minutes,hours,format,with_whom,role';

/** One CSV field, defused and quoted as the core does it. */
function csvField(field: string): string {
  let text = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  if (/[",\n\r]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

function newestFirst(a: SupervisionSession, b: SupervisionSession): number {
  return `${b.date}|${b.created_at}|${b.id}`.localeCompare(`${a.date}|${a.created_at}|${a.id}`);
}

export class FakeSessions {
  sessions: SupervisionSession[] = [];
  /** Set to make the next save dialog come back cancelled. */
  cancelNextDialog = false;
  private seq = 0;

  constructor(
    private readonly now: () => Date,
    private readonly fail: Fail,
    private readonly hasEntry: (id: string) => boolean,
    private readonly target: () => number | null,
    private readonly saveFile: (name: string, text: string) => void,
  ) {}

  list(year: number | null): SupervisionSession[] {
    if (year !== null) this.checkYear(year);
    return this.sessions.filter((s) => year === null || this.yearOf(s) === year).sort(newestFirst);
  }

  save(input: SessionInput): SupervisionSession {
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > MAX_SESSION_MINUTES) {
      throw this.fail('invalid_input', `A session lasts from 1 to ${MAX_SESSION_MINUTES} minutes.`);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw this.fail('invalid_input', 'That date is out of range.');
    const withWhom = input.with_whom.trim();
    if (withWhom === '' || [...withWhom].length > MAX_WITH_WHOM_CHARS) {
      throw this.fail(
        'invalid_input',
        `Say with whom in 1 to ${MAX_WITH_WHOM_CHARS} characters: a name or a role, such as "my supervisor".`,
      );
    }
    if (/[\r\n]/.test(withWhom)) throw this.fail('invalid_input', 'Write "with whom" on one line.');
    const notes = input.notes?.trim() || null;
    const d = input.details;
    if (input.format === 'individual' && (d.facilitator !== null || d.group_size !== null || d.presented !== null)) {
      throw this.fail(
        'invalid_input',
        'Facilitator, group size and presenting are for group sessions; choose group, or leave them empty.',
      );
    }
    if (notes !== null && [...notes].length > MAX_NOTES_CHARS) {
      throw this.fail('invalid_input', `Session notes can be up to ${MAX_NOTES_CHARS} characters.`);
    }
    const old = input.id === null ? null : this.sessions.find((s) => s.id === input.id);
    if (old === undefined) throw this.fail('not_found', 'No session with that id.');
    const entries = [...new Set(input.entries_discussed)];
    if (entries.some((e) => !(old?.entries_discussed.includes(e) ?? false) && !this.hasEntry(e))) {
      throw this.fail('invalid_input', 'One of the reflections named is not in the journal.');
    }
    const session: SupervisionSession = {
      id: old?.id ?? `5e55${(++this.seq).toString(16).padStart(28, '0')}`,
      date: input.date,
      minutes: input.minutes,
      format: input.format,
      with_whom: withWhom,
      role: input.role,
      entries_discussed: entries,
      notes,
      details: { ...input.details },
      created_at: old?.created_at ?? this.now().toISOString(),
      revision: old ? old.revision + 1 : 1,
    };
    this.sessions = old ? this.sessions.map((s) => (s.id === old.id ? session : s)) : [...this.sessions, session];
    return session;
  }

  delete(id: string): null {
    if (!this.sessions.some((s) => s.id === id)) throw this.fail('not_found', 'No session with that id.');
    this.sessions = this.sessions.filter((s) => s.id !== id);
    return null;
  }

  hours(year: number): HoursSummary {
    this.checkYear(year);
    const byMonth: MonthMinutes[] = Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      received_minutes: 0,
      given_minutes: 0,
    }));
    const ofYear = this.sessions.filter((s) => this.yearOf(s) === year);
    for (const s of ofYear) {
      const m = byMonth[Number(s.date.slice(5, 7)) - 1];
      if (s.role === 'receiving') m.received_minutes += s.minutes;
      else m.given_minutes += s.minutes;
    }
    const received = byMonth.reduce((a, m) => a + m.received_minutes, 0);
    const given = byMonth.reduce((a, m) => a + m.given_minutes, 0);
    const target = this.target();
    const goal = target !== null && target > 0 ? target : null;
    return {
      year,
      target_hours: goal,
      received_minutes: received,
      given_minutes: given,
      sessions: ofYear.length,
      by_month: byMonth,
      progress: goal === null ? null : Math.min(1, received / (goal * 60)),
    };
  }

  exportCsv(year: number): SavedFile {
    this.checkYear(year);
    if (this.cancelNextDialog) {
      this.cancelNextDialog = false;
      return { saved: false, file_name: null };
    }
    const lines = [HOURS_CSV_HEADER];
    for (const s of this.list(year).reverse()) {
      const fields = [s.date, String(s.minutes), (s.minutes / 60).toFixed(2), s.format, s.with_whom, s.role];
      lines.push(fields.map(csvField).join(','));
    }
    const name = `attune-rsc-hours-${year}.csv`;
    this.saveFile(name, lines.map((l) => `${l}\r\n`).join(''));
    return { saved: true, file_name: name };
  }

  /** The hours statement: the fake saves the text a PDF would show (received sessions). */
  printHours(from: string, to: string): SavedFile {
    if (from > to) throw this.fail('invalid_input', 'The period ends before it starts. Give the first day, then the last.');
    if (this.cancelNextDialog) {
      this.cancelNextDialog = false;
      return { saved: false, file_name: null };
    }
    const rows = this.list(null)
      .filter((s) => s.role === 'receiving' && s.date >= from && s.date <= to)
      .reverse();
    const minutes = rows.reduce((m, s) => m + s.minutes, 0);
    const name = `attune-hours-${from}-to-${to}.pdf`;
    this.saveFile(name, [`Hours statement`, ...rows.map((s) => `${s.date} ${s.with_whom}`), `Total ${(minutes / 60).toFixed(2)}`].join('\n'));
    return { saved: true, file_name: name };
  }

  private yearOf(s: SupervisionSession): number {
    return Number(s.date.slice(0, 4));
  }

  private checkYear(year: number): void {
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      throw this.fail('invalid_input', 'Give a year such as 2026.');
    }
  }
}
