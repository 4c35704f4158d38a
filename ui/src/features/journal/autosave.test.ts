import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, Autosaver, type SaveState } from './autosave';
import { AttuneError } from '../../lib/backend';
import { blankFields, toNewEntry } from './entry-fields';
import { FakeBackend } from '../../lib/backend/fake';

function setup(entryId: string | null = null, dirty = false) {
  const fake = new FakeBackend({ passphrase: 'long enough pass', unlocked: true });
  const fields = { ...blankFields('2026-03-04') };
  const states: SaveState[] = [];
  const errors: Array<AttuneError | null> = [];
  const saver = new Autosaver({
    backend: fake,
    entryId,
    dirty,
    read: () => toNewEntry(fields),
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e),
  });
  return { fake, fields, saver, states, errors };
}

async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('stages every change at once and saves once after a pause', async () => {
    const { fake, fields, saver } = setup();
    fields.body = 'a';
    saver.changed();
    fields.body = 'ab';
    saver.changed();
    await settle();
    expect(fake.callsTo('stage_draft').map((d) => d.fields.body)).toEqual(['a', 'ab']);
    expect(fake.callsTo('create_entry')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(fake.callsTo('create_entry')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.callsTo('create_entry').map((n) => n.body)).toEqual(['ab']);
    expect(fake.callsTo('discard_draft')).toHaveLength(1);
    expect(saver.state).toBe('saved');
    expect(saver.entryId).not.toBeNull();
  });

  test('creates the first time, then updates the same entry', async () => {
    const { fake, fields, saver } = setup();
    fields.body = 'first';
    saver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    fields.body = 'second';
    saver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(fake.callsTo('create_entry')).toHaveLength(1);
    const updates = fake.callsTo('update_entry');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.id).toBe(saver.entryId);
    expect(updates[0]!.change.body).toBe('second');
    expect(fake.entries).toHaveLength(1);
  });

  test('typing during a save stages again after discard_draft lets go of it', async () => {
    const { fake, fields, saver } = setup();
    fields.body = 'one';
    saver.changed();
    const saving = saver.saveNow();
    fields.body = 'one two';
    saver.changed();
    await saving;
    const names = fake.names();
    const discard = names.lastIndexOf('discard_draft');
    expect(names.slice(discard + 1)).toContain('stage_draft');
    expect(fake.staged?.fields.body).toBe('one two');
    expect(saver.state).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(saver.state).toBe('saved');
    expect(fake.entries[0]!.body).toBe('one two');
  });

  test('a blank new entry is never created', async () => {
    const { fake, saver } = setup();
    saver.changed();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(fake.callsTo('create_entry')).toHaveLength(0);
    expect(fake.callsTo('discard_draft')).toHaveLength(1);
    expect(saver.state).toBe('new');
  });

  test('a failed save reports the error and stays unsaved', async () => {
    const { fake, fields, saver, errors } = setup();
    fake.failNext('create_entry', new AttuneError('disk_full', 'The disk is full.'));
    fields.body = 'x';
    saver.changed();
    expect(await saver.saveNow()).toBe(false);
    expect(saver.state).toBe('unsaved');
    expect(errors.at(-1)?.code).toBe('disk_full');
    expect(await saver.saveNow()).toBe(true);
    expect(errors.at(-1)).toBeNull();
  });

  test('a kept draft starts unsaved and saves on request', async () => {
    const { fake, fields, saver } = setup(null, true);
    expect(saver.state).toBe('unsaved');
    fields.body = 'kept text';
    expect(await saver.saveNow()).toBe(true);
    expect(fake.callsTo('create_entry')).toHaveLength(1);
  });
});
