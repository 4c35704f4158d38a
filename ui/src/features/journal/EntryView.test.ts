import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { openJournal, titles, unlockedFake } from '../../test/helpers';

const two = () => [
  {
    title: 'First visit',
    body: 'Line one.\nLine two.',
    family_code: 'FAM-1',
    tags: ['sleep'],
    carrying: 4,
    encounter_date: '2026-03-01',
    created_at: '2026-03-01T10:00:00Z',
  },
  { title: 'Second visit', body: 'Other', encounter_date: '2026-03-02', created_at: '2026-03-02T10:00:00Z' },
];

async function openFirst() {
  const fake = unlockedFake(two());
  const r = await openJournal(fake);
  await r.user.click(await screen.findByRole('button', { name: 'First visit' }));
  await screen.findByTestId('entry-view');
  return r;
}

describe('entry view', () => {
  test('shows the whole entry, read-only', async () => {
    await openFirst();
    const view = screen.getByTestId('entry-view');
    expect(await screen.findByRole('heading', { name: 'First visit' })).toBeInTheDocument();
    expect(view).toHaveTextContent('Line one.');
    expect(view).toHaveTextContent('FAM-1');
    expect(view).toHaveTextContent('How heavy it feels 4 of 10');
    expect(view).toHaveTextContent('sleep');
    expect(view.querySelector('input, textarea')).toBeNull();
  });

  test('Delete moves it to the trash, and Undo brings it back', async () => {
    const { fake, user } = await openFirst();
    await user.click(await screen.findByTestId('entry-delete'));

    expect(await screen.findByText('Moved to the trash.')).toBeInTheDocument();
    await waitFor(() => expect(titles()).toEqual(['Second visit']));
    expect(fake.entries.find((e) => e.title === 'First visit')!.deleted_at).not.toBeNull();

    await user.click(screen.getByTestId('undo-delete'));
    await waitFor(() => expect(titles()).toEqual(['Second visit', 'First visit']));
    expect(fake.callsTo('restore_entry')).toHaveLength(1);
    expect(screen.getByText(/Restored/)).toBeInTheDocument();
    expect(screen.queryByTestId('undo-delete')).not.toBeInTheDocument();
  });

  test('Edit opens the editor on that entry; Back saves and returns to the list', async () => {
    const { fake, user } = await openFirst();
    await user.click(await screen.findByTestId('entry-edit'));
    const title = await screen.findByTestId('entry-title');
    await waitFor(() => expect(title).toHaveValue('First visit'));
    await user.clear(title);
    await user.type(title, 'First visit, again');
    await user.click(screen.getByTestId('back-button'));
    await waitFor(() => expect(titles()).toEqual(['Second visit', 'First visit, again']));
    expect(fake.callsTo('update_entry')).toHaveLength(1);
    expect(fake.callsTo('create_entry')).toHaveLength(0);
  });

  test('a trashed entry offers Restore instead of Edit and Delete', async () => {
    const fake = unlockedFake([{ title: 'Old one', body: 'x', deleted_at: '2026-03-05T10:00:00Z' }]);
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('trash-toggle'));
    await user.click(await screen.findByRole('button', { name: 'Old one' }));
    await screen.findByTestId('entry-view');
    expect(screen.queryByTestId('entry-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('entry-delete')).not.toBeInTheDocument();
    expect(screen.getByText(/in the trash/)).toBeInTheDocument();

    // Restored, it goes back to the trash list, which is now empty; the journal has it.
    await user.click(screen.getByTestId('entry-restore'));
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('The trash is empty');
    expect(screen.getByText(/Restored/)).toBeInTheDocument();
    expect(fake.entries[0]!.deleted_at).toBeNull();
    await user.click(screen.getByTestId('trash-toggle'));
    await waitFor(() => expect(titles()).toEqual(['Old one']));
  });
});
