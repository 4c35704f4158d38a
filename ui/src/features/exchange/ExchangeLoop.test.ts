// The supervisor's side of the loop in the Exchange inbox: sessions to confirm (confirm,
// or decline with a reason, then save the answer file) and a planning note beside each
// supervisee.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import type { FakeBackend } from '../../lib/backend/fake';
import { unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Exchange from './Exchange.svelte';

async function openInbox(fake: FakeBackend) {
  const r = renderScreen(fake, Exchange, { onopenentry: vi.fn() });
  await r.user.click(screen.getByTestId('exchange-tab-inbox'));
  return r;
}

describe('the supervisor side of the loop', () => {
  test('a request is confirmed, another declined with a reason, and the answers are saved for the supervisee', async () => {
    const fake = unlockedFake();
    const ana = fake.exchange.addContact('Ana', 'my_supervisee');
    const first = fake.loop.addRequest(ana, { date: '2026-03-04', minutes: 60, format: 'individual' });
    const second = fake.loop.addRequest(ana, { date: '2026-02-11', minutes: 90, format: 'group' });
    const r = await openInbox(fake);
    const rows = await screen.findAllByTestId('confirm-request');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Ana');
    expect(rows[0]).toHaveTextContent('1 h');

    await r.user.click(within(rows[0]).getByTestId('confirm-yes'));
    await waitFor(() =>
      expect(fake.callsTo('answer_confirmation')).toEqual([{ request_id: first.request_id, decision: 'confirmed', reason: '' }]),
    );
    const declineRow = (await screen.findAllByTestId('confirm-request')).find((el) => el.dataset.state === 'waiting')!;
    await r.user.click(within(declineRow).getByTestId('confirm-decline'));
    await r.user.click(within(declineRow).getByTestId('confirm-decline-send'));
    expect(await screen.findByTestId('confirm-error')).toHaveTextContent('Say briefly why you are declining');
    await fireEvent.input(within(declineRow).getByTestId('confirm-reason'), { target: { value: 'We met for 60 minutes.' } });
    await r.user.click(within(declineRow).getByTestId('confirm-decline-send'));
    await waitFor(() => expect(fake.loop.requests.find((x) => x.request_id === second.request_id)?.state).toBe('declined'));

    await r.user.click(await screen.findByTestId('confirm-save-packet'));
    await waitFor(() => expect(fake.loop.saved.map((s) => s.kind)).toEqual(['confirm-answer']));
    expect(fake.callsTo('save_confirm_answer_packet')).toEqual([{ contact_id: ana.id }]);
    await waitFor(() => expect(screen.queryByTestId('confirm-save-packet')).toBeNull());
  }, 20_000);

  test('a planning note sits beside the supervisee and is kept', async () => {
    const fake = unlockedFake();
    const ana = fake.exchange.addContact('Ana', 'my_supervisee');
    fake.exchange.queuedPackets.push({
      kind: 'share',
      contact_id: ana.id,
      entries: [
        {
          entry_id: 'a'.repeat(32),
          revision: 1,
          encounter_date: '2026-03-18',
          kind: 'encounter',
          setting: null,
          family_code: null,
          title: 'Hard morning',
          pack_title: null,
          answers: [],
          body: 'Something happened.',
          tags: [],
          carrying: null,
        },
      ],
    });
    const r = renderScreen(fake, Exchange, { onopenentry: vi.fn() });
    await r.user.click(screen.getByTestId('packet-open'));
    await screen.findByTestId('packet-outcome');
    await r.user.click(screen.getByTestId('exchange-tab-inbox'));
    const group = await screen.findByTestId('inbox-group');
    expect(screen.queryByTestId('confirm-requests')).toBeNull();
    const note = within(group).getByTestId('planning-note');
    await fireEvent.input(note, { target: { value: 'Ask how the waiting room felt' } });
    await r.user.click(within(group).getByTestId('planning-note-save'));
    expect(await within(group).findByTestId('planning-note-saved')).toHaveTextContent('Only you see this note.');
    expect(fake.callsTo('set_planning_note')).toEqual([{ contact_id: ana.id, note: 'Ask how the waiting room felt' }]);
    expect(fake.loop.plan(ana.id).note).toBe('Ask how the waiting room felt');
  });
});
