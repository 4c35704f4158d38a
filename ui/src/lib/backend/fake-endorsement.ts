// The fake backend's training records and Endorsement figures. For component tests
// only; the real rules live in Rust (src/journal/training.rs, src/journal/endorsement.rs).
// The data files are the real ones under content/endorsement; the maths here is the
// same reading in short: the renewal period ends on the due date, peer and giving
// sessions are left out, the provider with most hours is the main one.
import type {
  Associations,
  EndorsementChoice,
  EndorsementCsvRequest,
  EndorsementData,
  EndorsementReport,
  EndorsementRequest,
  Rules,
  SavedFile,
  SupervisionSession,
  Training,
  TrainingInput,
} from '../ipc/types';

type Fail = (code: 'invalid_input' | 'not_found', message: string) => Error;

const rulesFile = import.meta.glob('../../../../content/endorsement/rules.json', { eager: true, import: 'default' });
const associationsFile = import.meta.glob('../../../../content/endorsement/associations.json', {
  eager: true,
  import: 'default',
});
export const ENDORSEMENT_DATA: EndorsementData = {
  rules: Object.values(rulesFile)[0] as Rules,
  associations: Object.values(associationsFile)[0] as Associations,
};

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): Date {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

function nextDay(d: Date): string {
  return iso(new Date(d.getTime() + 86_400_000));
}

export class FakeEndorsement {
  trainings: Training[] = [];
  /** What the next "attach" dialog picks: a file name, or null for cancel. */
  nextCertificate: string | null = 'certificate.pdf';
  private seq = 0;

  constructor(
    private readonly now: () => Date,
    private readonly fail: Fail,
    private readonly sessions: () => SupervisionSession[],
    private readonly choice: () => EndorsementChoice | null,
    private readonly saveFile: (name: string, text: string) => void,
  ) {}

  list(): Training[] {
    return [...this.trainings].sort((a, b) => `${b.date}|${b.created_at}`.localeCompare(`${a.date}|${a.created_at}`));
  }

  save(input: TrainingInput): Training {
    const title = input.title.trim();
    const provider = input.provider.trim();
    if (title === '' || title.length > 200) throw this.fail('invalid_input', 'Give the title on one line, in 1 to 200 characters.');
    if (provider === '' || provider.length > 200) {
      throw this.fail('invalid_input', 'Give the provider on one line, in 1 to 200 characters.');
    }
    const hours = Math.round(input.hours * 100) / 100;
    if (!Number.isFinite(input.hours) || hours <= 0 || hours > 200) {
      throw this.fail('invalid_input', 'Give the hours as a number from 0.25 to 200, such as 1.5.');
    }
    const known = ENDORSEMENT_DATA.rules.topics.map((t) => t.id);
    const topics = [...new Set(input.topics.map((t) => t.trim().toLowerCase()))];
    const unknown = topics.find((t) => !known.includes(t));
    if (unknown !== undefined) throw this.fail('invalid_input', `Topics are ${known.join(', ')}; "${unknown}" is not one of them.`);
    const old = input.id === null ? null : this.trainings.find((t) => t.id === input.id);
    if (old === undefined) throw this.fail('not_found', 'No training with that id.');
    const training: Training = {
      id: old?.id ?? `7a1${(++this.seq).toString(16).padStart(29, '0')}`,
      title,
      provider,
      date: input.date,
      hours,
      topics,
      notes: input.notes?.trim() || null,
      certificate: old?.certificate ?? null,
      created_at: old?.created_at ?? this.now().toISOString(),
      revision: old ? old.revision + 1 : 1,
    };
    this.trainings = old ? this.trainings.map((t) => (t.id === old.id ? training : t)) : [...this.trainings, training];
    return training;
  }

  delete(id: string): null {
    if (!this.trainings.some((t) => t.id === id)) throw this.fail('not_found', 'No training with that id.');
    this.trainings = this.trainings.filter((t) => t.id !== id);
    return null;
  }

  attach(id: string): Training | null {
    const t = this.trainings.find((x) => x.id === id);
    if (!t) throw this.fail('not_found', 'No training with that id.');
    if (this.nextCertificate === null) return null;
    if (!/\.(pdf|png|jpe?g)$/i.test(this.nextCertificate)) {
      throw this.fail('invalid_input', 'A certificate must be a PDF, PNG or JPEG file. Nothing was attached.');
    }
    const kind = /\.pdf$/i.test(this.nextCertificate) ? 'pdf' : /\.png$/i.test(this.nextCertificate) ? 'png' : 'jpeg';
    const next: Training = { ...t, certificate: { kind, bytes: 2048, file_name: this.nextCertificate }, revision: t.revision + 1 };
    this.trainings = this.trainings.map((x) => (x.id === id ? next : x));
    return next;
  }

  saveCertificate(id: string): SavedFile {
    const t = this.trainings.find((x) => x.id === id);
    if (!t) throw this.fail('not_found', 'No training with that id.');
    if (!t.certificate) throw this.fail('not_found', 'That training has no certificate attached.');
    this.saveFile(t.certificate.file_name, '(the certificate)');
    return { saved: true, file_name: t.certificate.file_name };
  }

  private period(req: EndorsementRequest): { from: string; to: string; due: string | null } {
    const choice = this.choice();
    const categoryId = req.category ?? choice?.category ?? null;
    const category = ENDORSEMENT_DATA.rules.categories.find((c) => c.id === categoryId || c.short === categoryId);
    if (!category) {
      throw this.fail('invalid_input', 'Choose your Endorsement category in Settings first, or name one (such as IMHS).');
    }
    if (req.renewal_year === null) {
      const today = iso(this.now());
      return { from: nextDay(addMonths(today, -(category.earning?.window_months_max ?? 24))), to: today, due: null };
    }
    const association = ENDORSEMENT_DATA.associations.associations.find((a) => a.id === choice?.association);
    const [m, d] = (choice?.renewal_due ?? association?.renewal_due ?? '12-31').split('-').map(Number);
    const dueYear = m <= 6 ? req.renewal_year + 1 : req.renewal_year;
    const to = `${dueYear}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { from: nextDay(addMonths(to, -12)), to, due: to };
  }

  report(req: EndorsementRequest): EndorsementReport {
    const { from, to, due } = this.period(req);
    const choice = this.choice();
    const category = ENDORSEMENT_DATA.rules.categories.find(
      (c) => c.id === (req.category ?? choice?.category) || c.short === req.category,
    )!;
    const association = ENDORSEMENT_DATA.associations.associations.find((a) => a.id === choice?.association) ?? null;
    const renewal = req.renewal_year !== null;
    const within = (day: string) => day >= from && day <= to;
    const rsc = {
      required_hours: renewal ? (choice?.rsc_hours ?? category.renewal.rsc_hours) : (category.earning?.rsc_hours ?? null),
      counted_minutes: 0,
      individual_minutes: 0,
      group_minutes: 0,
      sessions_counted: 0,
      providers: [] as { name: string; minutes: number }[],
      main_provider_minutes: 0,
      other_providers_minutes: 0,
      peer_minutes: 0,
      given_minutes: 0,
      not_counted_minutes: 0,
    };
    const notes: string[] = [];
    for (const s of this.sessions().filter((x) => within(x.date))) {
      if (s.role === 'giving') rsc.given_minutes += s.minutes;
      else if (s.details.peer) rsc.peer_minutes += s.minutes;
      else if (!s.details.counts_toward_endorsement) rsc.not_counted_minutes += s.minutes;
      else {
        rsc.counted_minutes += s.minutes;
        rsc.sessions_counted += 1;
        if (s.format === 'group') rsc.group_minutes += s.minutes;
        else rsc.individual_minutes += s.minutes;
        const name = (s.details.provider_name ?? s.details.facilitator ?? s.with_whom).trim();
        const p = rsc.providers.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (p) p.minutes += s.minutes;
        else rsc.providers.push({ name, minutes: s.minutes });
      }
    }
    rsc.providers.sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
    rsc.main_provider_minutes = rsc.providers[0]?.minutes ?? 0;
    rsc.other_providers_minutes = rsc.counted_minutes - rsc.main_provider_minutes;
    if (rsc.providers.length > 2) {
      notes.push(
        `These hours come from ${rsc.providers.length} providers. Endorsement usually asks for most hours from one main provider and the rest from at most one other; your association decides which hours count.`,
      );
    }
    const inPeriod = this.trainings.filter((t) => within(t.date));
    const total = inPeriod.reduce((a, t) => a + Math.round(t.hours * 100), 0);
    const topics = ENDORSEMENT_DATA.rules.topics.map((t) => ({
      topic: t.id,
      label: t.label,
      hours: inPeriod.filter((x) => x.topics.includes(t.id)).reduce((a, x) => a + Math.round(x.hours * 100), 0) / 100,
      minimum: null,
    }));
    const training = {
      required_hours: renewal ? (choice?.training_hours ?? category.renewal.training_hours) : null,
      hours: total / 100,
      trainings: inPeriod.length,
      topics,
    };
    const missing: string[] = [];
    const trim = (h: number) => String(Math.round(h * 100) / 100);
    const word = (h: string) => (h === '1' ? 'hour' : 'hours');
    if (rsc.required_hours !== null && rsc.counted_minutes < rsc.required_hours * 60) {
      const left = trim(rsc.required_hours - rsc.counted_minutes / 60);
      missing.push(`${left} more ${word(left)} of RS/C received (${trim(rsc.counted_minutes / 60)} of ${rsc.required_hours} so far).`);
    }
    if (training.required_hours !== null && total < training.required_hours * 100) {
      const left = trim(training.required_hours - total / 100);
      missing.push(`${left} more ${word(left)} of training (${trim(total / 100)} of ${training.required_hours} so far).`);
    }
    return {
      kind: renewal ? 'renewal' : 'earning',
      year: req.renewal_year,
      category_id: category.id,
      category_name: category.name,
      association_name: association?.name ?? null,
      from,
      to,
      due,
      rsc,
      training,
      missing,
      notes,
      caveat:
        'Associations differ, and rules change: your association decides what counts. These figures come from what you logged here.',
      sources: [`${category.name}: ${category.note}`],
    };
  }

  exportCsv(req: EndorsementCsvRequest): SavedFile {
    const { from, to } = this.period(req.target);
    const name = `attune-endorsement-${req.what === 'sessions' ? 'rsc-sessions' : 'training'}-${req.target.renewal_year ?? `to-${to}`}.csv`;
    const rows =
      req.what === 'sessions'
        ? this.sessions()
            .filter((s) => s.date >= from && s.date <= to && s.role === 'receiving' && !s.details.peer && s.details.counts_toward_endorsement)
            .map((s) => s.date)
        : this.trainings.filter((t) => t.date >= from && t.date <= to).map((t) => t.date);
    this.saveFile(name, rows.join('\r\n'));
    return { saved: true, file_name: name };
  }
}
