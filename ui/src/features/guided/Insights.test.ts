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

  test('the period can change, and a theme that has not come up offers its pack', async () => {
    const fake = unlockedFake([], { now: NOW });
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('nav-insights'));
    await screen.findByTestId('insights-elements');
    expect(screen.getByTestId('insights-carrying-empty')).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('insights-period'), '12');
    await waitFor(() => expect(fake.callsTo('insights').at(-1)).toEqual({ weeks: 12 }));

    const burnout = within(screen.getByTestId('insights-themes')).getByRole('row', { name: /Preventing burnout/ });
    await user.click(within(burnout).getByTestId('insights-write'));
    const select = (await screen.findByTestId('pack-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('preventing-burnout'));
    expect(await screen.findByTestId('guided-prompt')).toBeInTheDocument();
  });
});
