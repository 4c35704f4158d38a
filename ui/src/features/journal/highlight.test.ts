import { describe, expect, test } from 'vitest';
import { highlightSegments } from './highlight';

describe('highlight segments', () => {
  test('marks the given ranges and keeps the rest as plain text', () => {
    expect(highlightSegments('the baby slept', [[4, 8]])).toEqual([
      { text: 'the ', mark: false },
      { text: 'baby', mark: true },
      { text: ' slept', mark: false },
    ]);
  });

  test('ranges count code points, as Rust chars do', () => {
    // "…" and the emoji are one char each in Rust but the emoji is two UTF-16 units.
    const text = '…😀 Élodie held';
    const segs = highlightSegments(text, [[3, 9], [10, 14]]);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Élodie', 'held']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  test('overlapping, reversed and out-of-range ranges are tidied', () => {
    const segs = highlightSegments('abcdef', [[4, 99], [1, 3], [2, 4], [5, 2]]);
    expect(segs).toEqual([
      { text: 'a', mark: false },
      { text: 'bcdef', mark: true },
    ]);
  });

  test('no ranges is the whole text, unmarked', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', mark: false }]);
    expect(highlightSegments('', [])).toEqual([{ text: '', mark: false }]);
  });
});
