// Words the app shows in more than one place: labels for the core's values, and the
// About page's statements. Kept here, as data, so they read the same everywhere.
import type { EntryKind, ImportSource, Setting, Theme } from './ipc/types';

export const APP_NAME = 'Attune';

export const KIND_LABELS: Record<EntryKind, string> = {
  encounter: 'Encounter reflection',
  private: 'Private reflection',
};

export const KINDS: readonly EntryKind[] = ['encounter', 'private'];

/** The apps a reflection can be imported from (the core's `ImportSource`). */
export const IMPORT_SOURCES: Record<ImportSource, string> = {
  dayone: 'Day One',
  jrnl: 'jrnl',
  minidiary: 'Mini Diary',
  minidiarium: 'Mini Diarium',
  markdown: 'Markdown notes',
};

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

/** The journal's quiet invitation when there has never been a check-in. */
export const FIRST_CHECKIN_INVITE =
  'When you have two minutes, a short wellbeing check-in can help you notice how the work is sitting with you.';

/**
 * What the de-identification check says when it finds nothing: never a clearance. It
 * points at some kinds of detail and misses others.
 */
export const DEID_FOUND_NOTHING =
  'The check found nothing to point at, but it cannot catch everything: first names at the start of a sentence, initials, nicknames, places and dates written in words can slip past. Read it once more before it leaves.';

/** What to look for when reading a text once more before it leaves (share, export). */
export const DEID_LOOK_FOR = [
  'Names, nicknames and initials, also at the start of a sentence',
  'A school, childcare, church, clinic, hospital or shelter named',
  'Dates of birth, also in words or without a year',
  'Phone numbers, addresses, case or record numbers, social media names',
  'Anything unusual enough that someone could recognize the family',
] as const;
