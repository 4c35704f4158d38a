// How a check-in's overall reading is put into words, on the check-in result and the
// trends.

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

/**
 * An overall reading as a person reads it: the words first, then the number rounded to
 * a whole one ("A heavy stretch, about 7 of 10"). A decimal reads like a measurement,
 * which the check-in is not.
 */
export function readingWords(overall: number): string {
  const words = strainWords(overall);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}, about ${Math.round(overall)} of 10`;
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
