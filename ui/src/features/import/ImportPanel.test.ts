import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { AttuneError } from '../../lib/backend';
import { fakePreview } from '../../lib/backend/fake-import';
import { openJournal, unlockedFake } from '../../test/helpers';

/** A Day One export of three entries, one starred, with media left behind. */
function dayOneExport() {
  return {
    preview: fakePreview({
      entries: 3,
      already_in_journal: 1,
      first_date: '2024-03-04',
      last_date: '2024-03-07',
      starred: 1,
      tags: [{ tag: 'sleep', count: 2 }],
      dropped: [
        { kind: 'photo' as const, count: 4, text: '4 photos: media are not imported in this version.' },
        { kind: 'location' as const, count: 3, text: 'Locations (3 entries): not imported.' },
      ],
      deid: {
        total: 2,
        counts: [{ kind: 'phone' as const, count: 2, label: 'Phone number', why: '' }],
        most: [{ date: '2024-03-04', title: 'Tea before the visit', findings: 2 }],
      },
    }),
    entries: [
      { title: 'Tea before the visit', body: 'The father sang.', encounter_date: '2024-03-04', starred: true },
      { title: 'Before supervision', body: 'The silence after the call.', encounter_date: '2024-03-05' },
      { title: 'Evening', body: 'A long day, held well.', encounter_date: '2024-03-07' },
    ],
  };
}

async function openImport(exported: ReturnType<typeof dayOneExport> | null = dayOneExport()) {
  const fake = unlockedFake([{ title: 'Already here', body: 'Written in Attune.' }]);
  fake.importer.export = exported;
  const r = await openJournal(fake);
  await r.user.click(screen.getByTestId('settings-button'));
  await screen.findByTestId('import-panel');
  return r;
}

describe('importing another journal app from the app', () => {
  test('the preview comes first; "Import all" brings every entry in, flagging nothing unasked', async () => {
    const { fake, user } = await openImport();
    await user.click(screen.getByTestId('import-choose-file'));
    const preview = await screen.findByTestId('import-preview');
    expect(fake.importer.dialogs).toEqual([{ folder: false, format: null }]);
    expect(screen.getByTestId('import-summary')).toHaveTextContent('From Day One: 3 reflections to bring in');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('1 reflection is already in your journal');
    expect(within(screen.getByTestId('import-dropped')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '4 photos: media are not imported in this version.',
      'Locations (3 entries): not imported.',
    ]);
    expect(screen.getByTestId('import-deid')).toHaveTextContent('2 passages look as if they could identify a family');
    expect(screen.getByTestId('import-deid')).toHaveTextContent('Tea before the visit (2)');
    expect(preview).toHaveTextContent('Tags: sleep (2).');
    expect(fake.callsTo('import_journal')).toHaveLength(0);
    expect(fake.entries).toHaveLength(1);

    await user.click(screen.getByTestId('import-all'));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Imported 3 reflections.');
    expect(fake.callsTo('import_journal')).toEqual([{ as_private: false, flag_starred: false }]);
    expect(fake.entries).toHaveLength(4);
    expect(fake.entries.filter((e) => e.bring_to_supervision)).toHaveLength(0);
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();

    // Each one says where it came from when opened.
    await user.click(screen.getByTestId('nav-journal'));
    await user.click(await screen.findByRole('button', { name: 'Evening' }));
    expect(await screen.findByTestId('entry-imported')).toHaveTextContent('From Day One');
  });

  test('"Import as private reflections" with the starred entries flagged', async () => {
    const { fake, user } = await openImport();
    await user.click(screen.getByTestId('import-choose-folder'));
    await screen.findByTestId('import-preview');
    expect(fake.importer.dialogs).toEqual([{ folder: true, format: null }]);
    await user.click(screen.getByTestId('import-flag-starred'));
    await user.click(screen.getByTestId('import-private'));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('as private reflections');
    expect(fake.callsTo('import_journal')).toEqual([{ as_private: true, flag_starred: true }]);
    const imported = fake.entries.slice(1);
    expect(imported.every((e) => e.kind === 'private')).toBe(true);
    expect(imported.filter((e) => e.bring_to_supervision).map((e) => e.title)).toEqual(['Tea before the visit']);
  });

  test('Cancel forgets the choice and writes nothing', async () => {
    const { fake, user } = await openImport();
    await user.click(screen.getByTestId('import-choose-file'));
    await screen.findByTestId('import-preview');
    await user.click(screen.getByTestId('import-cancel'));
    await waitFor(() => expect(fake.callsTo('cancel_import')).toHaveLength(1));
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    expect(fake.callsTo('import_journal')).toHaveLength(0);
    expect(fake.entries).toHaveLength(1);
  });

  test('a closed dialog shows nothing, and a refused export says why', async () => {
    const { fake, user } = await openImport(null);
    await user.click(screen.getByTestId('import-choose-file'));
    await waitFor(() => expect(fake.callsTo('choose_import')).toHaveLength(1));
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();

    fake.failNext(
      'choose_import',
      new AttuneError(
        'invalid_input',
        'export.zip names a file outside itself (a path with .. or starting at the root). Nothing was imported.',
      ),
    );
    await user.click(screen.getByTestId('import-choose-file'));
    expect(await screen.findByTestId('import-error')).toHaveTextContent('Nothing was imported.');
    expect(fake.entries).toHaveLength(1);
  });

  test('an export with nothing new offers only Cancel', async () => {
    const { user } = await openImport({
      preview: fakePreview({ entries: 0, already_in_journal: 3, format_label: 'jrnl', format: 'jrnl' }),
      entries: [],
    });
    await user.click(screen.getByTestId('import-choose-file'));
    await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('From jrnl: 0 reflections to bring in.');
    expect(screen.queryByTestId('import-all')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-private')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-cancel')).toBeEnabled();
  });
});
