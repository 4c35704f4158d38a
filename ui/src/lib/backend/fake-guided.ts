// The fake backend's guided-reflection side: prompt packs (the real built-in files from
// content/), lenses, wellbeing check-ins with their trends, insights and a small
// de-identification scan. For component tests only; the real rules live in Rust and are
// tested there. The fake keeps the same shapes and the same simple arithmetic, so the
// screens can be tested against believable data.
import type {
  Checkin,
  CheckinForm,
  CheckinSaved,
  DeidReport,
  Entry,
  Finding,
  FindingKind,
  Insights,
  ItemTrend,
  Lens,
  NewCheckin,
  PackRequest,
  PackSummary,
  PromptPack,
  RenderedAnswer,
  RiosElement,
  RscTheme,
  Trends,
  WeekSummary,
} from '../ipc/types';

const packFiles = import.meta.glob('../../../../content/packs/*/v*.json', { eager: true, import: 'default' });
const lensFile = import.meta.glob('../../../../content/lenses.json', { eager: true, import: 'default' });
const checkinFile = import.meta.glob('../../../../content/checkin.json', { eager: true, import: 'default' });
const insightsFile = import.meta.glob('../../../../content/insights.json', { eager: true, import: 'default' });
const INSIGHTS = Object.values(insightsFile)[0] as { about: string; element_never: string };
const INSIGHTS_ABOUT = INSIGHTS.about;

/** Every built-in pack version shipped in content/packs. */
export const BUILT_IN_PACKS: PromptPack[] = Object.values(packFiles) as PromptPack[];

/** The latest version of each built-in pack, as the library lists them. */
export const LATEST_BUILT_IN: PromptPack[] = [...new Set(BUILT_IN_PACKS.map((p) => p.id))].map(
  (id) => BUILT_IN_PACKS.filter((p) => p.id === id).sort((a, b) => b.version - a.version)[0],
);

/** The latest version of one built-in pack. */
export function latestBuiltIn(id: string): PromptPack {
  const pack = LATEST_BUILT_IN.find((p) => p.id === id);
  if (!pack) throw new Error(`no built-in pack ${id}`);
  return pack;
}
export const LENSES: Lens[] = (Object.values(lensFile)[0] as { lenses: Lens[] }).lenses;

interface CheckinFile {
  version: number;
  items: CheckinForm['items'];
  about: string;
  reminder: string;
  nudge: string;
  long_stretch: string;
  resources: string[];
  suggestions: { item_id: string | null; text: string }[];
}
const CHECKIN = Object.values(checkinFile)[0] as CheckinFile;

export const CHECKIN_FORM: CheckinForm = {
  version: CHECKIN.version,
  items: CHECKIN.items,
  about: CHECKIN.about,
  reminder: CHECKIN.reminder,
  nudge_text: CHECKIN.nudge,
  long_stretch_text: CHECKIN.long_stretch,
  resources: CHECKIN.resources,
  max_value: 10,
  max_note_chars: 2000,
};

const ELEMENT_LABELS: Record<RiosElement, string> = {
  family_story: 'Understanding the family story',
  holding_the_baby: 'Holding the baby in mind',
  use_of_self: 'Professional use of self',
  parallel_process: 'Parallel process',
  reflective_alliance: 'Reflective alliance',
};

type Fail = (code: 'invalid_input' | 'not_found', message: string) => Error;

const DAY_MS = 86_400_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

function strain(itemId: string, value: number): number | null {
  const item = CHECKIN.items.find((i) => i.id === itemId);
  if (!item) return null;
  return item.direction === 'higher_is_harder' ? value : 10 - value;
}

function overallOf(c: Checkin): number | null {
  const strains = c.answers.map((a) => strain(a.item_id, a.value)).filter((s): s is number => s !== null);
  return strains.length === 0 ? null : round1(strains.reduce((a, b) => a + b, 0) / strains.length);
}

