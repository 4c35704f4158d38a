// A passphrase strength estimate for the meter under "Choose a passphrase".
//
// The core has two rules: at least MIN_PASSPHRASE_CHARS characters, and not too easy to
// guess (zxcvbn scores 0 and 1 are refused). Length is counted here at once; how easy it
// is to guess comes from zxcvbn in guessability.ts, loaded on demand, and is said in our
// own words, never as a score.
import type { Guessability, Suggestion, Warning } from './guessability';

/** The core's rule, in characters (Unicode code points after NFC). */
export const MIN_PASSPHRASE_CHARS = 10;

/** `unjudged`: long enough, but the guessing estimate is not ready (or could not load). */
export type StrengthLevel = 'empty' | 'too-short' | 'unjudged' | 'weak' | 'fair' | 'good' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** 0 to 4: how many of the meter's four bars are filled. */
  bars: number;
  /** Short name of the level ("Fair"); empty when there is no judgement. */
  label: string;
  /** One or two helpful sentences. */
  hint: string;
}

/** zxcvbn, once loaded. */
export type Guess = (passphrase: string) => Guessability;

let loading: Promise<Guess> | null = null;

/** Load zxcvbn and its dictionaries (their own chunk, fetched once). */
export function loadGuessability(): Promise<Guess> {
  loading ??= import('./guessability').then(
    (m) => m.guessability,
    (e: unknown) => {
      loading = null; // Let the next meter try again.
      throw e;
    },
  );
  return loading;
}

/** What makes a passphrase easy to guess, for each of zxcvbn's warnings. */
const BECAUSE: Record<Warning, string> = {
  straightRow: 'Keys in a row on the keyboard are easy to guess.',
  keyPattern: 'Keyboard patterns are easy to guess.',
  simpleRepeat: 'Repeated characters, like “aaa”, are easy to guess.',
  extendedRepeat: 'Repeated patterns, like “abcabc”, are easy to guess.',
  sequences: 'Runs like “abc” or “123” are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
  topTen: 'This is one of the most used passwords.',
  topHundred: 'This is one of the most used passwords.',
  common: 'Many people use this one.',
  similarToCommon: 'This is close to one many people use.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'A name on its own is easy to guess.',
  commonNames: 'Common names are easy to guess.',
  userInputs: 'Details about you are easy to guess.',
  pwned: 'This one has appeared in lists of leaked passwords.',
};

/**
 * The suggestions that name a reason, when there is no warning. The rest (add a word,
 * use capitals or symbols) are covered by our advice or are not our advice.
 */
const BECAUSE_SUGGESTED: Partial<Record<Suggestion, string>> = {
  l33t: 'Swapping letters for look-alikes, like @ for a, hardly slows a guesser down.',
  reverseWords: 'Words spelled backwards are still easy to guess.',
  repeated: 'Repeated words and characters are easy to guess.',
  sequences: BECAUSE.sequences,
  dates: 'Dates and years are easy to guess.',
  recentYears: BECAUSE.recentYears,
  associatedYears: 'Dates and years are easy to guess.',
};

function because(g: Guessability): string | null {
  if (g.warning) return BECAUSE[g.warning];
  for (const s of g.suggestions) if (BECAUSE_SUGGESTED[s]) return BECAUSE_SUGGESTED[s];
  return null;
}

const sentences = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ');

/** Length in characters as the core counts them. */
export function passphraseLength(text: string): number {
  return Array.from(text.normalize('NFC')).length;
}

/** The meter's judgement of `text`; without `guess` only its length is judged. */
export function passphraseStrength(text: string, guess: Guess | null): Strength {
  const n = passphraseLength(text);
  if (n === 0) {
    return {
      level: 'empty',
      bars: 0,
      label: '',
      hint: `At least ${MIN_PASSPHRASE_CHARS} characters. A few words you will remember work well.`,
    };
  }
  if (n < MIN_PASSPHRASE_CHARS) {
    return {
      level: 'too-short',
      bars: 0,
      label: 'Too short',
      hint: `A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters.`,
    };
  }
  if (!guess) {
    return { level: 'unjudged', bars: 0, label: '', hint: 'A few unrelated words you will remember work well.' };
  }
  const g = guess(text);
  const why = because(g);
  if (g.score <= 1) {
    // The core refuses these, so the meter must not sound content with them.
    return {
      level: 'weak',
      bars: 1,
      label: 'Weak',
      hint: sentences(
        why,
        'Attune needs one that is harder to guess: try three or four unrelated words, like a short, odd sentence only you would write.',
      ),
    };
  }
  if (g.score === 2) {
    return {
      level: 'fair',
      bars: 2,
      label: 'Fair',
      hint: sentences(why, 'Getting there: another word or two would make it much harder to guess.'),
    };
  }
  if (g.score === 3) {
    return { level: 'good', bars: 3, label: 'Good', hint: 'One more word would make it strong.' };
  }
  return { level: 'strong', bars: 4, label: 'Strong', hint: 'Make sure it is one you will remember.' };
}
