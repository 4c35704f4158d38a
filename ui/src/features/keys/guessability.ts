// How easy a passphrase would be to guess, estimated by zxcvbn (common passwords,
// English words and names, keyboard patterns, dates, repeats) here in the page, so a new
// passphrase never leaves it while it is being typed. The dictionaries are large:
// strength.ts loads this module only where a new passphrase is chosen.
import { ZxcvbnFactory, type Score, type TranslationKeys } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';

/** zxcvbn's reasons, as its keys: no translations are loaded, our words are in strength.ts. */
export type Warning = keyof TranslationKeys['warnings'];
export type Suggestion = keyof TranslationKeys['suggestions'];

export interface Guessability {
  /** 0 and 1 are too easy to guess (the core refuses them); 4 is very hard to guess. */
  score: Score;
  warning: Warning | null;
  suggestions: Suggestion[];
}

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary },
  graphs: adjacencyGraphs,
});

export function guessability(passphrase: string): Guessability {
  // The core judges the passphrase after NFC, as it stores it.
  const { score, feedback } = zxcvbn.check(passphrase.normalize('NFC'));
  return {
    score,
    warning: feedback.warning as Warning | null,
    suggestions: feedback.suggestions as Suggestion[],
  };
}