/** As PromptPack::is_heavy: vicarious trauma and critical incident. */
export function isHeavy(p: { theme: RscTheme | null }): boolean {
  return p.theme === 'vicarious_trauma' || p.theme === 'critical_incident';
}

function mondayOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

export class FakeGuided {
  customPacks: PromptPack[] = [];
  checkins: Checkin[] = [];
  private seq = 0;

  constructor(
    private readonly now: () => Date,
    private readonly fail: Fail,
  ) {}

  private packs(): PromptPack[] {
    return [...BUILT_IN_PACKS, ...this.customPacks];
  }

  listPacks(): PackSummary[] {
    const latest = new Map<string, PromptPack>();
    for (const p of this.packs()) {
      const seen = latest.get(p.id);
      if (!seen || seen.version < p.version) latest.set(p.id, p);
    }
    return [...latest.values()].map((p) => ({
      heavy: isHeavy(p),
      containment_edited: this.containmentEdited(p),
      id: p.id,
      version: p.version,
      title: p.title,
      purpose: p.purpose,
      when_to_use: p.when_to_use,
      minutes: p.minutes,
      theme: p.theme,
      prompt_count: p.prompts.length,
      custom: p.origin.kind === 'custom',
    }));
  }

  /** As PromptPack::containment_edited, against the pack a copy was made from. */
  private containmentEdited(p: PromptPack): boolean {
    if (p.origin.kind !== 'custom' || !p.origin.based_on) return false;
    const ref = p.origin.based_on;
    const base = this.packs().find((x) => x.id === ref.id && x.version === ref.version);
    if (!base || base.closing.id !== 'containment') return false;
    const [a, b] = [p.closing, base.closing];
    return a.id !== b.id || a.text !== b.text || a.help !== b.help || JSON.stringify(a.examples) !== JSON.stringify(b.examples);
  }

  getPack(req: PackRequest): PromptPack {
    const matching = this.packs().filter((p) => p.id === req.id && (req.version === null || p.version === req.version));
    const pack = matching.sort((a, b) => b.version - a.version)[0];
    if (!pack) throw this.fail('not_found', 'That prompt pack is not here.');
    return pack;
  }

  duplicatePack(req: PackRequest): PromptPack {
    const source = this.getPack(req);
    this.seq++;
    const copy: PromptPack = {
      ...structuredClone(source),
      id: `my-${this.seq.toString(16).padStart(8, '0')}`,
      version: 1,
      title: `${source.title} (my copy)`,
      origin: { kind: 'custom', based_on: { id: source.id, version: source.version } },
    };
    this.customPacks.push(copy);
    return copy;
  }

  savePack(pack: PromptPack): PromptPack {
    const at = this.customPacks.findIndex((p) => p.id === pack.id);
    if (at < 0) throw this.fail('invalid_input', 'Only your own packs can be changed. Make a copy first.');
    if (pack.title.trim() === '') throw this.fail('invalid_input', 'A pack needs a title.');
    if (pack.prompts.length === 0) throw this.fail('invalid_input', 'A pack needs at least one prompt.');
    for (const p of [...pack.prompts, pack.closing]) {
      if (p.text.trim() === '' || p.help.trim() === '') {
        throw this.fail('invalid_input', 'Every prompt needs its question and a line of help.');
      }
    }
    const saved = { ...pack, version: this.customPacks[at].version + 1 };
    this.customPacks[at] = saved;
    return saved;
  }

  deletePack(req: PackRequest): null {
    const before = this.customPacks.length;
    this.customPacks = this.customPacks.filter((p) => p.id !== req.id);
    if (this.customPacks.length === before) throw this.fail('not_found', 'That prompt pack is not here.');
    return null;
  }

