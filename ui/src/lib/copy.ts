// Words the app shows in more than one place: labels for the core's values, and the
// About page's statements. Kept here, as data, so they read the same everywhere.
import type { EntryKind, Setting, Theme } from './ipc/types';

export const APP_NAME = 'Attune';

export const KIND_LABELS: Record<EntryKind, string> = {
  encounter: 'Encounter reflection',
  private: 'Private reflection',
};

export const KINDS: readonly EntryKind[] = ['encounter', 'private'];

export const SETTING_LABELS: Record<Setting, string> = {
  home_visit: 'Home visit',
  clinic: 'Clinic',
  hospital: 'Hospital',
  early_care: 'Early care and education',
  community: 'Community',
  telehealth: 'Telehealth',
  office: 'Office',
  other: 'Somewhere else',
};

export const SETTINGS: readonly Setting[] = [
  'home_visit',
  'clinic',
  'hospital',
  'early_care',
  'community',
  'telehealth',
  'office',
  'other',
];

export const THEME_LABELS: Record<Theme, string> = {
  system: 'Same as this computer',
  light: 'Light',
  dark: 'Dark',
};

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** What Attune is, in one sentence (welcome screen). */
export const WHAT_ATTUNE_IS =
  'Attune is a quiet place to reflect on your work with babies and families, and to gather what you want to bring to supervision.';

/** The privacy promise, in two sentences (welcome screen, About). */
export const PRIVACY_PROMISE = [
  'Everything you write stays on this computer, encrypted with a passphrase only you know.',
  'Nothing is ever sent anywhere.',
] as const;

export const UNTITLED = 'Untitled reflection';

export const SAVE_STATE_LABELS = {
  new: 'Not saved yet',
  unsaved: 'Not saved yet',
  saving: 'Saving…',
  saved: 'Saved',
} as const;

export const KEPT_DRAFT_NOTE = 'We kept what you were writing when Attune locked.';

/** The printed sheet that goes with a recovery key. */
export const RECOVERY_PRINT_TITLE = 'Attune recovery key';
export const RECOVERY_PRINT_NOTE =
  'If you forget your passphrase, this key is the only way back into your Attune journal. Keep this sheet somewhere safe and private, away from your computer.';

/**
 * Words for a check-in's overall reading (0 light to 10 heavy), gentlest first. Each
 * band runs from its `from` up to the next band's; the words describe the stretch of
 * work, never the person.
 */
export const STRAIN_BANDS: readonly { from: number; words: string }[] = [
  { from: 0, words: 'a lighter stretch' },
  { from: 3, words: 'some weight, and some ease' },
  { from: 6, words: 'a heavy stretch' },
  { from: 8, words: 'a lot to carry just now' },
];

export function strainWords(overall: number): string {
  let words = STRAIN_BANDS[0].words;
  for (const band of STRAIN_BANDS) if (overall >= band.from) words = band.words;
  return words;
}

/** How the overall reading is made, in one line (check-in result, trends). */
export const STRAIN_NOTE =
  'The overall reading runs from 0 (light) to 10 (heavy). Questions where a higher answer is easier, like sleep, are turned around so that higher always means heavier.';

/** The trends' time periods, in weeks (0 is every check-in). */
export const CHECKIN_PERIODS: readonly { weeks: number; label: string }[] = [
  { weeks: 4, label: 'The last 4 weeks' },
  { weeks: 12, label: 'The last 12 weeks' },
  { weeks: 52, label: 'The last year' },
  { weeks: 0, label: 'Every check-in' },
];

/** The journal's quiet invitation when there has never been a check-in. */
export const FIRST_CHECKIN_INVITE =
  'When you have two minutes, a short wellbeing check-in can help you notice how the work is sitting with you.';

/** Supervision sessions: how the format and the role read. */
export const SESSION_FORMAT_LABELS: Record<'individual' | 'group', string> = {
  individual: 'Individual',
  group: 'Group',
};
export const SESSION_ROLE_LABELS: Record<'receiving' | 'giving', string> = {
  receiving: 'I received supervision',
  giving: 'I gave supervision',
};

/** What the hours CSV holds, said beside its button. */
export const SESSION_EXPORT_NOTE =
  'The file holds dates, durations, formats, names and roles only. It never holds your notes or entries.';

/** Minutes as hours, at most two decimals: 450 → "7.5", 100 → "1.67". */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** A session's length: "45 min", "1 h", "1 h 30 min". */
export function formatSessionLength(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
