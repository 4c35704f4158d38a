import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { todayIso } from '../../lib/dates';
import type { FakeBackend } from '../../lib/backend/fake';
import type { SessionInput } from '../../lib/ipc/types';
import { alertText, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Supervision from './Supervision.svelte';
import { emptyDetails } from './endorsement-words';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const YEAR = new Date().getFullYear();

function sessionInput(change: Partial<SessionInput> = {}): SessionInput {
  return {
    id: null,
    date: `${YEAR}-02-10`,
    minutes: 60,
    format: 'individual',
    with_whom: 'my supervisor',
    role: 'receiving',
    entries_discussed: [],
    notes: null,
    details: emptyDetails(),
    ...change,
  };
}

async function openSupervision(fake: FakeBackend = unlockedFake()) {
  const onsettingschange = vi.fn();
  const r = renderScreen(fake, Supervision, { onsettingschange });
  await screen.findByRole('heading', { name: 'Supervision' });
  await waitFor(() => expect(fake.callsTo('hours_summary')).toHaveLength(1));
  await screen.findByTestId('hours-received');
  return { ...r, onsettingschange };
}

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('session-row');
}

describe('supervision sessions and hours', () => {
  test('logs a session with exactly what was filled in, then shows it in the list and the hours', async () => {
    const fake = unlockedFake([
      { title: 'The crying at drop-off', encounter_date: `${YEAR}-02-03`, bring_to_supervision: true },
      { title: 'An ordinary visit', encounter_date: `${YEAR}-02-04` },
    ]);
    const { user } = await openSupervision(fake);
    const flagged = fake.entries[0];
    expect(fake.callsTo('find_entries')[0].filter.flagged).toBe(true);

    // Defaults: today, an hour, individual, receiving.
    expect(screen.getByTestId('session-date')).toHaveValue(todayIso());
    expect(screen.getByTestId('session-minutes')).toHaveValue(60);
    expect(screen.getByTestId('session-format-individual')).toBeChecked();
    expect(screen.getByTestId('session-role-receiving')).toBeChecked();
    // Only the flagged entry is offered at first, by title.
    const choices = within(screen.getByTestId('session-entries')).getAllByRole('checkbox');
    expect(choices).toHaveLength(1);
    expect(screen.getByText('The crying at drop-off')).toBeInTheDocument();

    await fireEvent.input(screen.getByTestId('session-date'), { target: { value: `${YEAR}-03-04` } });
    await user.clear(screen.getByTestId('session-minutes'));
    await user.type(screen.getByTestId('session-minutes'), '90');
    await user.click(screen.getByTestId('session-format-group'));
    await user.type(screen.getByTestId('session-with-whom'), 'Tuesday group');
    await user.click(choices[0]);
    await user.type(screen.getByTestId('session-notes'), 'Talked about staying with the not-knowing.');
    // What Endorsement asks: the group parts show only for a group session.
    await fireEvent.input(screen.getByTestId('session-provider'), { target: { value: 'Dr Lee' } });
    await fireEvent.input(screen.getByTestId('session-credential'), { target: { value: 'IMHM-C' } });
    await user.selectOptions(screen.getByTestId('session-delivery'), 'video');
    await fireEvent.input(screen.getByTestId('session-facilitator'), { target: { value: 'Dr Lee' } });
    await fireEvent.input(screen.getByTestId('session-group-size'), { target: { value: '5' } });
    await user.click(screen.getByTestId('session-presented'));
    expect(screen.getByTestId('session-counts')).toBeChecked();
    expect(screen.getByTestId('session-peer')).not.toBeChecked();
    await user.click(screen.getByTestId('session-save'));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(fake.callsTo('save_session')).toEqual([
      {
        id: null,
        date: `${YEAR}-03-04`,
        minutes: 90,
        format: 'group',
        with_whom: 'Tuesday group',
        role: 'receiving',
        entries_discussed: [flagged.id],
        notes: 'Talked about staying with the not-knowing.',
        details: {
          provider_name: 'Dr Lee',
          provider_credential: 'IMHM-C',
          delivery: 'video',
          facilitator: 'Dr Lee',
          group_size: 5,
          presented: true,
          peer: false,
          counts_toward_endorsement: true,
        },
      },
    ]);
    const row = rows()[0];
    expect(row).toHaveTextContent('provider Dr Lee, IMHM-C');
    expect(row).toHaveTextContent('1 h 30 min');
    expect(row).toHaveTextContent('Group');
    expect(row).toHaveTextContent('with Tuesday group');
    expect(row).toHaveTextContent('I received supervision');
    expect(row).toHaveTextContent('1 reflection discussed');
    expect(row).toHaveTextContent('Has notes');
    // The hours were asked again and show the new session.
    expect(fake.callsTo('hours_summary')).toEqual([{ year: YEAR }, { year: YEAR }]);
    expect(screen.getByTestId('hours-received')).toHaveTextContent(`1.5 hours of supervision received in ${YEAR}`);
    const months = screen.getByTestId('hours-months');
    expect(within(months).getAllByRole('row')).toHaveLength(2);
    expect(within(months).getByRole('rowheader')).toHaveTextContent(
      new Intl.DateTimeFormat(undefined, { month: 'long' }).format(new Date(2000, 2, 1)),
    );
    // The form is ready for the next one.
    expect(screen.getByTestId('session-with-whom')).toHaveValue('');
    expect(screen.getByTestId('session-minutes')).toHaveValue(60);
    expect(screen.getByText('Session saved.')).toBeInTheDocument();
    // Typing every field takes a while on a busy machine.
  }, 30_000);

  test('shows received hours against the target, and given hours apart', async () => {
    const fake = unlockedFake([], { settings: { rsc_hours_target: 12 } });
    fake.supervision.save(sessionInput({ minutes: 450 }));
    fake.supervision.save(sessionInput({ minutes: 90, role: 'giving', with_whom: 'a new home visitor' }));
    await openSupervision(fake);

    const progress = screen.getByTestId('hours-progress');
    expect(progress).toHaveTextContent('7.5 of 12 hours');
    expect(progress).toHaveAttribute('aria-valuetext', '7.5 of 12 hours');
    expect(progress).toHaveAttribute('max', '12');
    expect(progress).toHaveAttribute('value', '7.5');
    expect(screen.getByTestId('hours-given')).toHaveTextContent('Supervision you gave: 1.5 hours');
    expect(screen.getByTestId('hours-target')).toHaveValue(12);
  });

  test('saves the yearly target in the settings and updates the progress', async () => {
    const fake = unlockedFake();
    fake.supervision.save(sessionInput({ minutes: 180 }));
    const { user, onsettingschange } = await openSupervision(fake);
    expect(screen.queryByTestId('hours-progress')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('hours-target-save')).toBeEnabled());

    await user.type(screen.getByTestId('hours-target'), '12');
    await user.click(screen.getByTestId('hours-target-save'));

    expect(await screen.findByTestId('hours-progress')).toHaveTextContent('3 of 12 hours');
    expect(fake.callsTo('save_settings')).toEqual([
      { ...DEFAULT_SETTINGS, rsc_hours_target: 12 },
    ]);
    expect(onsettingschange).toHaveBeenCalledWith(expect.objectContaining({ rsc_hours_target: 12 }));
    expect(screen.getByText('Saved. Your yearly target is 12 hours.')).toBeInTheDocument();
  });

  test('refuses a target outside 1 to 200 hours without calling the core', async () => {
    const { user, fake } = await openSupervision();
    await waitFor(() => expect(screen.getByTestId('hours-target-save')).toBeEnabled());
    await user.type(screen.getByTestId('hours-target'), '500');
    await user.click(screen.getByTestId('hours-target-save'));
    expect(alertText()).toContain('from 1 to 200');
    expect(fake.callsTo('save_settings')).toEqual([]);
  });

  test('exports the hours CSV for the year: dates, durations, names and roles, never notes', async () => {
    const fake = unlockedFake();
    fake.supervision.save(sessionInput({ notes: 'Something private', with_whom: 'Dr. Reyes' }));
    const { user } = await openSupervision(fake);
    expect(screen.getByText(/never holds your notes or reflections/)).toBeInTheDocument();

    await user.click(screen.getByTestId('hours-export'));

    expect(await screen.findByTestId('hours-exported')).toHaveTextContent(`Saved attune-rsc-hours-${YEAR}.csv.`);
    expect(fake.callsTo('export_hours_csv')).toEqual([{ year: YEAR }]);
    const file = fake.savedFiles.at(-1)!;
    expect(file.text).toBe(
      `date,minutes,hours,format,with_whom,role\r\n${YEAR}-02-10,60,1.00,individual,Dr. Reyes,receiving\r\n`,
    );
    expect(file.text).not.toContain('private');
  });

  test('prints the hours statement of the year to a PDF: received sessions, never notes', async () => {
    const fake = unlockedFake();
    fake.supervision.save(sessionInput({ notes: 'Something private', with_whom: 'Dr. Reyes' }));
    const { user } = await openSupervision(fake);

    await user.click(screen.getByTestId('hours-print'));

    expect(await screen.findByTestId('hours-exported')).toHaveTextContent(
      `Saved attune-hours-${YEAR}-01-01-to-${YEAR}-12-31.pdf, ready to print and sign.`,
    );
    expect(fake.callsTo('print_hours')).toEqual([{ from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, paper: 'letter' }]);
    const file = fake.savedFiles.at(-1)!;
    expect(file.text).toContain('Dr. Reyes');
    expect(file.text).not.toContain('private');
  });

  test('a cancelled save dialog says nothing and shows no error', async () => {
    const fake = unlockedFake();
    const { user } = await openSupervision(fake);
    fake.supervision.cancelNextDialog = true;

    await user.click(screen.getByTestId('hours-export'));

    await waitFor(() => expect(fake.callsTo('export_hours_csv')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('hours-export')).toBeEnabled());
    expect(screen.queryByTestId('hours-exported')).not.toBeInTheDocument();
    expect(alertText()).toBe('');
    expect(fake.savedFiles).toEqual([]);
  });

  test('deletes a session only after confirming', async () => {
    const fake = unlockedFake();
    const keep = fake.supervision.save(sessionInput({ date: `${YEAR}-01-05`, with_whom: 'my supervisor' }));
    const gone = fake.supervision.save(sessionInput({ date: `${YEAR}-04-05`, with_whom: 'Tuesday group' }));
    const { user } = await openSupervision(fake);
    expect(rows()).toHaveLength(2);
    // Newest first.
    expect(rows()[0]).toHaveTextContent('Tuesday group');

    await user.click(within(rows()[0]).getByTestId('session-delete'));
    expect(fake.callsTo('delete_session')).toEqual([]);
    const confirm = within(rows()[0]).getByTestId('session-delete-confirm');
    expect(confirm).toHaveFocus();
    await user.click(within(rows()[0]).getByRole('button', { name: 'Keep it' }));
    expect(rows()).toHaveLength(2);

    await user.click(within(rows()[0]).getByTestId('session-delete'));
    await user.click(within(rows()[0]).getByTestId('session-delete-confirm'));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(fake.callsTo('delete_session')).toEqual([{ id: gone.id }]);
    expect(fake.supervision.sessions.map((s) => s.id)).toEqual([keep.id]);
  });

  test('shows the core refusing a session of 0 minutes, and keeps what was typed', async () => {
    const { user, fake } = await openSupervision();
    await user.clear(screen.getByTestId('session-minutes'));
    await user.type(screen.getByTestId('session-minutes'), '0');
    await user.type(screen.getByTestId('session-with-whom'), 'my supervisor');
    await user.click(screen.getByTestId('session-save'));

    expect(await screen.findByTestId('session-error')).toHaveTextContent('A session lasts from 1 to 600 minutes.');
    expect(fake.callsTo('save_session')).toHaveLength(1);
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('session-with-whom')).toHaveValue('my supervisor');

    await user.clear(screen.getByTestId('session-minutes'));
    await user.type(screen.getByTestId('session-minutes'), '601');
    await user.click(screen.getByTestId('session-save'));
    await waitFor(() => expect(fake.callsTo('save_session')).toHaveLength(2));
    expect(screen.getByTestId('session-error')).toHaveTextContent('A session lasts from 1 to 600 minutes.');
  });

  test('editing fills the form and saves under the same id', async () => {
    const fake = unlockedFake([{ title: 'Home visit', encounter_date: `${YEAR}-01-02`, bring_to_supervision: true }]);
    const entryId = fake.entries[0].id;
    const saved = fake.supervision.save(
      sessionInput({ minutes: 45, format: 'group', role: 'giving', entries_discussed: [entryId], notes: 'Kept note' }),
    );
    const { user } = await openSupervision(fake);

    await user.click(within(rows()[0]).getByTestId('session-edit'));

    expect(screen.getByRole('heading', { name: 'Edit a session' })).toHaveFocus();
    expect(screen.getByTestId('session-date')).toHaveValue(`${YEAR}-02-10`);
    expect(screen.getByTestId('session-minutes')).toHaveValue(45);
    expect(screen.getByTestId('session-format-group')).toBeChecked();
    expect(screen.getByTestId('session-role-giving')).toBeChecked();
    expect(screen.getByTestId('session-with-whom')).toHaveValue('my supervisor');
    expect(screen.getByTestId('session-notes')).toHaveValue('Kept note');
    expect(within(screen.getByTestId('session-entries')).getByRole('checkbox', { name: /Home visit/ })).toBeChecked();

    await user.clear(screen.getByTestId('session-minutes'));
    await user.type(screen.getByTestId('session-minutes'), '50');
    await user.click(screen.getByTestId('session-save'));

    await waitFor(() => expect(screen.getByText('Session updated.')).toBeInTheDocument());
    expect(fake.callsTo('save_session')).toEqual([
      sessionInput({
        id: saved.id,
        minutes: 50,
        format: 'group',
        role: 'giving',
        entries_discussed: [entryId],
        notes: 'Kept note',
      }),
    ]);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('50 min');
    expect(screen.getByRole('heading', { name: 'Log a session' })).toBeInTheDocument();
  });

  test('another year shows that year\'s sessions and hours', async () => {
    const fake = unlockedFake();
    fake.supervision.save(sessionInput({ date: `${YEAR - 1}-11-20`, with_whom: 'last year' }));
    const { user } = await openSupervision(fake);
    expect(rows()).toHaveLength(0);

    await user.selectOptions(screen.getByTestId('hours-year'), String(YEAR - 1));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(fake.callsTo('list_sessions').at(-1)).toEqual({ year: YEAR - 1 });
    expect(fake.callsTo('hours_summary').at(-1)).toEqual({ year: YEAR - 1 });
    expect(screen.getByTestId('hours-received')).toHaveTextContent(`1 hour of supervision received in ${YEAR - 1}`);
  });

  test('"show all recent" offers entries that were not flagged', async () => {
    const fake = unlockedFake([
      { title: 'Flagged one', bring_to_supervision: true },
      { title: 'Not flagged' },
    ]);
    const { user } = await openSupervision(fake);
    expect(screen.queryByText('Not flagged')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('session-show-all'));

    expect(await screen.findByText('Not flagged')).toBeInTheDocument();
    expect(fake.callsTo('find_entries').at(-1)?.filter.flagged).toBe(false);
    expect(within(screen.getByTestId('session-entries')).getAllByRole('checkbox')).toHaveLength(2);
  });
});