  /** Answers with their prompt texts, as the core renders them. */
  entryAnswers(entry: Entry): RenderedAnswer[] {
    const pack = entry.prompt_pack
      ? this.packs().find((p) => p.id === entry.prompt_pack?.id && p.version === entry.prompt_pack?.version)
      : undefined;
    return entry.answers.map((a) => {
      if (a.prompt_id.startsWith('lens:')) {
        const lens = LENSES.find((l) => `lens:${l.id}` === a.prompt_id);
        return {
          prompt_id: a.prompt_id,
          prompt: a.prompt || lens?.text || a.prompt_id,
          help: lens?.help ?? null,
          element: lens?.element ?? null,
          lens: true,
          value: a.value,
        };
      }
      const prompt = pack ? [...pack.prompts, pack.closing].find((p) => p.id === a.prompt_id) : undefined;
      return {
        prompt_id: a.prompt_id,
        prompt: prompt?.text ?? (a.prompt || a.prompt_id),
        help: prompt?.help ?? null,
        element: prompt?.element ?? null,
        lens: false,
        value: a.value,
      };
    });
  }

  /** Fill in each answer's prompt text (the core does this on save). */
  withPromptTexts(entry: Entry): void {
    for (const a of entry.answers) {
      if (a.prompt) continue;
      const [rendered] = this.entryAnswers({ ...entry, answers: [a] });
      a.prompt = rendered.prompt;
    }
  }

  saveCheckin(req: NewCheckin): CheckinSaved {
    if (req.answers.length === 0) throw this.fail('invalid_input', 'Answer at least one question to save a check-in.');
    const seen = new Set<string>();
    for (const a of req.answers) {
      if (!CHECKIN.items.some((i) => i.id === a.item_id)) throw this.fail('invalid_input', 'That question is not part of the check-in.');
      if (seen.has(a.item_id)) throw this.fail('invalid_input', 'Each question can be answered once.');
      if (!Number.isInteger(a.value) || a.value < 0 || a.value > 10) {
        throw this.fail('invalid_input', 'Answers go from 0 to 10.');
      }
      seen.add(a.item_id);
    }
    if (req.note !== null && [...req.note].length > 2000) throw this.fail('invalid_input', 'A note can be at most 2000 characters.');
    this.seq++;
    const checkin: Checkin = {
      id: this.seq.toString(16).padStart(32, 'c'),
      taken_at: this.now().toISOString(),
      item_set_version: CHECKIN.version,
      answers: req.answers,
      note: req.note,
    };
    this.checkins.push(checkin);
    const overall = overallOf(checkin);
    const suggestions: CheckinSaved['suggestions'] = [];
    if (overall !== null && overall >= 6) {
      const s = CHECKIN.suggestions.find((x) => x.item_id === null);
      if (s) suggestions.push(s);
    }
    const heavy = req.answers
      .map((a) => ({ id: a.item_id, strain: strain(a.item_id, a.value) ?? 0 }))
      .filter((x) => x.strain >= 7)
      .sort((a, b) => b.strain - a.strain);
    for (const h of heavy) {
      const s = CHECKIN.suggestions.find((x) => x.item_id === h.id);
      if (s && suggestions.length < 3) suggestions.push(s);
    }
    return { checkin, overall, suggestions, long_heavy_stretch: this.longHeavyStretch() };
  }

  /** As journal::checkin::long_heavy_stretch: the last three check-ins, or the last four weeks with one, all heavy (6 or more). */
  private longHeavyStretch(): boolean {
    const read = [...this.checkins]
      .sort((a, b) => a.taken_at.localeCompare(b.taken_at))
      .flatMap((c) => {
        const o = overallOf(c);
        return o === null ? [] : [{ at: c.taken_at, strain: o }];
      });
    const heavy = (x: number) => x >= 6;
    const inARow = read.length >= 3 && read.slice(-3).every((r) => heavy(r.strain));
    const weeks = new Map<string, number[]>();
    for (const r of read) weeks.set(mondayOf(r.at), [...(weeks.get(mondayOf(r.at)) ?? []), r.strain]);
    const means = [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([, xs]) => round1(xs.reduce((a, b) => a + b, 0) / xs.length));
    return inARow || (means.length >= 4 && means.slice(-4).every(heavy));
  }

