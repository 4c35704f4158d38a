import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { AttuneError } from '../../lib/backend';
import { fakeCardText, WITHDRAW_NOTE } from '../../lib/backend/fake-exchange';
import type { FakeBackend } from '../../lib/backend/fake';
import { alertText, days, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import Exchange from './Exchange.svelte';

function open(fake: FakeBackend = unlockedFake()) {
  const onopenentry = vi.fn();
  const r = renderScreen(fake, Exchange, { onopenentry });
  return { ...r, onopenentry };
}

/** What a paste into the textarea amounts to (user-event's paste needs an unfrozen prototype). */
async function pasteCard(text: string) {
  await fireEvent.input(screen.getByTestId('card-paste'), { target: { value: text } });
}

async function toTab(r: ReturnType<typeof open>, tab: 'contacts' | 'share' | 'inbox') {
  await r.user.click(screen.getByTestId(`exchange-tab-${tab}`));
}

describe('contacts', () => {
  test('my card is shown as selectable text and saved through the dialog', async () => {
    const r = open();
    expect(screen.getByRole('heading', { level: 1, name: 'Supervision exchange' })).toBeInTheDocument();
    await r.user.type(screen.getByTestId('my-card-name'), 'Sam');
    await r.user.click(screen.getByTestId('my-card-show'));
    const text = (await screen.findByTestId('my-card-text')) as HTMLTextAreaElement;
    expect(text.value).toMatch(/^Attune contact card v1\nname: Sam\nrole: supervisee\n/);
    expect(text).toHaveAttribute('readonly');
    expect(r.fake.callsTo('export_contact_card')).toEqual([{ name: 'Sam', role: 'supervisee' }]);

    await r.user.selectOptions(screen.getByTestId('my-card-role'), 'both');
    await r.user.click(screen.getByTestId('my-card-save'));
    await waitFor(() => expect(r.fake.callsTo('save_contact_card')).toEqual([{ name: 'Sam', role: 'both' }]));
    expect(await screen.findByTestId('my-card-note')).toHaveTextContent('Saved as attune-contact-card.txt');
    expect(r.fake.exchange.saved.map((s) => s.kind)).toEqual(['card']);
  });

  test('a pasted card becomes an unconfirmed contact with its safety code, then is confirmed', async () => {
    const r = open();
    const card = fakeCardText('Dr. Rivera', 'supervisor');
    await pasteCard(card);
    await r.user.click(screen.getByTestId('card-add'));
    await waitFor(() =>
      expect(r.fake.callsTo('import_contact_card')).toEqual([{ text: card, relation: 'my_supervisor', replace_key: false }]),
    );
    const row = await screen.findByTestId('contact-row');
    expect(row).toHaveTextContent('Dr. Rivera');
    expect(row).toHaveTextContent('My supervisor');
    expect(within(row).getByTestId('contact-state')).toHaveTextContent('Not confirmed yet');
    const code = r.fake.exchange.list()[0].safety_code;
    expect(code).toMatch(/^\d{5}( \d{5}){6}$/);
    expect(within(row).getByTestId('safety-code').textContent?.replace(/\s+/g, ' ').trim()).toBe(code);
    expect(row).toHaveTextContent(/in person or on a call, not by e-mail/);

    await r.user.click(within(row).getByTestId('contact-confirm'));
    await waitFor(() => expect(within(row).getByTestId('contact-state')).toHaveTextContent('Confirmed'));
    expect(r.fake.callsTo('confirm_contact')).toEqual([{ contact_id: r.fake.exchange.list()[0].id, compared: true }]);
    expect(within(row).queryByTestId('contact-confirm')).not.toBeInTheDocument();
  });

  test('removing a contact says what goes first, asks natively, and Cancel there keeps them', async () => {
    const fake = unlockedFake();
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    const r = open(fake);
    await toTab(r, 'contacts');
    await r.user.click(await screen.findByTestId('contact-remove'));
    const box = await screen.findByTestId('contact-removal');
    expect(box).toHaveTextContent('Removing Dr. Rivera deletes');
    expect(box).toHaveTextContent('Attune cannot recall it');
    expect(r.fake.callsTo('remove_contact')).toHaveLength(0);

    fake.exchange.declineNextConfirm = true;
    await r.user.click(within(box).getByTestId('contact-remove-confirm'));
    expect(await screen.findByTestId('contact-error')).toHaveTextContent('Nothing was changed');
    expect(fake.exchange.list()).toHaveLength(1);

    await r.user.click(within(box).getByTestId('contact-remove-confirm'));
    expect(await screen.findByTestId('contact-removed')).toHaveTextContent('Dr. Rivera is removed');
    expect(r.fake.callsTo('remove_contact')).toEqual([
      { contact_id: sup.id, keep_theirs: false },
      { contact_id: sup.id, keep_theirs: false },
    ]);
    await waitFor(() => expect(screen.queryByTestId('contact-row')).not.toBeInTheDocument());
  });

  test('a card with changed keys is refused with the core message; replacing waits for a new confirmation', async () => {
    const fake = unlockedFake();
    fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    const r = open(fake);
    const newCard = fakeCardText('Dr. Rivera', 'supervisor', 'reinstalled');
    await pasteCard(newCard);
    await r.user.click(screen.getByTestId('card-add'));
    expect(await screen.findByTestId('card-error')).toHaveTextContent('different keys');

    await r.user.click(screen.getByTestId('card-replace'));
    await r.user.click(screen.getByTestId('card-add'));
    const warning = await screen.findByTestId('contact-key-change');
    expect(r.fake.callsTo('import_contact_card')[1]).toEqual({ text: newCard, relation: 'my_supervisor', replace_key: true });
    expect(warning).toHaveTextContent('keys have changed');
    const row = screen.getByTestId('contact-row');
    expect(within(row).getByTestId('contact-state')).toHaveTextContent('New keys waiting');
    expect(within(row).getByTestId('contact-confirm')).toBeInTheDocument();
  });

  test('a cancelled card dialog changes nothing and says nothing', async () => {
    const fake = unlockedFake();
    fake.exchange.cancelNextDialog();
    const r = open(fake);
    await r.user.click(screen.getByTestId('card-open'));
    await waitFor(() => expect(fake.callsTo('open_contact_card')).toEqual([{ relation: 'my_supervisor', replace_key: false }]));
    expect(screen.queryByTestId('contact-row')).not.toBeInTheDocument();
    expect(screen.getByTestId('card-error')).toHaveTextContent('');
    expect(screen.getByTestId('card-note')).toHaveTextContent('');
  });

  test('a card file opened through the dialog is added', async () => {
    const fake = unlockedFake();
    fake.exchange.queuedCards.push({ text: fakeCardText('Ana', 'supervisee') });
    const r = open(fake);
    await r.user.selectOptions(screen.getByTestId('card-relation'), 'my_supervisee');
    await r.user.click(screen.getByTestId('card-open'));
    const row = await screen.findByTestId('contact-row');
    expect(row).toHaveTextContent('Ana');
    expect(row).toHaveTextContent('My supervisee');
  });
});

describe('sharing', () => {
  function sharingFake() {
    const fake = unlockedFake([
      { title: 'Hard morning', body: 'Left a message for Mrs Okafor on 555-0147.', encounter_date: '2026-03-18', bring_to_supervision: true },
      { title: 'Calm visit', body: 'The baby slept on her chest.', encounter_date: '2026-03-17' },
    ]);
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    return { fake, sup, hard: fake.entries[0].id, calm: fake.entries[1].id };
  }

  test('the picker finds any reflection, not only the newest: search and more pages, ticks kept', async () => {
    const fake = unlockedFake(days(260, (i) => ({ title: i === 240 ? 'Heron visit long ago' : `Visit ${i + 1}` })));
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    const r = open(fake);
    await toTab(r, 'share');
    await waitFor(() => expect(screen.getAllByTestId('share-pick')).toHaveLength(50));
    await r.user.click(screen.getAllByTestId('share-pick')[0]);
    await r.user.click(screen.getByTestId('share-more'));
    await waitFor(() => expect(screen.getAllByTestId('share-pick')).toHaveLength(100));
    expect(screen.getByTestId('share-more')).toHaveTextContent('160 more');

    await r.user.type(screen.getByTestId('share-search'), 'heron');
    await waitFor(() => expect(screen.getAllByTestId('share-pick')).toHaveLength(1));
    expect(screen.getByText(/Heron visit long ago/)).toBeInTheDocument();
    expect(fake.callsTo('find_entries').at(-1)).toMatchObject({ text: 'heron', offset: 0 });
    await r.user.click(screen.getByTestId('share-pick'));
    expect(screen.getByTestId('share-picked-count')).toHaveTextContent('2 ticked');

    await r.user.clear(screen.getByTestId('share-search'));
    await r.user.type(screen.getByTestId('share-search'), 'no such words');
    expect(await screen.findByTestId('share-search-empty')).toBeInTheDocument();
    await r.user.click(screen.getByTestId('share-preview-open'));
    await screen.findByTestId('share-preview');
    expect(fake.callsTo('preview_share')).toEqual([
      { contact_id: sup.id, entry_ids: [fake.entries[0].id, fake.entries[240].id] },
    ]);
  }, 30_000);

  test('without a confirmed supervisor there is nothing to share with', async () => {
    const fake = unlockedFake();
    fake.exchange.addContact('Dr. Rivera', 'my_supervisor', { confirmed: false });
    const r = open(fake);
    await toTab(r, 'share');
    expect(await screen.findByTestId('share-no-supervisor')).toBeInTheDocument();
    expect(screen.queryByTestId('share-to')).not.toBeInTheDocument();
  });

  test('the preview shows exactly what leaves, with identifying passages marked, and can open an entry', async () => {
    const { fake, sup, hard } = sharingFake();
    const r = open(fake);
    await toTab(r, 'share');
    await r.user.click(await screen.findByTestId('share-flagged'));
    await waitFor(() => expect(screen.getAllByTestId('share-pick')[0]).toBeChecked());
    expect(screen.getAllByTestId('share-pick')[1]).not.toBeChecked();
    await r.user.click(screen.getByTestId('share-preview-open'));
    const preview = await screen.findByTestId('share-preview');
    expect(fake.callsTo('preview_share')).toEqual([{ contact_id: sup.id, entry_ids: [hard] }]);
    const entries = within(preview).getAllByTestId('share-preview-entry');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent('Hard morning');
    expect(entries[0]).toHaveTextContent('Left a message for Mrs Okafor on 555-0147.');
    expect(within(entries[0]).getAllByRole('mark').map((m) => m.textContent)).toEqual(['Mrs Okafor', '555-0147']);
    expect(preview).toHaveTextContent('2 passages look as if they could identify a family');
    expect(within(preview).getByTestId('deid-limits')).toHaveTextContent('What to look for');
    expect(within(preview).queryByTestId('deid-found-nothing')).not.toBeInTheDocument();

    await r.user.click(within(entries[0]).getByTestId('share-preview-edit'));
    expect(r.onopenentry).toHaveBeenCalledWith(hard);
  });

  test('a preview with nothing found says the check can miss things, never that it is clear', async () => {
    const { fake, sup, calm } = sharingFake();
    const r = open(fake);
    await toTab(r, 'share');
    const picks = await screen.findAllByTestId('share-pick');
    await r.user.click(picks[1]);
    await r.user.click(screen.getByTestId('share-preview-open'));
    const preview = await screen.findByTestId('share-preview');
    expect(fake.callsTo('preview_share').at(-1)).toEqual({ contact_id: sup.id, entry_ids: [calm] });
    expect(within(preview).getByTestId('deid-found-nothing')).toHaveTextContent('cannot catch everything');
    expect(preview).not.toHaveTextContent(/looks identifying/);
  });

  test('share and save calls the core in order with exact requests, then lists what is shared', async () => {
    const { fake, sup, hard, calm } = sharingFake();
    const r = open(fake);
    await toTab(r, 'share');
    const picks = await screen.findAllByTestId('share-pick');
    await r.user.click(picks[1]);
    await r.user.click(picks[0]);
    await r.user.click(screen.getByTestId('share-preview-open'));
    await r.user.click(await screen.findByTestId('share-save'));
    await waitFor(() => expect(screen.getByTestId('share-note')).toHaveTextContent('Saved as attune-share.age'));
    const names = fake.names().filter((n) => ['share_entries', 'save_share_packet'].includes(n));
    expect(names).toEqual(['share_entries', 'save_share_packet']);
    expect(fake.callsTo('share_entries')).toEqual([{ contact_id: sup.id, entry_ids: [calm, hard] }]);
    expect(fake.callsTo('save_share_packet')).toEqual([{ contact_id: sup.id }]);
    expect(screen.getByTestId('share-note')).toHaveTextContent('only Dr. Rivera can open it');
    const shared = screen.getAllByTestId('share-shared-item');
    expect(shared).toHaveLength(2);
    expect(shared[0]).toHaveTextContent('Calm visit');
    expect(shared[0]).toHaveTextContent('sent in a file');
  });

  test('the first share comes with the limits of confidentiality; after that they are a click away', async () => {
    const { fake } = sharingFake();
    const r = open(fake);
    await toTab(r, 'share');
    const picks = await screen.findAllByTestId('share-pick');
    expect(screen.queryByTestId('share-limits-link')).not.toBeInTheDocument();
    await r.user.click(picks[0]);
    await r.user.click(screen.getByTestId('share-preview-open'));
    const first = await screen.findByTestId('share-limits-first');
    // What encryption does, and what it does not.
    expect(first).toHaveTextContent(/only the person you share with can open the file/);
    expect(first).toHaveTextContent(/supervision agreement/);
    expect(first).toHaveTextContent(/may need to act on a worry about a child’s safety/);
    expect(first).toHaveTextContent(/agency’s policy/);
    expect(first).toHaveTextContent(/leave out any case facts you would keep out of writing/);
    const share = screen.getByTestId('share-save');
    expect(share).toHaveTextContent('I understand: share and save the file…');
    expect(fake.settings.seen_share_limits).toBe(false);
    await r.user.click(share);
    await waitFor(() => expect(screen.getByTestId('share-note')).toHaveTextContent('Saved as'));
    expect(fake.settings.seen_share_limits).toBe(true);
    // From now on: a link in the share panel, closed.
    const link = screen.getByTestId('share-limits-link');
    expect(link).not.toHaveAttribute('open');
    expect(within(link).getByTestId('share-limits')).toHaveTextContent(/supervision agreement/);
    await r.user.click(screen.getAllByTestId('share-pick')[1]);
    await r.user.click(screen.getByTestId('share-preview-open'));
    await screen.findByTestId('share-preview');
    expect(screen.queryByTestId('share-limits-first')).not.toBeInTheDocument();
    expect(screen.getByTestId('share-save')).toHaveTextContent('Share and save the file…');
  });

  test('a cancelled save dialog keeps the choice and says no file was saved', async () => {
    const { fake } = sharingFake();
    const r = open(fake);
    await toTab(r, 'share');
    await r.user.click((await screen.findAllByTestId('share-pick'))[0]);
    await r.user.click(screen.getByTestId('share-preview-open'));
    fake.exchange.cancelNextDialog();
    await r.user.click(await screen.findByTestId('share-save'));
    await waitFor(() => expect(screen.getByTestId('share-note')).toHaveTextContent('No file was saved'));
    expect(fake.exchange.saved).toEqual([]);
    expect(screen.getByTestId('share-shared-item')).toHaveTextContent('not in a saved file yet');
  });

  test('withdrawing says it is a request, not a recall', async () => {
    const { fake, sup, hard } = sharingFake();
    fake.exchange.share(sup.id, [hard]);
    const r = open(fake);
    await toTab(r, 'share');
    expect(await screen.findByTestId('share-shared-item')).toHaveTextContent('Hard morning');
    expect(screen.getByText(/a request, not a recall/)).toBeInTheDocument();
    await r.user.click(screen.getByTestId('share-withdraw'));
    expect(await screen.findByTestId('share-withdraw-note')).toHaveTextContent(WITHDRAW_NOTE);
    expect(fake.callsTo('withdraw_entry')).toEqual([{ contact_id: sup.id, entry_id: hard }]);
    expect(screen.queryByTestId('share-shared-item')).not.toBeInTheDocument();
    await r.user.click(screen.getByTestId('share-resave'));
    await waitFor(() => expect(fake.callsTo('save_share_packet')).toEqual([{ contact_id: sup.id }]));
  });

  test('an error from the core is shown', async () => {
    const { fake } = sharingFake();
    const r = open(fake);
    await toTab(r, 'share');
    await r.user.click((await screen.findAllByTestId('share-pick'))[0]);
    fake.failNext('preview_share', new AttuneError('invalid_input', 'Compare the safety code first.'));
    await r.user.click(screen.getByTestId('share-preview-open'));
    expect(await screen.findByTestId('share-error')).toHaveTextContent('Compare the safety code first.');
  });
});

describe('packets', () => {
  test('importing a share packet reports the outcome and fills the inbox', async () => {
    const fake = unlockedFake();
    const ana = fake.exchange.addContact('Ana', 'my_supervisee');
    fake.exchange.queuedPackets.push({ kind: 'share', contact_id: ana.id, entries: [sharedEntry('a'.repeat(32), 'Hard morning')] });
    const r = open(fake);
    await r.user.click(screen.getByTestId('packet-open'));
    expect(await screen.findByTestId('packet-outcome')).toHaveTextContent('Ana now shares one reflection with you.');
    await toTab(r, 'inbox');
    expect(await screen.findByTestId('inbox-item')).toHaveTextContent('Hard morning');
  });

  test('a cancelled open dialog says nothing; a refused packet shows the core message', async () => {
    const fake = unlockedFake();
    fake.exchange.cancelNextDialog();
    const r = open(fake);
    await r.user.click(screen.getByTestId('packet-open'));
    await waitFor(() => expect(fake.callsTo('open_packet')).toHaveLength(1));
    expect(screen.getByTestId('packet-outcome')).toHaveTextContent('');
    fake.failNext('open_packet', new AttuneError('packet_refused', 'This file is not for this journal. Nothing was changed.'));
    await r.user.click(screen.getByTestId('packet-open'));
    expect(await screen.findByTestId('packet-error')).toHaveTextContent('Nothing was changed.');
  });

  test('a feedback packet reports responses', async () => {
    const fake = unlockedFake([{ title: 'Hard morning' }]);
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    fake.exchange.queuedPackets.push({
      kind: 'feedback',
      contact_id: sup.id,
      threads: [{ entry_id: fake.entries[0].id, heard: 'h', wonder: 'w', stays: 's' }],
    });
    const r = open(fake);
    await r.user.click(screen.getByTestId('packet-open'));
    expect(await screen.findByTestId('packet-outcome')).toHaveTextContent('One response from Dr. Rivera arrived.');
  });
});

describe('inbox', () => {
  function inboxFake() {
    const fake = unlockedFake();
    const ana = fake.exchange.addContact('Ana', 'my_supervisee');
    fake.exchange.queuedPackets.push({
      kind: 'share',
      contact_id: ana.id,
      entries: [sharedEntry('b'.repeat(32), 'Hard morning', 'The mother cried when the baby turned away.')],
    });
    fake.exchange.openPacket();
    return { fake, ana };
  }

  test("shared entries are shown read-only as the supervisee's words, and a response is written", async () => {
    const { fake, ana } = inboxFake();
    const r = open(fake);
    await toTab(r, 'inbox');
    const group = await screen.findByTestId('inbox-group');
    const item = within(group).getByTestId('inbox-item');
    expect(within(item).getByTestId('inbox-whose')).toHaveTextContent('Ana’s words');
    expect(item).toHaveTextContent('The mother cried when the baby turned away.');
    expect(within(item).queryByRole('textbox')).not.toBeInTheDocument();

    await r.user.click(within(item).getByTestId('inbox-respond'));
    await r.user.type(screen.getByTestId('response-heard'), 'How alone you felt.');
    await r.user.type(screen.getByTestId('response-noticed'), 'How you waited for her.');
    await r.user.type(screen.getByTestId('response-wonder'), 'What the baby was telling her.');
    await r.user.type(screen.getByTestId('response-stays'), 'Your steadiness.');
    await r.user.click(screen.getByTestId('response-save'));
    await waitFor(() =>
      expect(fake.callsTo('write_response')).toEqual([
        {
          contact_id: ana.id,
          entry_id: 'b'.repeat(32),
          heard: 'How alone you felt.',
          noticed: 'How you waited for her.',
          wonder: 'What the baby was telling her.',
          stays: 'Your steadiness.',
        },
      ]),
    );
    const mine = await screen.findByTestId('inbox-my-response');
    expect(mine).toHaveTextContent('What I wonder: What the baby was telling her.');
    expect(mine).toHaveTextContent('What I noticed you doing well: How you waited for her.');
    expect(screen.queryByTestId('response-heard')).not.toBeInTheDocument();
    expect(screen.getByTestId('inbox-note')).toHaveTextContent('next file of responses');
  });

  test('a response already written can be changed, or withdrawn after the native dialog', async () => {
    const { fake, ana } = inboxFake();
    const r = open(fake);
    await toTab(r, 'inbox');
    const item = within(await screen.findByTestId('inbox-group')).getByTestId('inbox-item');
    await r.user.click(within(item).getByTestId('inbox-respond'));
    await r.user.type(screen.getByTestId('response-heard'), 'First words.');
    await r.user.click(screen.getByTestId('response-save'));
    await r.user.click(await screen.findByTestId('response-change'));
    const heard = screen.getByTestId('response-heard');
    expect(heard).toHaveValue('First words.');
    await r.user.clear(heard);
    await r.user.type(heard, 'Kinder words.');
    await r.user.click(screen.getByTestId('response-save'));
    const id = fake.exchange.written(ana.id)[0].response_id;
    await waitFor(() =>
      expect(fake.callsTo('edit_response')).toEqual([
        { contact_id: ana.id, response_id: id, heard: 'Kinder words.', noticed: '', wonder: '', stays: '' },
      ]),
    );
    expect(await screen.findByTestId('inbox-my-response')).toHaveTextContent('changed · not sent yet');
    expect(screen.getByTestId('inbox-my-response')).toHaveTextContent('Kinder words.');

    fake.exchange.declineNextConfirm = true;
    await r.user.click(screen.getByTestId('response-withdraw'));
    await waitFor(() => expect(alertText()).toContain('Nothing was changed'));
    expect(screen.getByTestId('inbox-my-response')).toHaveTextContent('Kinder words.');
    await r.user.click(screen.getByTestId('response-withdraw'));
    await waitFor(() => expect(screen.getByTestId('inbox-my-response')).toHaveTextContent('withdrawn'));
    expect(screen.getByTestId('inbox-my-response')).not.toHaveTextContent('Kinder words.');
    expect(screen.queryByTestId('response-change')).not.toBeInTheDocument();
    expect(screen.getByTestId('inbox-note')).toHaveTextContent('cannot be recalled');
  });

  test('bringing an entry to the next session puts it on the agenda', async () => {
    const { fake, ana } = inboxFake();
    const r = open(fake);
    await toTab(r, 'inbox');
    expect(await screen.findByTestId('agenda-empty')).toBeInTheDocument();
    await r.user.click(await screen.findByTestId('inbox-agenda'));
    await waitFor(() =>
      expect(fake.callsTo('set_agenda')).toEqual([{ contact_id: ana.id, entry_id: 'b'.repeat(32), on_agenda: true }]),
    );
    expect(await screen.findByTestId('agenda-item')).toHaveTextContent('Ana: ');
    expect(screen.getByTestId('agenda-item')).toHaveTextContent('Hard morning');
  });

  test('the feedback packet is saved through the dialog', async () => {
    const { fake, ana } = inboxFake();
    fake.exchange.writeResponse({ contact_id: ana.id, entry_id: 'b'.repeat(32), heard: 'h', noticed: '', wonder: '', stays: '' });
    const r = open(fake);
    await toTab(r, 'inbox');
    await r.user.click(await screen.findByTestId('feedback-save'));
    await waitFor(() => expect(fake.callsTo('save_feedback_packet')).toEqual([{ contact_id: ana.id }]));
    expect(await screen.findByTestId('inbox-note')).toHaveTextContent('Saved as attune-feedback.age. Send it to Ana');
    expect(fake.exchange.saved.map((s) => s.kind)).toEqual(['feedback']);
  });

  test('an empty inbox says how shared files arrive', async () => {
    const r = open();
    await toTab(r, 'inbox');
    expect(await screen.findByTestId('inbox-empty')).toHaveTextContent('Open a file…');
  });
});

describe('keyboard', () => {
  test('arrow keys move between the tabs', async () => {
    const r = open();
    await r.user.click(screen.getByTestId('exchange-tab-contacts'));
    await r.user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('exchange-tab-share')).toHaveFocus();
    expect(screen.getByTestId('exchange-tab-share')).toHaveAttribute('aria-selected', 'true');
    await r.user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByTestId('exchange-tab-inbox')).toHaveFocus();
  });
});

function sharedEntry(id: string, title: string, body = 'Something happened today.') {
  return {
    entry_id: id,
    revision: 1,
    encounter_date: '2026-03-18',
    kind: 'encounter' as const,
    setting: 'home_visit' as const,
    family_code: null,
    title,
    pack_title: null,
    answers: [],
    body,
    tags: [],
    carrying: null,
  };
}
