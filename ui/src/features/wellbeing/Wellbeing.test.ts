import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { AttuneError } from '../../lib/backend';
import { formatDay, formatStamp } from '../../lib/dates';
import type { FakeBackend } from '../../lib/backend/fake';
import { CHECKIN_FORM } from '../../lib/backend/fake-guided';
import type { Checkin, CheckinAnswer } from '../../lib/ipc/types';
import { alertText, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Wellbeing from './Wellbeing.svelte';

const NOW = new Date('2026-03-20T12:00:00Z');

function checkin(id: string, taken_at: string, answers: Record<string, number>, note: string | null = null): Checkin {
  const list: CheckinAnswer[] = Object.entries(answers).map(([item_id, value]) => ({ item_id, value }));
  return { id, taken_at, item_set_version: 1, answers: list, note };
}

// Overall strain: energy is turned around (10 - answer), exhaustion counts as it is.
const SEEDED = [
  checkin('old', '2025-12-01T09:00:00Z', { energy: 5, exhaustion: 5 }), // 5, outside 12 weeks
  checkin('a', '2026-03-02T09:00:00Z', { energy: 4, exhaustion: 6 }, 'After the <b>Tuesday</b> visit.'), // 6
  checkin('b', '2026-03-04T09:00:00Z', { energy: 6, exhaustion: 4 }), // 4
  checkin('c', '2026-03-10T09:00:00Z', { energy: 2, exhaustion: 9, sleep: 3 }), // 8
];

async function openWellbeing(checkins: Checkin[] = SEEDED, now: Date = NOW) {
  const fake = unlockedFake([], { now: () => now });
  fake.guided.checkins.push(...structuredClone(checkins));
  const oncheckin = vi.fn();
  const r = renderScreen(fake, Wellbeing, { oncheckin });
  await screen.findByRole('heading', { name: 'Wellbeing' });
  await waitFor(() => expect(screen.queryByText('Gathering your check-ins…')).not.toBeInTheDocument());
  return { ...r, oncheckin };
}

/** Each body row of a table, as its cells' text. */
function rows(testid: string): string[][] {
  return [...screen.getByTestId(testid).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
  );
}

function lastCall(fake: FakeBackend, command: 'checkin_trends' | 'list_checkins') {
  const calls = fake.callsTo(command);
  return calls[calls.length - 1];
}

describe('wellbeing trends', () => {
  test('with no check-ins, an empty state invites the first one', async () => {
    const { user, oncheckin } = await openWellbeing([]);
    const empty = screen.getByTestId('wellbeing-empty');
    expect(empty).toHaveTextContent('No check-ins yet');
    expect(screen.queryByTestId('wellbeing-chart')).not.toBeInTheDocument();
    expect(screen.queryByTestId('wellbeing-table')).not.toBeInTheDocument();
    // Never "it has been a while" before there has been a first time.
    expect(screen.queryByTestId('wellbeing-nudge')).not.toBeInTheDocument();
    await user.click(within(empty).getByTestId('wellbeing-checkin'));
    expect(oncheckin).toHaveBeenCalledTimes(1);
    const about = await screen.findByTestId('wellbeing-about');
    expect(about).toHaveTextContent('not a validated measure or a diagnosis');
  });

  test('the weekly table, summary and past check-ins follow the fake’s trends', async () => {
    const { fake } = await openWellbeing();
    expect(fake.callsTo('checkin_trends')).toEqual([{ weeks: 12 }]);
    expect(fake.callsTo('list_checkins')).toEqual([{ weeks: 12 }]);

    expect(rows('wellbeing-table')).toEqual([
      [formatDay('2026-03-02'), '5', '2'],
      [formatDay('2026-03-09'), '8', '1'],
    ]);
    expect(screen.getByTestId('wellbeing-table').querySelector('caption')).toHaveTextContent('week by week');
    const chart = screen.getByTestId('wellbeing-chart');
    expect(chart).toHaveAttribute('role', 'img');
    expect(chart.getAttribute('aria-label')).toMatch(/Overall: 3 readings .*latest 8, lowest 4, highest 8/);

    const summary = rows('wellbeing-summary');
    expect(summary[0]).toEqual(['Energy', '2', '4', 'Easier']);
    expect(summary[1]).toEqual([CHECKIN_FORM.items[1].label, '9', new Intl.NumberFormat().format(6.3), 'Heavier']);
    expect(summary.find((r) => r[0] === 'Feeling supported')).toEqual(['Feeling supported', 'Not answered', 'Not answered', 'Easier']);

    const past = screen.getAllByTestId('wellbeing-checkin-row');
    expect(past).toHaveLength(3);
    expect(past[0]).toHaveTextContent(formatStamp('2026-03-10T09:00:00Z'));
    expect(past[0]).toHaveTextContent('A lot to carry just now, about 8 of 10');
    // The note is text, never markup.
    expect(within(past[2]).getByText('After the <b>Tuesday</b> visit.')).toBeInTheDocument();
    expect(past[2].querySelector('b')).toBeNull();
    expect(screen.queryByTestId('wellbeing-nudge')).not.toBeInTheDocument();
    expect(screen.getByTestId('wellbeing-resources')).toHaveTextContent(CHECKIN_FORM.resources[0]);
  });

  test('choosing a period asks for that many weeks', async () => {
    const { fake, user } = await openWellbeing();
    const period = screen.getByTestId('wellbeing-period');

    await user.selectOptions(period, 'The last year');
    await waitFor(() => expect(lastCall(fake, 'checkin_trends')).toEqual({ weeks: 52 }));
    expect(lastCall(fake, 'list_checkins')).toEqual({ weeks: 52 });
    await waitFor(() => expect(rows('wellbeing-table')).toHaveLength(3));
    expect(rows('wellbeing-table')[0]).toEqual([formatDay('2025-12-01'), '5', '1']);
    expect(screen.getAllByTestId('wellbeing-checkin-row')).toHaveLength(4);

    await user.selectOptions(period, 'The last 4 weeks');
    await waitFor(() => expect(lastCall(fake, 'checkin_trends')).toEqual({ weeks: 4 }));
    await user.selectOptions(period, 'Every check-in');
    await waitFor(() => expect(lastCall(fake, 'checkin_trends')).toEqual({ weeks: 0 }));
    expect(lastCall(fake, 'list_checkins')).toEqual({ weeks: 0 });
  });

  test('a period without check-ins says so', async () => {
    const { user } = await openWellbeing([checkin('old', '2025-12-01T09:00:00Z', { sleep: 2 })]);
    expect(screen.getByTestId('wellbeing-period-empty')).toHaveTextContent('No check-ins in the last 12 weeks');
    expect(screen.queryByTestId('wellbeing-table')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('wellbeing-period'), 'Every check-in');
    await waitFor(() => expect(rows('wellbeing-table')).toHaveLength(1));
  });

  test('the item picker shows that question’s chart and answers', async () => {
    const { user } = await openWellbeing();
    const picker = screen.getByTestId('wellbeing-item');
    expect(picker).toHaveValue('energy');
    expect(rows('wellbeing-item-table').map((r) => r[1])).toEqual(['4', '6', '2']);

    await user.selectOptions(picker, 'sleep');
    await waitFor(() => expect(rows('wellbeing-item-table')).toEqual([[formatStamp('2026-03-10T09:00:00Z'), '3']]));
    expect(screen.getByTestId('wellbeing-item-table').querySelector('caption')).toHaveTextContent(
      'Sleep: every answer (0 very poorly, 10 very well)',
    );
    expect(screen.getByTestId('wellbeing-item-chart').getAttribute('aria-label')).toMatch(/Sleep: 1 reading on /);

    await user.selectOptions(picker, 'support');
    expect(await screen.findByTestId('wellbeing-item-empty')).toHaveTextContent('You skipped this question');
    expect(screen.queryByTestId('wellbeing-item-table')).not.toBeInTheDocument();
  });

  test('a quiet nudge shows when the last check-in is old', async () => {
    const { user, oncheckin } = await openWellbeing(SEEDED, new Date('2026-04-10T12:00:00Z'));
    const nudge = await screen.findByTestId('wellbeing-nudge');
    expect(nudge).toHaveTextContent(CHECKIN_FORM.nudge_text);
    expect(nudge).not.toHaveAttribute('role', 'alert');
    await user.click(within(nudge).getByTestId('wellbeing-checkin'));
    expect(oncheckin).toHaveBeenCalledTimes(1);
    expect(screen.getAllByTestId('wellbeing-checkin')).toHaveLength(1);
  });

  test('delete asks first, then calls delete_checkin and the trends follow', async () => {
    const { fake, user } = await openWellbeing();
    const newest = screen.getAllByTestId('wellbeing-checkin-row')[0];

    await user.click(within(newest).getByTestId('wellbeing-delete'));
    await waitFor(() => expect(within(newest).getByTestId('wellbeing-delete-confirm')).toHaveFocus());
    await user.click(within(newest).getByTestId('wellbeing-delete-cancel'));
    await waitFor(() => expect(within(newest).getByTestId('wellbeing-delete')).toHaveFocus());
    await user.click(within(newest).getByTestId('wellbeing-delete'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(newest).getByTestId('wellbeing-delete')).toHaveFocus());
    expect(fake.callsTo('delete_checkin')).toHaveLength(0);

    await user.click(within(newest).getByTestId('wellbeing-delete'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('delete_checkin')).toEqual([{ id: 'c' }]));
    await waitFor(() => expect(screen.getAllByTestId('wellbeing-checkin-row')).toHaveLength(2));
    expect(rows('wellbeing-table')).toEqual([[formatDay('2026-03-02'), '5', '2']]);
    expect(screen.getByText('The check-in is deleted.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('heading', { name: 'Past check-ins' })).toHaveFocus();
  });

  test('an error from the core is shown', async () => {
    const fake = unlockedFake([], { now: () => NOW });
    fake.failNext('checkin_trends', new AttuneError('damaged_records', 'Some check-ins could not be read.'));
    renderScreen(fake, Wellbeing, { oncheckin: vi.fn() });
    await waitFor(() => expect(alertText()).toBe('Some check-ins could not be read.'));
    expect(screen.queryByText('Gathering your check-ins…')).not.toBeInTheDocument();
  });

  test('with the reminder turned off, no nudge shows, and checking in stays one click away', async () => {
    const fake = unlockedFake([], { now: () => new Date('2026-04-10T12:00:00Z'), settings: { checkin_reminder: false } });
    fake.guided.checkins.push(...structuredClone(SEEDED));
    renderScreen(fake, Wellbeing, { oncheckin: vi.fn() });
    await waitFor(() => expect(screen.getAllByTestId('wellbeing-checkin-row')).toHaveLength(3));
    expect(screen.queryByTestId('wellbeing-nudge')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('wellbeing-checkin')).toHaveLength(1);
  });

  test('four heavy weeks bring one gentle line about someone of your own, pointing to where to turn', async () => {
    const heavy = { energy: 2, exhaustion: 8 }; // overall 8
    const { fake } = await openWellbeing([
      checkin('w1', '2026-02-23T09:00:00Z', heavy),
      checkin('w2', '2026-03-02T09:00:00Z', heavy),
      checkin('w3', '2026-03-09T09:00:00Z', heavy),
      checkin('w4', '2026-03-16T09:00:00Z', heavy),
      checkin('w4b', '2026-03-17T09:00:00Z', { energy: 5, exhaustion: 5 }), // week mean 6.5, still heavy
    ]);
    const line = await screen.findByTestId('wellbeing-long-stretch');
    expect(line).toHaveTextContent(CHECKIN_FORM.long_stretch_text);
    expect(within(line).getByRole('link', { name: 'Where to turn' })).toHaveAttribute('href', '#where-heading');
    expect(screen.getByRole('heading', { name: 'Where to turn' })).toHaveAttribute('id', 'where-heading');
    // A lighter week since: the line goes.
    fake.guided.checkins.push(checkin('light', '2026-03-18T09:00:00Z', { energy: 9, exhaustion: 1 }));
    await fake.call('checkin_trends', { weeks: 12 }).then((t) => expect(t.long_heavy_stretch).toBe(false));
  });

  test('my supports: added, kept in the settings, shown under where to turn; a nameless one is explained', async () => {
    const { fake, user } = await openWellbeing();
    const where = screen.getByTestId('where-to-turn');
    expect(within(where).getByTestId('crisis-contacts')).toHaveTextContent(/988/);
    await user.click(within(where).getByTestId('support-edit'));
    const labels = () => within(where).getAllByTestId('support-label');
    const reaches = () => within(where).getAllByTestId('support-reach');
    expect(labels()[0]).toHaveFocus();
    await user.type(labels()[0], 'My supervisor');
    await user.type(reaches()[0], 'Tuesdays, or 555-0100');
    await user.click(within(where).getByTestId('support-add'));
    await user.type(reaches()[1], '555-0199');
    await user.click(within(where).getByTestId('support-save'));
    expect(within(where).getByRole('alert')).toHaveTextContent('Each support needs a name');
    expect(fake.callsTo('save_settings')).toHaveLength(0);

    await user.type(labels()[1], 'EAP');
    await user.type(within(where).getByTestId('support-crisis-line'), 'Lifeline 13 11 14');
    await user.click(within(where).getByTestId('support-save'));
    await waitFor(() => expect(within(where).getByTestId('support-list')).toBeInTheDocument());
    expect(fake.settings.my_supports).toEqual([
      { label: 'My supervisor', reach: 'Tuesdays, or 555-0100' },
      { label: 'EAP', reach: '555-0199' },
    ]);
    expect(fake.settings.crisis_line).toBe('Lifeline 13 11 14');
    expect(fake.settings.emergency_number).toBeNull();
    expect(within(where).getByTestId('support-list')).toHaveTextContent(/My supervisor.*Tuesdays, or 555-0100.*EAP.*555-0199/);
    expect(within(where).getByTestId('crisis-contacts')).toHaveTextContent('Crisis line: Lifeline 13 11 14');
    expect(within(where).getByTestId('crisis-contacts')).toHaveTextContent('Emergency services: Your local emergency number');
    expect(within(where).getByTestId('support-edit')).toHaveFocus();

    // Removing one and saving keeps the rest.
    await user.click(within(where).getByTestId('support-edit'));
    await user.click(within(where).getAllByTestId('support-remove')[0]);
    await user.click(within(where).getByTestId('support-save'));
    await waitFor(() => expect(fake.settings.my_supports).toEqual([{ label: 'EAP', reach: '555-0199' }]));
  });
});
