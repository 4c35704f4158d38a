import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { openJournal, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import { FOLDER_NEWS_EVENT } from '../../lib/backend/tauri';
import Exchange from './Exchange.svelte';

const FILE = 'attune-2026-03-04-0011223344556677.attune-packet';

describe('exchange folders', () => {
  test('a packet a contact put in the folder is offered by name, imported on request, then may be deleted', async () => {
    const fake = unlockedFake([{ title: 'Hard morning' }]);
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    fake.exchange.chooseFolder(sup.id);
    const r = await openJournal(fake);
    await screen.findByTestId('new-entry');
    expect(screen.queryByTestId('folder-packet')).not.toBeInTheDocument();

    // The shell notices a new file and tells the page, which asks for the list.
    fake.exchange.folderFiles.push({
      contact_id: sup.id,
      file_name: FILE,
      packet: { kind: 'feedback', contact_id: sup.id, threads: [{ entry_id: fake.entries[0].id, heard: 'h', wonder: 'w', stays: 's' }] },
    });
    window.dispatchEvent(new Event(FOLDER_NEWS_EVENT));
    const offered = await screen.findByTestId('folder-packet');
    expect(offered).toHaveTextContent(FILE);
    expect(offered).toHaveTextContent('from Dr. Rivera');
    expect(fake.callsTo('import_folder_packet')).toHaveLength(0);

    await r.user.click(within(offered).getByTestId('folder-packet-import'));
    expect(await screen.findByTestId('folder-packet-outcome')).toHaveTextContent('One response from Dr. Rivera arrived');
    expect(fake.callsTo('import_folder_packet')).toEqual([{ contact_id: sup.id, file_name: FILE }]);
    expect(screen.queryByTestId('folder-packet')).not.toBeInTheDocument();
    await r.user.click(screen.getByTestId('folder-packet-delete'));
    await waitFor(() => expect(fake.callsTo('delete_folder_packet')).toEqual([{ contact_id: sup.id, file_name: FILE }]));
    expect(screen.getByTestId('folder-packets')).toHaveTextContent('The file is deleted from the folder');
  });

  test('a refused file is said once and not offered again', async () => {
    const fake = unlockedFake([{ title: 'Hard morning' }]);
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    fake.exchange.chooseFolder(sup.id);
    fake.exchange.folderFiles.push({ contact_id: sup.id, file_name: FILE, packet: null });
    const r = await openJournal(fake);
    await r.user.click(await screen.findByTestId('folder-packet-import'));
    expect(await screen.findByTestId('folder-packet-error')).toHaveTextContent('will not offer it again');
    window.dispatchEvent(new Event(FOLDER_NEWS_EVENT));
    await waitFor(() => expect(fake.callsTo('folder_packets').length).toBeGreaterThan(1));
    expect(screen.queryByTestId('folder-packet')).not.toBeInTheDocument();
  });

  test('a folder gone missing is said plainly', async () => {
    const fake = unlockedFake([{ title: 'Hard morning' }]);
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    fake.exchange.chooseFolder(sup.id);
    fake.exchange.missingFolders.push(sup.id);
    await openJournal(fake);
    expect(await screen.findByTestId('folder-problem')).toHaveTextContent('cannot find the exchange folder for Dr. Rivera');
  });

  test('a note dropped while locked is said after the unlock, once', async () => {
    const fake = unlockedFake([{ title: 'Hard morning' }]);
    fake.exchange.droppedWhileLocked = true;
    await openJournal(fake);
    expect(await screen.findByTestId('not-a-packet')).toHaveTextContent('not an Attune packet');
    expect(fake.exchange.droppedWhileLocked).toBe(false);
  });

  test('choosing a folder shows its name only; sharing then goes into it without a save dialog', async () => {
    const fake = unlockedFake([{ title: 'Hard morning', bring_to_supervision: true }]);
    const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
    const r = renderScreen(fake, Exchange, { onopenentry: vi.fn() });
    await r.user.click(screen.getByTestId('exchange-tab-contacts'));
    await r.user.click(await screen.findByTestId('contact-folder-choose'));
    expect(await screen.findByTestId('contact-folder-name')).toHaveTextContent('Attune exchange');
    expect(screen.getByTestId('contact-folder-note')).toHaveTextContent('now also go into “Attune exchange”');
    expect(fake.callsTo('choose_contact_folder')).toEqual([{ contact_id: sup.id }]);

    await r.user.click(screen.getByTestId('exchange-tab-share'));
    await r.user.click(await screen.findByTestId('share-flagged'));
    await r.user.click(screen.getByTestId('share-preview-open'));
    await screen.findByTestId('share-preview');
    await r.user.click(screen.getByTestId('share-save'));
    expect(await screen.findByTestId('share-note')).toHaveTextContent('in the exchange folder you share with Dr. Rivera');
    expect(fake.callsTo('send_packet_to_folder')).toEqual([{ contact_id: sup.id, kind: 'share' }]);
    expect(fake.callsTo('save_share_packet')).toHaveLength(0);
  });

  test('removing a contact can keep what they sent, said before confirming', async () => {
    const fake = unlockedFake();
    const vis = fake.exchange.addContact('Alex', 'my_supervisee');
    fake.exchange.queuedPackets.push({
      kind: 'share',
      contact_id: vis.id,
      entries: [
        {
          entry_id: 'a'.repeat(32),
          revision: 1,
          encounter_date: '2026-03-01',
          kind: 'encounter',
          setting: null,
          family_code: null,
          title: 'Kept reflection',
          pack_title: null,
          answers: [],
          body: 'Kept words',
          tags: [],
          carrying: null,
        },
      ],
    });
    fake.exchange.openPacket();
    const r = renderScreen(fake, Exchange, { onopenentry: vi.fn() });
    await r.user.click(screen.getByTestId('exchange-tab-contacts'));
    await r.user.click(await screen.findByTestId('contact-remove'));
    const box = await screen.findByTestId('contact-removal');
    expect(within(box).getByTestId('contact-removal-summary')).toHaveTextContent('marked as from a removed contact');
    await r.user.click(within(box).getByTestId('contact-remove-all'));
    expect(within(box).getByTestId('contact-removal-summary')).not.toHaveTextContent('marked as from a removed contact');
    await r.user.click(within(box).getByTestId('contact-remove-keep'));
    await r.user.click(within(box).getByTestId('contact-remove-confirm'));
    expect(await screen.findByTestId('contact-removed')).toHaveTextContent('What they sent you stays');
    expect(fake.callsTo('remove_contact')).toEqual([{ contact_id: vis.id, keep_theirs: true }]);
    await r.user.click(screen.getByTestId('exchange-tab-inbox'));
    expect(await screen.findByTestId('inbox-removed')).toHaveTextContent('From a removed contact');
    expect(screen.getByTestId('inbox-item')).toHaveTextContent('Kept words');
    expect(screen.queryByTestId('inbox-respond')).not.toBeInTheDocument();
  });
});
