import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS } from './autosave';
import { KEPT_DRAFT_NOTE } from '../../lib/copy';
import { blankFields, toNewEntry } from './entry-fields';
import { alertText, flush, newReflectionOnFakeClock, renderApp, titles, unlockedFake } from '../../test/helpers';

afterEach(() => {
  vi.useRealTimers();
});

const newReflection = () => newReflectionOnFakeClock();

describe('entry editor', () => {
  test('stages every input at once and saves after a pause: create, then update', async () => {
    const { fake, user } = await newReflection();
    const saveState = screen.getByTestId('save-state');
    expect(saveState).toHaveTextContent('Not saved yet');
    expect(saveState).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTestId('entry-body')).toHaveFocus();

    await user.type(screen.getByTestId('entry-body'), 'Hard visit');
    await flush();
    const staged = fake.callsTo('stage_draft');
    expect(staged).toHaveLength('Hard visit'.length);
    expect(staged.map((d) => d.fields.body).at(-1)).toBe('Hard visit');
    expect(staged.every((d) => d.entry_id === null && d.saved_at === null)).toBe(true);
    expect(fake.callsTo('create_entry')).toHaveLength(0);
    expect(saveState).toHaveTextContent('Not saved yet');

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 10);
    expect(fake.callsTo('create_entry')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10);
    await flush();
    expect(fake.callsTo('create_entry').map((n) => n.body)).toEqual(['Hard visit']);
    const names = fake.names();
    expect(names.indexOf('discard_draft')).toBeGreaterThan(names.indexOf('create_entry'));
    expect(saveState).toHaveTextContent('Saved');

    await user.type(screen.getByTestId('entry-body'), ' today');
    await flush();
    expect(fake.callsTo('stage_draft').at(-1)!.entry_id).toBe(fake.entries[0]!.id);
    expect(saveState).toHaveTextContent('Not saved yet');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    await flush();
    expect(fake.callsTo('create_entry')).toHaveLength(1);
    expect(fake.callsTo('update_entry').map((u) => [u.id, u.change.body])).toEqual([
      [fake.entries[0]!.id, 'Hard visit today'],
    ]);
    expect(saveState).toHaveTextContent('Saved');
  });

  test('shows Saving… while the save is on its way', async () => {
    const { fake, user } = await newReflection();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const real = fake.call.bind(fake);
    fake.call = (async (command: string, req: unknown) => {
      if (command === 'create_entry') await gate;
      return real(command as never, req as never);
    }) as typeof fake.call;

    await user.type(screen.getByTestId('entry-body'), 'x');
    await user.click(screen.getByTestId('entry-save'));
    await flush();
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saving…');
    release();
    await flush();
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
  });

  test('Save now saves every field without waiting', async () => {
    const { fake, user } = await newReflection();
    await user.selectOptions(screen.getByTestId('entry-kind'), 'private');
    await fireEvent.input(screen.getByTestId('entry-date'), { target: { value: '2026-02-14' } });
    await user.selectOptions(screen.getByTestId('entry-setting'), 'telehealth');
    await user.type(screen.getByTestId('entry-title'), 'A long week');
    await user.type(screen.getByTestId('entry-family-code'), 'FAM-9');
    await user.type(screen.getByTestId('entry-tags'), 'sleep, feeding{Enter}#rupture');
    const heavy = screen.getByRole('group', { name: 'How heavy does this feel?' });
    expect(screen.queryByText(/How much am I carrying this/)).not.toBeInTheDocument();
    expect(within(heavy).getByRole('radio', { name: '10 of 10, Very heavy' })).toBeInTheDocument();
    await user.click(within(heavy).getByRole('radio', { name: '6 of 10' }));
    await user.click(screen.getByTestId('entry-flag'));
    await user.type(screen.getByTestId('entry-body'), 'Words.');
    expect(screen.getByRole('list', { name: 'Tags on this reflection' })).toHaveTextContent(/sleep.*feeding/);

    await user.click(screen.getByTestId('entry-save'));
    await flush();
    expect(fake.callsTo('create_entry')).toEqual([
      {
        encounter_date: '2026-02-14',
        kind: 'private',
        setting: 'telehealth',
        family_code: 'FAM-9',
        title: 'A long week',
        prompt_pack: null,
        answers: [],
        body: 'Words.',
        tags: ['sleep', 'feeding', 'rupture'],
        carrying: 6,
        bring_to_supervision: true,
        not_names: [],
      },
    ]);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
  });

  test('Ctrl+S saves now', async () => {
    const { fake, user } = await newReflection();
    await user.type(screen.getByTestId('entry-body'), 'x');
    await user.keyboard('{Control>}s{/Control}');
    await flush();
    expect(fake.callsTo('create_entry')).toHaveLength(1);
  });

  test('a refused save shows the core message and stays unsaved', async () => {
    const { fake, user } = await newReflection();
    await user.type(screen.getByTestId('entry-family-code'), 'Jane Smith');
    await user.click(screen.getByTestId('entry-save'));
    await flush();
    expect(alertText()).toMatch(/never a name/);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Not saved yet');
    expect(fake.entries).toHaveLength(0);
  });

  test('Back saves first, then shows the list with the new entry', async () => {
    const { fake, user } = await newReflection();
    await user.type(screen.getByTestId('entry-title'), 'Quick note');
    await user.click(screen.getByTestId('back-button'));
    await flush();
    expect(fake.callsTo('create_entry')).toHaveLength(1);
    vi.useRealTimers();
    await waitFor(() => expect(titles()).toEqual(['Quick note']));
  });

  test('a blank new reflection is not saved', async () => {
    const { fake, user } = await newReflection();
    await user.click(screen.getByTestId('back-button'));
    await flush();
    vi.useRealTimers();
    expect(await screen.findByTestId('empty-state')).toBeInTheDocument();
    expect(fake.callsTo('create_entry')).toHaveLength(0);
  });

  test('a draft kept at the last lock reopens the editor with a gentle note', async () => {
    const fields = { ...toNewEntry(blankFields('2026-03-04')), title: 'Unfinished', body: 'I was writing this' };
    const fake = unlockedFake([], { keptDraft: { entry_id: null, fields, saved_at: '2026-03-04T10:00:00Z' } });
    const { user } = renderApp(fake);
    expect(await screen.findByText(KEPT_DRAFT_NOTE)).toBeInTheDocument();
    expect(screen.getByTestId('entry-body')).toHaveValue('I was writing this');
    expect(screen.getByTestId('entry-title')).toHaveValue('Unfinished');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Not saved yet');

    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    expect(fake.entries.map((e) => e.body)).toEqual(['I was writing this']);
    expect(fake.kept).toBeNull();
    expect(screen.queryByText(KEPT_DRAFT_NOTE)).not.toBeInTheDocument();
  });

  test('a kept draft of an existing entry edits that entry', async () => {
    const fake = unlockedFake([{ title: 'Saved before', body: 'old' }]);
    const id = fake.entries[0]!.id;
    fake.kept = {
      entry_id: id,
      fields: { ...toNewEntry(blankFields('2026-03-04')), title: 'Saved before', body: 'old and new' },
      saved_at: '2026-03-04T10:00:00Z',
    };
    const { user } = renderApp(fake);
    expect(await screen.findByRole('heading', { name: 'Edit reflection' })).toBeInTheDocument();
    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.callsTo('update_entry')).toHaveLength(1));
    expect(fake.entries[0]!.body).toBe('old and new');
    expect(fake.callsTo('create_entry')).toHaveLength(0);
  });

  test('a kept draft can be discarded', async () => {
    const fields = { ...toNewEntry(blankFields('2026-03-04')), body: 'Kept words' };
    const fake = unlockedFake([], { keptDraft: { entry_id: null, fields, saved_at: '2026-03-04T10:00:00Z' } });
    const { user } = renderApp(fake);
    await screen.findByText(KEPT_DRAFT_NOTE);
    await user.click(screen.getByRole('button', { name: 'Discard it' }));
    expect(await screen.findByTestId('empty-state')).toBeInTheDocument();
    expect(fake.kept).toBeNull();
    expect(fake.callsTo('create_entry')).toHaveLength(0);
  });
});
