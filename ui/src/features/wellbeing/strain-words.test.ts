import { describe, expect, test } from 'vitest';
import { strainWords } from './strain-words';

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
