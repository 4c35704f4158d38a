import { describe, expect, test } from 'vitest';
import { readingWords, strainWords } from './strain-words';

describe('words for an overall reading', () => {
  test('each band starts at its edge, gentlest at 0', () => {
    expect(strainWords(0)).toBe('a lighter stretch');
    expect(strainWords(2.9)).toBe('a lighter stretch');
    expect(strainWords(3)).toBe('some weight, and some ease');
    expect(strainWords(5.9)).toBe('some weight, and some ease');
    expect(strainWords(6.5)).toBe('a heavy stretch');
    expect(strainWords(8)).toBe('a lot to carry just now');
    expect(strainWords(10)).toBe('a lot to carry just now');
  });
});

describe('an overall reading in a sentence', () => {
  test('leads with the words and rounds the number to a whole one', () => {
    expect(readingWords(6.6)).toBe('A heavy stretch, about 7 of 10');
    expect(readingWords(2.4)).toBe('A lighter stretch, about 2 of 10');
    expect(readingWords(8.5)).toBe('A lot to carry just now, about 9 of 10');
    expect(readingWords(0)).toBe('A lighter stretch, about 0 of 10');
  });
});
