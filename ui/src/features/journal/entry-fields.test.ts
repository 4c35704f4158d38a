import { describe, expect, test } from 'vitest';
import { blankFields, isBlank, toChange, toNewEntry } from './entry-fields';
import { addTags, splitTyped, tidyTag } from './tags';

describe('tags', () => {
  test('are trimmed, lose a leading # and skip case-insensitive repeats', () => {
    expect(tidyTag('  #sleep ')).toBe('sleep');
    expect(addTags(['Sleep'], ['sleep', ' feeding ', '', '#rupture'])).toEqual(['Sleep', 'feeding', 'rupture']);
  });

  test('a comma finishes a tag; the rest is still being typed', () => {
    expect(splitTyped('sleep, feeding, rep')).toEqual({ done: ['sleep', ' feeding'], rest: ' rep' });
    expect(splitTyped('sle')).toEqual({ done: [], rest: 'sle' });
  });
});

describe('editor fields', () => {
  test('empty text boxes become null and a half-typed tag is kept', () => {
    const f = { ...blankFields('2026-03-04'), title: '  ', family_code: ' FAM-7 ', tags: ['sleep'] };
    const n = toNewEntry(f, 'feeding');
    expect(n.title).toBeNull();
    expect(n.family_code).toBe('FAM-7');
    expect(n.tags).toEqual(['sleep', 'feeding']);
    expect(n.encounter_date).toBe('2026-03-04');
  });

  test('a change names every field, so clearing one clears it', () => {
    const change = toChange(toNewEntry(blankFields('2026-03-04')));
    expect(change.title).toBeNull();
    expect(change.setting).toBeNull();
    expect(change.carrying).toBeNull();
    expect(change.body).toBe('');
  });

  test('a new editor with nothing written is blank', () => {
    expect(isBlank(toNewEntry(blankFields('2026-03-04')))).toBe(true);
    expect(isBlank(toNewEntry({ ...blankFields('2026-03-04'), body: 'x' }))).toBe(false);
    expect(isBlank(toNewEntry({ ...blankFields('2026-03-04'), carrying: 0 }))).toBe(false);
  });
});
