// The fake must behave like the core, or component tests prove nothing.
import { describe, expect, test } from 'vitest';
import { AttuneError } from './index';
import { blankFields, toNewEntry } from '../../features/journal/entry-fields';
import { emptyFilter } from '../../features/journal/list-query';
import { FakeBackend, makeRecoveryKey, mistypeRecoveryKey } from './fake';
import type { FindRequest } from '../ipc/types';
import { DEFAULT_SETTINGS } from '../settings';

function find(text: string, filter = emptyFilter(), offset = 0, limit = 25): FindRequest {
  return { text, filter, sort: 'newest', offset, limit };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as AttuneError).code;
  }
}

describe('fake backend', () => {
  test('create refuses short passphrases, then issues a recovery key it can check', async () => {
    const fake = new FakeBackend();
    expect(await code(fake.call('create_journal', { passphrase: 'too short' }))).toBe('weak_passphrase');
    const { recovery_key } = await fake.call('create_journal', { passphrase: 'long enough now' });
    expect(recovery_key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    await fake.call('check_recovery_key', { recovery_key: recovery_key.toLowerCase().replaceAll('-', ' ') });
    expect(await code(fake.call('check_recovery_key', { recovery_key: mistypeRecoveryKey(recovery_key) }))).toBe(
      'recovery_key_mistyped',
    );
    expect(await code(fake.call('check_recovery_key', { recovery_key: 'ABCD' }))).toBe('recovery_key_mistyped');
    expect(await code(fake.call('check_recovery_key', { recovery_key: makeRecoveryKey() }))).toBe('wrong_secret');
  });

  test('unlock needs the passphrase; a locked journal answers locked', async () => {
    const fake = new FakeBackend({ passphrase: 'long enough now' });
    expect(await code(fake.call('find_entries', find('')))).toBe('locked');
    expect(await code(fake.call('unlock', { passphrase: 'wrong one here' }))).toBe('wrong_secret');
    expect((await fake.call('unlock', { passphrase: 'long enough now' })).unlocked).toBe(true);
    await fake.call('lock', null);
    expect(await code(fake.call('get_settings', null))).toBe('locked');
  });

  test('search is all-words, at word starts, case- and accent-insensitive, with phrases', async () => {
    const fake = new FakeBackend({
      passphrase: 'long enough now',
      unlocked: true,
      entries: [
        { body: 'The mother seemed exhausted; the baby’s sleep is broken.', created_at: '2026-03-01T10:00:00Z' },
        { body: 'Le MÉDECIN est venu. Holding the baby in mind.', created_at: '2026-03-02T10:00:00Z' },
      ],
    });
    const total = async (q: string) => (await fake.call('find_entries', find(q))).total;
    expect(await total('SLEEP mother')).toBe(1);
    expect(await total('exhaust')).toBe(1);
    expect(await total('other')).toBe(0);
    expect(await total('medecin')).toBe(1);
    expect(await total('"holding the baby"')).toBe(1);
    expect(await total('"the holding"')).toBe(0);
    expect(await total('baby')).toBe(2);
    const page = await fake.call('find_entries', find('médecin'));
    const { text, highlights } = page.items[0]!.snippet;
    const chars = Array.from(text);
    expect(highlights.map(([a, b]) => chars.slice(a, b).join(''))).toEqual(['MÉDECIN']);
  });

  test('filters, newest first, paging with a total, and the trash', async () => {
    const fake = new FakeBackend({ passphrase: 'long enough now', unlocked: true });
    for (let i = 1; i <= 30; i++) {
      fake.seed({
        encounter_date: `2026-03-${String(i).padStart(2, '0')}`,
        kind: i % 2 ? 'encounter' : 'private',
        tags: i % 3 ? [] : ['Sleep'],
        family_code: i <= 5 ? 'FAM-1' : null,
        bring_to_supervision: i > 27,
        title: `Day ${i}`,
      });
    }
    const p1 = await fake.call('find_entries', find(''));
    expect(p1.total).toBe(30);
    expect(p1.items).toHaveLength(25);
    expect(p1.items[0]!.title).toBe('Day 30');
    const p2 = await fake.call('find_entries', find('', emptyFilter(), 25));
    expect(p2.items.map((i) => i.title)).toEqual(['Day 5', 'Day 4', 'Day 3', 'Day 2', 'Day 1']);
    const f = (over: Partial<ReturnType<typeof emptyFilter>>) => ({ ...emptyFilter(), ...over });
    expect((await fake.call('find_entries', find('', f({ kind: 'private' })))).total).toBe(15);
    expect((await fake.call('find_entries', find('', f({ tag: 'sleep' })))).total).toBe(10);
    expect((await fake.call('find_entries', find('', f({ family_code: 'fam-1' })))).total).toBe(5);
    expect((await fake.call('find_entries', find('', f({ flagged: true })))).total).toBe(3);
    expect((await fake.call('find_entries', find('', f({ from: '2026-03-10', to: '2026-03-12' })))).total).toBe(3);

    const id = p1.items[0]!.id;
    await fake.call('trash_entry', { id });
    expect((await fake.call('find_entries', find(''))).total).toBe(29);
    expect((await fake.call('find_entries', find('', f({ trash: true })))).items[0]!.id).toBe(id);
    await fake.call('restore_entry', { id });
    expect(await code(fake.call('restore_entry', { id }))).toBe('invalid_input');
  });

  test('entries are validated like the core', async () => {
    const fake = new FakeBackend({ passphrase: 'long enough now', unlocked: true });
    const base = { ...toNewEntry(blankFields('2026-03-04')), kind: null };
    expect(await code(fake.call('create_entry', { ...base, family_code: 'Jane Smith' }))).toBe('invalid_input');
    expect(await code(fake.call('create_entry', { ...base, carrying: 11 }))).toBe('invalid_input');
    const e = await fake.call('create_entry', { ...base, tags: [' #Sleep', 'sleep', ''] });
    expect(e.tags).toEqual(['Sleep']);
    expect(e.kind).toBe('encounter');
  });

  test('a staged draft is kept across a lock; settings are checked', async () => {
    const fake = new FakeBackend({ passphrase: 'long enough now', unlocked: true });
    const draft = { entry_id: null, fields: { ...toNewEntry(blankFields('2026-03-04')), body: 'half' }, saved_at: null };
    await fake.call('stage_draft', draft);
    await fake.call('lock', null);
    await fake.call('unlock', { passphrase: 'long enough now' });
    expect((await fake.call('kept_draft', null))?.saved_at).not.toBeNull();
    await fake.call('discard_draft', null);
    expect(await fake.call('kept_draft', null)).toBeNull();
    expect(await code(fake.call('save_settings', { ...DEFAULT_SETTINGS, auto_lock_minutes: 0, theme: 'dark' }))).toBe(
      'invalid_input',
    );
    expect(await code(fake.call('save_settings', { ...DEFAULT_SETTINGS, auto_lock_minutes: 241, theme: 'dark' }))).toBe(
      'invalid_input',
    );
    expect(
      (await fake.call('save_settings', { ...DEFAULT_SETTINGS, auto_lock_minutes: 240, theme: 'dark', privacy_mode: true })).theme,
    ).toBe('dark');
  });

  test('supports are tidied and checked as the core does', async () => {
    const fake = new FakeBackend({ passphrase: 'long enough now', unlocked: true });
    const saved = await fake.call('save_settings', {
      ...DEFAULT_SETTINGS,
      my_supports: [
        { label: ' EAP ', reach: ' 555-0100 ' },
        { label: ' ', reach: '' },
      ],
      crisis_line: '  ',
    });
    expect(saved.my_supports).toEqual([{ label: 'EAP', reach: '555-0100' }]);
    expect(saved.crisis_line).toBeNull();
    const refused = (my_supports: { label: string; reach: string }[]) =>
      code(fake.call('save_settings', { ...DEFAULT_SETTINGS, my_supports }));
    expect(await refused([{ label: '', reach: '555-0100' }])).toBe('invalid_input');
    expect(await refused([{ label: 'n'.repeat(61), reach: '' }])).toBe('invalid_input');
    expect(await refused(Array.from({ length: 13 }, (_, i) => ({ label: `S${i}`, reach: '' })))).toBe('invalid_input');
    expect(await refused([{ label: 'EAP', reach: 'a\nb' }])).toBe('invalid_input');
  });

  test('records every call for tests to inspect', async () => {
    const fake = new FakeBackend();
    await fake.call('status', null);
    await fake.call('about', null);
    expect(fake.names()).toEqual(['status', 'about']);
  });
});
