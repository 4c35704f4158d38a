import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { openJournal, unlockedFake } from '../../test/helpers';

async function openSettings(entries: Parameters<typeof unlockedFake>[0], neverFlag: string[] = []) {
  const fake = unlockedFake(entries);
  fake.settings.deid_allow = neverFlag;
  const r = await openJournal(fake);
  await r.user.click(screen.getByTestId('settings-button'));
  await r.user.click(await screen.findByTestId('export-start'));
  await screen.findByTestId('export-review');
  return r;
}

describe('export from the app', () => {
  test('identifying passages must be gone through before the save dialog is asked for', async () => {
    const { fake, user } = await openSettings([
      { title: 'Hard morning', body: 'Left a message for Mrs Okafor on 555-0147.' },
      { body: 'Nothing identifying here.' },
    ]);
    const findings = screen.getAllByTestId('export-finding');
    expect(findings.map((f) => within(f).getByRole('mark').textContent)).toEqual(['Mrs Okafor', '555-0147']);
    expect(findings[0]).toHaveTextContent('Hard morning');
    const save = screen.getByTestId('export-save');
    expect(save).toBeDisabled();
    expect(fake.callsTo('export_journal')).toHaveLength(0);

    await user.click(screen.getByTestId('export-reviewed'));
    await user.selectOptions(screen.getByTestId('export-format'), 'json');
    await user.click(save);
    await waitFor(() => expect(fake.callsTo('export_journal')).toEqual([{ format: 'json', reviewed: true }]));
    expect(await screen.findByTestId('export-saved')).toHaveTextContent(/not encrypted/);
  });

  test('with nothing found, the export needs no review but is never called clear', async () => {
    const { fake, user } = await openSettings([{ body: 'A calm visit.' }]);
    expect(screen.getByTestId('deid-found-nothing')).toHaveTextContent('cannot catch everything');
    expect(screen.getByTestId('export-review')).not.toHaveTextContent(/looks identifying/);
    expect(screen.getByTestId('deid-limits')).toHaveTextContent('Dates of birth, also in words');
    expect(screen.queryByTestId('deid-silenced')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-reviewed')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(fake.callsTo('export_journal')).toEqual([{ format: 'markdown', reviewed: false }]));
  });

  test('reflections print to a PDF only after the same review', async () => {
    const { fake, user } = await openSettings([{ title: 'Hard morning', body: 'Called Mrs Okafor on 555-0147.' }]);
    const print = screen.getByTestId('print-reflections');
    expect(print).toBeDisabled();
    await user.click(screen.getByTestId('export-reviewed'));
    await user.click(print);
    await waitFor(() => expect(fake.callsTo('print_reflections')).toHaveLength(1));
    const [req] = fake.callsTo('print_reflections') as Array<{ from: string; to: string; reviewed: boolean }>;
    expect(req).toMatchObject({ entry_ids: [], reviewed: true, paper: 'letter' });
    expect(req.from < req.to).toBe(true);
    expect(await screen.findByTestId('print-reflections-saved')).toHaveTextContent(/not encrypted/);
    expect(fake.savedFiles.at(-1)!.text).toContain('Hard morning');
  });

  test('words on the never-flag list are named in the review', async () => {
    await openSettings([{ body: 'Mom said Kayla slept well.' }], ['kayla']);
    expect(screen.queryAllByTestId('export-finding')).toHaveLength(0);
    expect(screen.getByTestId('deid-silenced')).toHaveTextContent('Kayla');
  });
});
