import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { openJournal, unlockedFake } from '../../test/helpers';

const NOW = () => new Date('2026-03-20T18:00:00Z');

describe('insights', () => {
  test('elements, themes and the carrying trend from recent reflections, with plain observations', async () => {
    const fake = unlockedFake(
      [
        {
          encounter_date: '2026-03-18',
          prompt_pack: { id: 'vicarious-trauma', version: 1 },
          answers: [{ prompt_id: 'lens:holding-the-baby', prompt: '', value: { type: 'text', value: 'x' } }],
          carrying: 8,
        },
        { encounter_date: '2026-03-10', carrying: 4, body: 'plain' },
        { encounter_date: '2026-03-11', carrying: 6, body: 'plain' },
      ],
      { now: NOW },
    );
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('nav-insights'));
    expect(await screen.findByRole('heading', { name: 'Insights' })).toHaveFocus();
    expect(screen.getByTestId('nav-insights')).toHaveAttribute('aria-current', 'page');

    const elements = await screen.findByTestId('insights-elements');
    const baby = within(elements).getByRole('row', { name: /Holding the baby in mind/ });
    expect(baby).toHaveTextContent('1');
    expect(baby).toHaveTextContent('2 days ago');
    expect(within(elements).getByRole('row', { name: /Parallel process/ })).toHaveTextContent('Not in this period');
    expect(screen.getByTestId('insights-observations')).toHaveTextContent('Parallel process has not come up');

    const themes = screen.getByTestId('insights-themes');
    expect(within(themes).getByRole('row', { name: /Processing vicarious trauma/ })).toHaveTextContent('1');

    const carrying = screen.getByTestId('insights-carrying');
    const rows = within(carrying).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.includes('5.0') || r.textContent?.includes('8.0'))).toEqual([true, true]);
    expect(fake.callsTo('insights')).toEqual([{ weeks: 4 }]);
  });

  test('the period can change, and a quiet theme offers its pack', async () => {
    const fake = unlockedFake([], { now: NOW });
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('nav-insights'));
    await screen.findByTestId('insights-elements');
    expect(screen.getByTestId('insights-carrying-empty')).toHaveTextContent('How heavy does this feel?');
    expect(screen.getByTestId('insights-about')).toHaveTextContent(/not a rating/);
    await user.selectOptions(screen.getByTestId('insights-period'), '12');
    await waitFor(() => expect(fake.callsTo('insights').at(-1)).toEqual({ weeks: 12 }));

    const bias = within(screen.getByTestId('insights-themes')).getByRole('row', { name: /Exploring implicit bias/ });
    await user.click(within(bias).getByTestId('insights-write'));
    const select = (await screen.findByTestId('pack-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('implicit-bias'));
    expect(await screen.findByTestId('guided-prompt')).toBeInTheDocument();
  });

  test('a zero counter never invites writing about vicarious trauma, critical incidents or burnout: only a look inside', async () => {
    const fake = unlockedFake([], { now: NOW });
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('nav-insights'));
    const themes = await screen.findByTestId('insights-themes');
    for (const name of [/Processing vicarious trauma/, /After a critical incident/, /Preventing burnout/]) {
      const row = within(themes).getByRole('row', { name });
      expect(row).toHaveTextContent('0');
      expect(within(row).queryByTestId('insights-write')).not.toBeInTheDocument();
      expect(within(row).getByTestId('insights-look-inside')).toHaveTextContent('Look inside');
    }
    const vt = within(themes).getByRole('row', { name: /Processing vicarious trauma/ });
    await user.click(within(vt).getByTestId('insights-look-inside'));
    const detail = await screen.findByTestId('pack-detail');
    expect(within(detail).getByRole('heading', { level: 1 })).toHaveTextContent('Processing vicarious trauma');
    expect(screen.getByTestId('nav-packs')).toHaveAttribute('aria-current', 'page');
    // Looking is not writing.
    expect(fake.callsTo('create_entry')).toHaveLength(0);
    expect(screen.queryByTestId('pack-select')).not.toBeInTheDocument();
  });
});
