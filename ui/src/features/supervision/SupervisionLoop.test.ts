// The supervision loop on the Supervision screen: a prep sheet gathers the flagged
// reflection, a takeaway written on a session shows on the sheet, and a session's
// confirmation is asked for and shown as it stands.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import type { FakeBackend } from '../../lib/backend/fake';
import { unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Supervision from './Supervision.svelte';
import { emptyDetails } from './endorsement-words';

const YEAR = new Date().getFullYear();

async function open(fake: FakeBackend) {
  const before = fake.callsTo('session_confirmations').length;
  const r = renderScreen(fake, Supervision, {});
  await screen.findByRole('heading', { name: 'Supervision' });
  await waitFor(() => expect(fake.callsTo('session_confirmations')).toHaveLength(before + 1));
  return r;
}

function logSession(fake: FakeBackend, change: { role?: 'receiving' | 'giving'; minutes?: number } = {}) {
  return fake.supervision.save({
    id: null,
    date: `${YEAR}-03-04`,
    minutes: change.minutes ?? 60,
    format: 'individual',
    with_whom: 'Dr. Rivera',
    role: change.role ?? 'receiving',
    entries_discussed: [],
    notes: 'Private words',
    details: emptyDetails(),
  });
}

/** Typing is replaced by one input event per field: the text matters here, not the keys. */
describe('the supervision loop', () => {
  test('a prep sheet gathers the flagged reflection and is saved with what was written', async () => {
    const fake = unlockedFake([
      { title: 'The crying at drop-off', bring_to_supervision: true },
      { title: 'An ordinary visit' },
    ]);
    const { user } = await open(fake);
    await user.click(screen.getByTestId('prep-new'));
    const offered = await screen.findAllByTestId('prep-reflection');
    expect(offered).toHaveLength(1);
    expect(offered[0]).toBeChecked();
    expect(screen.getByTestId('prep-form')).toHaveTextContent('The crying at drop-off');
    await fireEvent.input(screen.getByTestId('prep-bring'), { target: { value: 'How hard it was to stay' } });
    await fireEvent.input(screen.getByTestId('prep-hope'), { target: { value: 'A way to stay curious' } });
    await user.click(screen.getByTestId('prep-save'));

    const sheet = await screen.findByTestId('prep-sheet');
    expect(sheet).toHaveTextContent('How hard it was to stay');
    expect(within(sheet).getAllByTestId('prep-sheet-reflection')[0]).toHaveTextContent('The crying at drop-off');
    expect(fake.callsTo('save_prep')).toEqual([
      {
        id: null,
        session_date: null,
        bring: 'How hard it was to stay',
        reactions: '',
        hope: 'A way to stay curious',
        reflections: [fake.entries[0].id],
      },
    ]);
  });

  test('an empty prep sheet is refused with the core message and nothing is saved', async () => {
    const fake = unlockedFake();
    const { user } = await open(fake);
    await user.click(screen.getByTestId('prep-new'));
    await user.click(await screen.findByTestId('prep-save'));
    expect(await screen.findByTestId('prep-error')).toHaveTextContent('Write something to bring');
    expect(fake.loop.preps).toHaveLength(0);
  });

  test('a takeaway written on a session shows under it and on the prep sheet', async () => {
    const fake = unlockedFake([{ title: 'Flagged visit', bring_to_supervision: true }]);
    fake.loop.save({ id: null, session_date: `${YEAR}-03-04`, bring: 'The visit', reactions: '', hope: '', reflections: null });
    const s = logSession(fake);
    const { user } = await open(fake);
    const row = await screen.findByTestId('session-row');
    await user.click(within(row).getByTestId('session-takeaway-write'));
    await fireEvent.input(within(row).getByTestId('session-takeaway-away'), { target: { value: 'Slow down before naming' } });
    await fireEvent.input(within(row).getByTestId('session-takeaway-next'), { target: { value: 'Call on Thursday' } });
    await user.click(within(row).getByTestId('session-takeaway-save'));

    expect(await within(row).findByTestId('session-takeaway')).toHaveTextContent('Taking away: Slow down before naming');
    expect(fake.callsTo('save_takeaway')).toEqual([
      { session_id: s.id, prep_id: null, taking_away: 'Slow down before naming', next_step: 'Call on Thursday' },
    ]);
    const sheet = await screen.findByTestId('prep-takeaway');
    expect(sheet).toHaveTextContent('Next step: Call on Thursday');
    expect(fake.loop.preps).toHaveLength(1);
  });

  test('asking for confirmation saves a request file and the session then shows where it stands', async () => {
    const fake = unlockedFake();
    const rivera = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    const s = logSession(fake);
    logSession(fake, { role: 'giving' });
    const { user } = await open(fake);
    const statuses = await screen.findAllByTestId('session-confirmation');
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toHaveTextContent('Not confirmed by a supervisor yet.');
    await user.click(within(statuses[0]).getByTestId('session-ask-confirm'));

    await waitFor(() => expect(fake.loop.saved.map((f) => f.kind)).toEqual(['confirm-request']));
    expect(fake.callsTo('ask_confirmation')).toEqual([{ contact_id: rivera.id, session_id: s.id }]);
    await waitFor(() =>
      expect(screen.getByTestId('session-confirmation')).toHaveTextContent('Waiting for Dr. Rivera to confirm.'),
    );
    expect(screen.getByTestId('session-confirmation')).not.toHaveTextContent('Private words');

    fake.loop.receiveAnswer(s.id, 'declined', 'We met for 45 minutes.');
    fake.supervision.save({ ...s, minutes: 45, id: s.id });
    cleanup();
    await open(fake);
    const shown = await screen.findByTestId('session-confirmation');
    await waitFor(() => expect(shown).toHaveTextContent('Dr. Rivera declined: We met for 45 minutes.'));
    expect(shown).toHaveTextContent('You changed this session after asking');
    expect(within(shown).getByTestId('session-ask-confirm')).toHaveTextContent('Ask again for confirmation');
  });
});
