// A passphrase strength estimate for the meter under "Choose a passphrase".
//
// Deliberately simple and explainable: length counts most, then several words, then
// a mix of kinds of characters; obvious patterns pull it down. It guides; the only
// hard rule is the core's minimum length (weak_passphrase).

/** The core's rule, in characters (Unicode code points after NFC). */
export const MIN_PASSPHRASE_CHARS = 10;

export type StrengthLevel = 'empty' | 'too-short' | 'weak' | 'fair' | 'good' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** 0 to 4: how many of the meter's four bars are filled. */
  bars: number;
  /** Short name of the level ("Fair"); empty before anything is typed. */
  label: string;
  /** One helpful sentence. */
  hint: string;
}

const COMMON = ['password', 'passphrase', 'qwerty', 'azerty', 'letmein', 'iloveyou', 'attune', 'welcome', 'admin'];
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Length in characters as the core counts them. */
export function passphraseLength(text: string): number {
  return Array.from(text.normalize('NFC')).length;
}

function hasRun(lower: string): boolean {
  for (const run of RUNS) {
    for (let i = 0; i + 4 <= run.length; i++) {
      if (lower.includes(run.slice(i, i + 4))) return true;
    }
  }
  return false;
}

function score(text: string): number {
  const chars = Array.from(text.normalize('NFC'));
  const n = chars.length;
  const lower = text.toLowerCase();
  let points = 0;

  if (n >= 14) points++;
  if (n >= 20) points++;
  if (n >= 28) points++;

  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}\s]/u, /\s/u].filter((re) =>
    re.test(text),
  ).length;
  if (kinds >= 3) points++;

  const words = text.split(/[\s\-_.,;:/+]+/u).filter((w) => /\p{L}{2,}/u.test(w));
  if (words.length >= 3) points++;
  if (words.length >= 4) points++;

  if (new Set(chars).size <= n / 3) points -= 2;
  if (COMMON.some((c) => lower.includes(c))) points -= 2;
  if (hasRun(lower)) points--;
  if (/^\p{N}+$/u.test(text)) points--;

  return Math.max(0, Math.min(4, points));
}

export function passphraseStrength(text: string): Strength {
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
  const points = score(text);
  if (points <= 1) {
    return {
      level: 'weak',
      bars: 1,
      label: 'Weak',
      hint: 'Try three or four unrelated words, like a short, odd sentence only you would write.',
    };
  }
  if (points === 2) {
    return {
      level: 'fair',
      bars: 2,
      label: 'Fair',
      hint: 'Getting there: another word or two would make it much harder to guess.',
    };
  }
  if (points === 3) {
    return { level: 'good', bars: 3, label: 'Good', hint: 'One more word would make it strong.' };
  }
  return { level: 'strong', bars: 4, label: 'Strong', hint: 'Make sure it is one you will remember.' };
}
