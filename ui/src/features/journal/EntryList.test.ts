import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { days, openJournal, titles, unlockedFake } from '../../test/helpers';

const journal = () => [
  {
    title: 'Sleepless night',
    body: 'The mother seemed exhausted; the baby’s sleep is broken.',
    encounter_date: '2026-03-03',
    created_at: '2026-03-03T10:00:00Z',
    kind: 'encounter' as const,
    family_code: 'FAM-7',
    tags: ['sleep'],
    bring_to_supervision: true,
    setting: 'home_visit' as const,
    carrying: 7,
  },
  {
    title: 'After the clinic',
    body: 'Le médecin est venu. Holding the baby in mind all afternoon.',
    encounter_date: '2026-03-02',
    created_at: '2026-03-02T10:00:00Z',
    kind: 'encounter' as const,
    family_code: 'FAM-2',
    tags: ['feeding'],
  },
  {
    title: 'Tired',
    body: 'A private note about my own week.',
    encounter_date: '2026-03-01',
    created_at: '2026-03-01T10:00:00Z',
    kind: 'private' as const,
  },
];

describe('journal list', () => {
  test('shows entries newest first with date, kind, code, tags and the flag', async () => {
    const fake = unlockedFake(journal());
    await openJournal(fake);
    await waitFor(() => expect(titles()).toEqual(['Sleepless night', 'After the clinic', 'Tired']));
    const first = screen.getAllByTestId('entry-list-item')[0]!;
    expect(first).toHaveTextContent('About a visit or session');
    expect(first).toHaveTextContent('How heavy: 7 of 10');
    expect(first).toHaveTextContent('FAM-7');
    expect(first).toHaveTextContent('sleep');
    expect(first).toHaveTextContent('For supervision');
    expect(first).toHaveTextContent('Home visit');
    expect(first).toHaveTextContent(/2026/);
    expect(screen.getAllByTestId('entry-list-item')[2]).toHaveTextContent('About me and my work');
    expect(fake.callsTo('find_entries')[0]).toEqual({
      text: '',
      filter: { from: null, to: null, tag: null, kind: null, family_code: null, flagged: false, trash: false },
      sort: 'newest',
      offset: 0,
      limit: 25,
    });
  });

  test('search as you type narrows the list and marks the hits', async () => {
    const fake = unlockedFake(journal());
    const { user } = await openJournal(fake);
    await waitFor(() => expect(titles()).toHaveLength(3));

    await user.type(screen.getByTestId('search-input'), 'MEDECIN');
    await waitFor(() => expect(titles()).toEqual(['After the clinic']));
    const marks = screen.getAllByTestId('entry-list-item')[0]!.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['médecin']);
    expect(screen.getByText('1 reflection matches')).toBeInTheDocument();
    // Typing is debounced: far fewer searches than keystrokes.
    expect(fake.callsTo('find_entries').length).toBeLessThan(1 + 'MEDECIN'.length);

    await user.clear(screen.getByTestId('search-input'));
    await user.type(screen.getByTestId('search-input'), '"holding the baby"');
    await waitFor(() => expect(titles()).toEqual(['After the clinic']));

    await user.clear(screen.getByTestId('search-input'));
    await user.type(screen.getByTestId('search-input'), 'nothing like this');
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('Nothing matches');
    await user.click(within(screen.getByTestId('empty-state')).getByRole('button', { name: /clear/i }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(screen.getByTestId('search-input')).toHaveValue('');
  });

  test('filters: kind, family code, tag, flagged, dates', async () => {
    const fake = unlockedFake(journal());
    const { user } = await openJournal(fake);
    await waitFor(() => expect(titles()).toHaveLength(3));

    await user.selectOptions(screen.getByTestId('filter-kind'), 'private');
    await waitFor(() => expect(titles()).toEqual(['Tired']));
    await user.selectOptions(screen.getByTestId('filter-kind'), '');
    await waitFor(() => expect(titles()).toHaveLength(3));

    await user.type(screen.getByTestId('filter-family'), 'fam-2');
    await waitFor(() => expect(titles()).toEqual(['After the clinic']));
    await user.clear(screen.getByTestId('filter-family'));
    await waitFor(() => expect(titles()).toHaveLength(3));

    await user.type(screen.getByTestId('filter-tag'), 'Sleep');
    await waitFor(() => expect(titles()).toEqual(['Sleepless night']));
    await user.clear(screen.getByTestId('filter-tag'));

    await user.click(screen.getByTestId('filter-flagged'));
    await waitFor(() => expect(titles()).toEqual(['Sleepless night']));
    await user.click(screen.getByTestId('filter-flagged'));

    await fireEvent.change(screen.getByTestId('filter-from'), { target: { value: '2026-03-02' } });
    await fireEvent.change(screen.getByTestId('filter-to'), { target: { value: '2026-03-02' } });
    await waitFor(() => expect(titles()).toEqual(['After the clinic']));
    const last = fake.callsTo('find_entries').at(-1)!;
    expect(last.filter).toMatchObject({ from: '2026-03-02', to: '2026-03-02', tag: null, flagged: false });
    expect(last.offset).toBe(0);
  });

  test('paging holds one page at a time', async () => {
    const fake = unlockedFake(days(30, (i) => ({ title: `Day ${i + 1}` })));
    const { user } = await openJournal(fake);
    await waitFor(() => expect(titles()).toHaveLength(25));
    expect(titles()[0]).toBe('Day 1');
    expect(screen.getByTestId('page-prev')).toBeDisabled();

    await user.click(screen.getByTestId('page-next'));
    await waitFor(() => expect(titles()).toEqual(['Day 26', 'Day 27', 'Day 28', 'Day 29', 'Day 30']));
    expect(screen.getByTestId('page-next')).toBeDisabled();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(fake.callsTo('find_entries').at(-1)).toMatchObject({ offset: 25, limit: 25 });

    await user.click(screen.getByTestId('page-prev'));
    await waitFor(() => expect(titles()).toHaveLength(25));
  });

  test('privacy mode hides snippets but keeps titles', async () => {
    const fake = unlockedFake(journal(), { settings: { privacy_mode: true } });
    await openJournal(fake);
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(screen.queryAllByTestId('entry-snippet')).toHaveLength(0);
    expect(document.body.textContent).not.toContain('exhausted');
    expect(screen.getByText('Privacy mode')).toBeInTheDocument();
  });

  test('snippets show when privacy mode is off', async () => {
    const fake = unlockedFake(journal());
    await openJournal(fake);
    await waitFor(() => expect(screen.getAllByTestId('entry-snippet')).toHaveLength(3));
    expect(document.body.textContent).toContain('exhausted');
  });

  test('an empty journal invites the first reflection', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('Your journal is ready');
    await user.click(within(empty).getByRole('button', { name: /first reflection/i }));
    expect(await screen.findByTestId('entry-body')).toBeInTheDocument();
  });

  test('the trash lists deleted entries and Restore brings one back', async () => {
    const fake = unlockedFake([...journal(), { title: 'Gone', body: 'x', deleted_at: '2026-03-05T10:00:00Z' }]);
    const { user } = await openJournal(fake);
    await waitFor(() => expect(titles()).toHaveLength(3));

    await user.click(screen.getByTestId('trash-toggle'));
    await waitFor(() => expect(titles()).toEqual(['Gone']));
    expect(screen.getByRole('heading', { name: 'Trash' })).toBeInTheDocument();
    expect(fake.callsTo('find_entries').at(-1)!.filter.trash).toBe(true);

    await user.click(screen.getByTestId('entry-restore'));
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('The trash is empty');
    expect(screen.getByText(/Restored/)).toBeInTheDocument();

    await user.click(screen.getByTestId('trash-toggle'));
    await waitFor(() => expect(titles()).toContain('Gone'));
  });
});
