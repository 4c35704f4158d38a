import { describe, expect, test } from 'vitest';
import { backupNoticeWords, clockTime, lastBackupWords, parseMoment, sizeWords } from './backup-words';

const now = new Date(2026, 2, 20, 18, 30);
const at = (days: number, hour: number, minute = 0) => new Date(2026, 2, 20 - days, hour, minute);

describe('backups in words', () => {
  test('the last backup: today, yesterday, days ago, a date, never', () => {
    expect(lastBackupWords(null, now)).toBe('Never');
    expect(lastBackupWords(at(0, 14, 5).toISOString(), now)).toBe(`Today at ${clockTime(at(0, 14, 5))}`);
    expect(lastBackupWords(at(1, 23, 59).toISOString(), now)).toBe(`Yesterday at ${clockTime(at(1, 23, 59))}`);
    expect(lastBackupWords(at(3, 9).toISOString(), now)).toBe('3 days ago');
    expect(lastBackupWords(at(40, 9).toISOString(), now)).toMatch(/^On .*2026/);
  });

  test('backup file times without a zone are UTC', () => {
    expect(parseMoment('2026-03-01T18:30:00')?.toISOString()).toBe('2026-03-01T18:30:00.000Z');
    expect(parseMoment('2026-03-01T18:30:00Z')?.toISOString()).toBe('2026-03-01T18:30:00.000Z');
    expect(parseMoment('not a time')).toBeNull();
  });

  test('sizes', () => {
    expect(sizeWords(900)).toBe('900 bytes');
    expect(sizeWords(245_760)).toBe('240 KB');
    expect(sizeWords(1_258_291)).toBe('1.2 MB');
  });

  test('the notice line', () => {
    expect(backupNoticeWords(null, now)).toBe('Your journal has not been backed up yet.');
    expect(backupNoticeWords(at(9, 10).toISOString(), now)).toBe('No backup has worked for 9 days.');
  });
});