  private since(weeks: number): Checkin[] {
    const from = weeks === 0 ? -Infinity : this.now().getTime() - weeks * 7 * DAY_MS;
    return this.checkins.filter((c) => new Date(c.taken_at).getTime() >= from);
  }

  listCheckins(weeks: number): Checkin[] {
    return [...this.since(weeks)].sort((a, b) => b.taken_at.localeCompare(a.taken_at));
  }

  deleteCheckin(id: string): null {
    const before = this.checkins.length;
    this.checkins = this.checkins.filter((c) => c.id !== id);
    if (this.checkins.length === before) throw this.fail('not_found', 'That check-in is not here.');
    return null;
  }

  trends(weeks: number): Trends {
    const chosen = [...this.since(weeks)].sort((a, b) => a.taken_at.localeCompare(b.taken_at));
    const items: ItemTrend[] = CHECKIN.items.map((item) => {
      const points = chosen.flatMap((c) =>
        c.answers.filter((a) => a.item_id === item.id).map((a) => ({ at: c.taken_at, value: a.value })),
      );
      return {
        item_id: item.id,
        label: item.label,
        direction: item.direction,
        points,
        latest: points.length ? points[points.length - 1].value : null,
        average: points.length ? round1(points.reduce((s, p) => s + p.value, 0) / points.length) : null,
      };
    });
    const overall = chosen.flatMap((c) => {
      const strainNow = overallOf(c);
      return strainNow === null ? [] : [{ at: c.taken_at, strain: strainNow }];
    });
    const byWeek = new Map<string, number[]>();
    for (const o of overall) byWeek.set(mondayOf(o.at), [...(byWeek.get(mondayOf(o.at)) ?? []), o.strain]);
    const weekly: WeekSummary[] = [...byWeek].map(([week_start, xs]) => ({
      week_start,
      overall_mean: round1(xs.reduce((a, b) => a + b, 0) / xs.length),
      count: xs.length,
    }));
    const last = this.checkins.map((c) => new Date(c.taken_at).getTime()).sort((a, b) => b - a)[0];
    const days = last === undefined ? null : Math.floor((this.now().getTime() - last) / DAY_MS);
    return {
      items,
      overall,
      weekly,
      days_since_last: days,
      nudge: days === null || days >= 14,
      count: chosen.length,
      long_heavy_stretch: this.longHeavyStretch(),
    };
  }

