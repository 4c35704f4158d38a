import { describe, expect, test } from 'vitest';
import { passphraseStrength } from './strength';

describe('passphrase strength', () => {
  test('nothing typed gives a hint and no level', () => {
    const s = passphraseStrength('');
    expect(s.level).toBe('empty');
    expect(s.hint).toMatch(/10 characters/);
  });

  test('under ten characters is too short, counted in characters not bytes', () => {
    expect(passphraseStrength('short one').level).toBe('too-short');
    expect(passphraseStrength('ééééééééé').level).toBe('too-short');
  });

  test('repeats, keyboard runs and common words stay weak', () => {
    expect(passphraseStrength('aaaaaaaaaaaa').level).toBe('weak');
    expect(passphraseStrength('password1234').level).toBe('weak');
    expect(passphraseStrength('1234567890').level).toBe('weak');
  });

  test('several words and length make it stronger', () => {
    expect(passphraseStrength('sunflowers at noon').level).toBe('fair');
    expect(passphraseStrength('Sunflowers at noon').level).toBe('good');
    expect(passphraseStrength('correct horse battery staple').level).toBe('strong');
  });

  test('every level has a label and a hint', () => {
    for (const p of ['x', 'aaaaaaaaaaaa', 'sunflowers at noon', 'correct horse battery staple']) {
      const s = passphraseStrength(p);
      expect(s.label).not.toBe('');
      expect(s.hint).not.toBe('');
    }
  });
});
