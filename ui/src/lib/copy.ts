// Words the app shows in more than one place: labels for the core's values, and the
// About page's statements. Kept here, as data, so they read the same everywhere.
import type { EntryKind, ImportSource, Setting, Theme } from './ipc/types';

export const APP_NAME = 'Attune';

export const KIND_LABELS: Record<EntryKind, string> = {
  encounter: 'About a visit or session',
  private: 'About me and my work',
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
  'Attune never connects to the internet; nothing leaves this computer unless you share, export or back it up.',
] as const;

/**
 * Where a worry about a child's safety goes: to the agency and the supervisor today,
 * never only into Attune (welcome screen, About, "Before you write").
 */
export const CHILD_SAFETY =
  'If something you saw or heard means a child may not be safe, follow your agency’s child-protection steps today and talk with your supervisor now. Writing in Attune is not a report.';

/** About: a journal of work reflections on a personal computer may fall under a policy. */
export const AGENCY_POLICY_NOTE =
  'Some agencies have a policy about keeping reflections on work on your own computer. It is worth checking yours.';

/** The question on every reflection, and on the list, views and insights. */
export const CARRYING_QUESTION = 'How heavy does this feel?';

/** When the person has set no crisis line of their own. */
export const CRISIS_LINE_DEFAULT = 'Call or text 988 in the US (the 988 Suicide & Crisis Lifeline)';
/** When the person has set no emergency number of their own. */
export const EMERGENCY_DEFAULT = 'Your local emergency number';
/** The line that leads into the crisis line and emergency number. */
export const CRISIS_LEAD = 'If you might harm yourself, or you are not safe right now, reach someone today:';

/** The crisis line and emergency number to name: the person's own, or the defaults. */
export function crisisContacts(settings: { crisis_line?: string | null; emergency_number?: string | null } | null): {
  line: string;
  emergency: string;
} {
  return {
    line: settings?.crisis_line?.trim() || CRISIS_LINE_DEFAULT,
    emergency: settings?.emergency_number?.trim() || EMERGENCY_DEFAULT,
  };
}

/** "Before you write": shown once after set-up, and again from About. */
export const BEFORE_YOU_WRITE: readonly { lead: string; text: string }[] = [
  {
    lead: 'Use codes, not names.',
    text: 'Call each family by a short code you choose, like FAM-7. Leave out names, addresses, birth dates and record numbers.',
  },
  {
    lead: 'This is not a clinical record.',
    text: 'Attune holds your own reflections on the work. Case notes and decisions belong in your agency’s records.',
  },
  {
    lead: 'It is not where a concern is reported.',
    text: CHILD_SAFETY,
  },
];

/** The limits of confidentiality, at the moment of sharing (and linked from the share panel after). */
export const SHARE_LIMITS: readonly string[] = [
  'Encryption means only the person you share with can open the file. It does not decide what happens after they read it.',
  'What happens next is part of your supervision agreement. A supervisor may need to act on a worry about a child’s safety, and written material may fall under your agency’s policy.',
  'Write about your experience of the work, and leave out any case facts you would keep out of writing.',
];

export const UNTITLED = 'Untitled reflection';

export const SAVE_STATE_LABELS = {
  new: 'Not saved yet',
  unsaved: 'Not saved yet',
  saving: 'Saving…',
  saved: 'Saved',
} as const;

export const KEPT_DRAFT_NOTE = 'Attune kept what you were writing when it locked.';

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
