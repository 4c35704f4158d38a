import { describe, expect, test } from 'vitest';
import { guessability } from './guessability';
import { loadGuessability, passphraseStrength } from './strength';

const judge = (text: string) => passphraseStrength(text, guessability);

describe('passphrase strength', () => {
  test('nothing typed gives a hint and no level', () => {
    const s = judge('');
    expect(s.level).toBe('empty');
    expect(s.hint).toMatch(/10 characters/);
  });

  test('under ten characters is too short, counted in characters not bytes', () => {
    expect(judge('short one').level).toBe('too-short');
    expect(judge('ééééééééé').level).toBe('too-short');
    expect(judge('password1').level).toBe('too-short');
  });

  test('common passwords, repeats and keyboard runs are weak, and say why in our words', () => {
    expect(judge('password123')).toMatchObject({ level: 'weak', bars: 1, label: 'Weak' });
    expect(judge('password123').hint).toMatch(/^Many people use this one\. Attune needs one that is harder to guess/);
    expect(judge('password1234').hint).toMatch(/^This is close to one many people use\./);
    expect(judge('aaaaaaaaaaaa')).toMatchObject({ level: 'weak', hint: expect.stringMatching(/^Repeated characters/) });
    expect(judge('1234567890')).toMatchObject({ level: 'weak', hint: expect.stringMatching(/most used passwords/) });
    expect(judge('qwertyuiop').level).toBe('weak');
    expect(judge('p@ssw0rd123').level).toBe('weak');
  });

  test('what zxcvbn scores 0 or 1, which the core refuses, is never shown as acceptable', () => {
    for (const p of ['password123', 'password1234', 'iloveyou2024', 'Melbourne2019', 'letmein123456', 'abcabcabcabc']) {
      expect(guessability(p).score, p).toBeLessThanOrEqual(1);
      expect(judge(p), p).toMatchObject({ level: 'weak', bars: 1 });
      expect(judge(p).hint, p).toMatch(/Attune needs one that is harder to guess/);
    }
  });

  test('a long passphrase of unrelated words is strong; in between reads fair or good', () => {
    expect(judge('marmalade otter violin cactus')).toMatchObject({ level: 'strong', bars: 4, label: 'Strong' });
    expect(judge('correct horse battery staple').level).toBe('strong');
    expect(judge('quiet harbour lantern 42').level).toBe('strong');
    expect(judge('summer2024!')).toMatchObject({ level: 'fair', bars: 2, label: 'Fair' });
    expect(judge('otter violin')).toMatchObject({ level: 'good', bars: 3, label: 'Good' });
  });

  test('until zxcvbn has loaded, a long enough passphrase is not judged', () => {
    expect(passphraseStrength('password123', null)).toMatchObject({ level: 'unjudged', bars: 0, label: '' });
    expect(passphraseStrength('short', null).level).toBe('too-short');
  });

  test('zxcvbn loads once, on demand', async () => {
    const first = await loadGuessability();
    expect(await loadGuessability()).toBe(first);
    expect(first('password123').score).toBe(0);
  });

  test('every level has a label and a hint, and no hint shows one of zxcvbn’s keys', () => {
    for (const p of ['x', 'aaaaaaaaaaaa', 'password123', 'summer2024!', 'otter violin', 'correct horse battery staple']) {
      const s = judge(p);
      expect(s.label).not.toBe('');
      expect(s.hint).not.toBe('');
      expect(s.hint).not.toMatch(/[a-z][A-Z]/);
    }
  });
});