  insights(entries: Entry[], weeks: number): Insights {
    const w = weeks === 0 ? 4 : weeks;
    const to = this.now().toISOString().slice(0, 10);
    const from = new Date(this.now().getTime() - (w * 7 - 1) * DAY_MS).toISOString().slice(0, 10);
    const live = entries.filter((e) => e.deleted_at === null && e.encounter_date >= from && e.encounter_date <= to);
    const counts = new Map<RiosElement, { n: number; last: string | null }>();
    for (const e of live) {
      for (const r of this.entryAnswers(e)) {
        if (!r.element) continue;
        const c = counts.get(r.element) ?? { n: 0, last: null };
        c.n++;
        if (c.last === null || e.encounter_date > c.last) c.last = e.encounter_date;
        counts.set(r.element, c);
      }
    }
    const daysSince = (d: string | null) =>
      d === null ? null : Math.round((Date.parse(to) - Date.parse(d)) / DAY_MS);
    const elements = (Object.keys(ELEMENT_LABELS) as RiosElement[]).map((element) => ({
      element,
      label: ELEMENT_LABELS[element],
      answers: counts.get(element)?.n ?? 0,
      last: counts.get(element)?.last ?? null,
      days_since: daysSince(counts.get(element)?.last ?? null),
    }));
    const observations = elements
      .filter((e) => e.answers === 0 && e.element !== 'reflective_alliance')
      .map((e) => ({ element: e.element, text: INSIGHTS.element_never.replace('{element}', e.label) }));
    const THEMES: Record<RscTheme, string> = {
      challenging_relationships: 'Unpacking challenging relationships',
      implicit_bias: 'Exploring implicit bias',
      vicarious_trauma: 'Processing vicarious trauma',
      burnout: 'Preventing burnout',
      reflective_process: 'Facilitated reflective process',
      critical_incident: 'After a critical incident',
    };
    // As RscTheme::invites_when_quiet: never for heavy themes or burnout.
    const invites = (t: RscTheme) => !['vicarious_trauma', 'critical_incident', 'burnout'].includes(t);
    const themes = (Object.keys(THEMES) as RscTheme[]).map((theme) => {
      const mine = live.filter((e) => this.packs().find((p) => p.id === e.prompt_pack?.id)?.theme === theme);
      const last = mine.map((e) => e.encounter_date).sort().at(-1) ?? null;
      return {
        theme,
        label: THEMES[theme],
        entries: mine.length,
        last,
        days_since: daysSince(last),
        invite: mine.length === 0 && invites(theme),
      };
    });
    const weeksSeen = new Map<string, number[]>();
    for (const e of live) {
      if (e.carrying === null) continue;
      const monday = mondayOf(`${e.encounter_date}T00:00:00Z`);
      weeksSeen.set(monday, [...(weeksSeen.get(monday) ?? []), e.carrying]);
    }
    const carrying = [...weeksSeen]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([starts, xs]) => ({
        week: starts,
        starts,
        mean: round1(xs.reduce((a, b) => a + b, 0) / xs.length),
        count: xs.length,
      }));
    return { about: INSIGHTS_ABOUT, weeks: w, from, to, entries: live.length, elements, themes, carrying, observations };
  }
}

const PATTERNS: [FindingKind, RegExp][] = [
  ['email', /[\w.+-]+@[\w-]+\.[\w.]+/g],
  ['phone', /\b\d{3}[- ]\d{4}\b/g],
  ['person_name', /\b(?:Mrs?|Ms|Dr)\.? [A-Z][a-z]+|(?<=[a-z,] )(?!(?:Mrs?|Ms|Dr)\b)[A-Z][a-z]+/g],
];

/**
 * A tiny stand-in for the core's scan: e-mail, "555-0147" phone numbers, "Mrs Name",
 * and a capitalised word in mid-sentence.
 */
export function fakeDeid(text: string, allow: string[]): DeidReport {
  const findings: Finding[] = [];
  const allowed = new Set(allow.map((w) => w.toLowerCase()));
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start16 = m.index ?? 0;
      const found = m[0];
      if (found.split(/\s+/).some((w) => allowed.has(w.toLowerCase()))) continue;
      const start = [...text.slice(0, start16)].length;
      findings.push({
        kind,
        start,
        end: start + [...found].length,
        start_utf16: start16,
        end_utf16: start16 + found.length,
        text: found,
      });
    }
  }
  findings.sort((a, b) => a.start - b.start);
  const counts = [...new Set(findings.map((f) => f.kind))].map((kind) => ({
    kind,
    count: findings.filter((f) => f.kind === kind).length,
    label: kind.replace('_', ' '),
    why: 'It could identify a family.',
  }));
  return { findings, counts, total: findings.length };
}

/** Words on the allow-list that the scan would otherwise point at in `texts`. */
export function fakeSilenced(texts: string[], allow: string[]): string[] {
  const allowed = new Set(allow.map((w) => w.toLowerCase()));
  const words = texts.flatMap((t) => fakeDeid(t, []).findings.map((f) => f.text));
  const kept = words.filter((w) => allowed.has(w.toLowerCase()));
  return [...new Map(kept.map((w) => [w.toLowerCase(), w])).values()].sort((a, b) =>
    a.toLowerCase().localeCompare(b.toLowerCase()),
  );
}
