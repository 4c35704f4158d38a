// The wellbeing pieces inside the journal: the quiet nudge, the check-in, the trends.
import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { FIRST_CHECKIN_INVITE } from '../../lib/copy';
import { openJournal, unlockedFake } from '../../test/helpers';

describe('wellbeing in the journal', () => {
  test('a first check-in is invited, taken, and its trend is one click away', async () => {
    const fake = unlockedFake([], { now: () => new Date('2026-03-20T18:00:00Z') });
    const { user } = await openJournal(fake);
    expect(await screen.findByTestId('checkin-nudge')).toHaveTextContent(FIRST_CHECKIN_INVITE);
    await user.click(screen.getByTestId('nudge-checkin'));
    const energy = await screen.findByTestId('checkin-item-energy');
    await user.click(energy.querySelector('input[value="3"]')!);
    await user.click(screen.getByTestId('checkin-save'));
    expect(await screen.findByTestId('checkin-result')).toBeInTheDocument();
    await user.click(screen.getByTestId('checkin-see-trends'));
    expect(await screen.findByTestId('wellbeing-table')).toBeInTheDocument();
    expect(screen.getByTestId('nav-wellbeing')).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByTestId('nav-journal'));
    await screen.findByTestId('entry-list');
    expect(screen.queryByTestId('checkin-nudge')).not.toBeInTheDocument();
  });

  test('an old last check-in brings the gentle reminder, which can be put aside', async () => {
    const fake = unlockedFake([], { now: () => new Date('2026-03-20T18:00:00Z') });
    fake.guided.checkins.push({
      id: 'c'.repeat(32),
      taken_at: '2026-02-20T18:00:00Z',
      item_set_version: 1,
      answers: [{ item_id: 'sleep', value: 6 }],
      note: null,
    });
    const { user } = await openJournal(fake);
    const nudge = await screen.findByTestId('checkin-nudge');
    expect(nudge).toHaveTextContent(/been a while since your last check-in/);
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByTestId('checkin-nudge')).not.toBeInTheDocument());
  });

  test('a recent check-in means no reminder', async () => {
    const fake = unlockedFake([], { now: () => new Date('2026-03-20T18:00:00Z') });
    fake.guided.checkins.push({
      id: 'c'.repeat(32),
      taken_at: '2026-03-15T18:00:00Z',
      item_set_version: 1,
      answers: [{ item_id: 'sleep', value: 6 }],
      note: null,
    });
    await openJournal(fake);
    await screen.findByTestId('entry-list');
    expect(screen.queryByTestId('checkin-nudge')).not.toBeInTheDocument();
  });

  test('with the reminder turned off in Settings, an old check-in brings no reminder', async () => {
    const fake = unlockedFake([], { now: () => new Date('2026-03-20T18:00:00Z'), settings: { checkin_reminder: false } });
    fake.guided.checkins.push({
      id: 'c'.repeat(32),
      taken_at: '2026-02-20T18:00:00Z',
      item_set_version: 1,
      answers: [{ item_id: 'sleep', value: 6 }],
      note: null,
    });
    await openJournal(fake);
    await screen.findByTestId('entry-list');
    // The journal asks for a kept draft after it has decided on the reminder.
    await waitFor(() => expect(fake.callsTo('kept_draft').length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('checkin-nudge')).not.toBeInTheDocument();
  });
});
