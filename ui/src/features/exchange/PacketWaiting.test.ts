import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { openJournal, unlockedFake } from '../../test/helpers';
import { NOT_A_PACKET_EVENT, PACKET_WAITING_EVENT } from '../../lib/backend/tauri';

function withWaitingFile() {
  const fake = unlockedFake([{ title: 'Hard morning' }]);
  const sup = fake.exchange.addContact('Dr. Rivera', 'my_supervisor');
  fake.exchange.waiting = { file_name: 'attune-feedback-2026-12-04.attune-packet', deleted: false };
  return { fake, sup };
}

describe('a file opened with Attune', () => {
  test('shows its name after unlock, imports it on request, then offers to delete it', async () => {
    const { fake, sup } = withWaitingFile();
    fake.exchange.queuedPackets.push({
      kind: 'feedback',
      contact_id: sup.id,
      threads: [{ entry_id: fake.entries[0].id, heard: 'h', wonder: 'w', stays: 's' }],
    });
    const file = fake.exchange.waiting!;
    const r = await openJournal(fake);
    const box = await screen.findByTestId('packet-waiting');
    expect(box).toHaveTextContent('attune-feedback-2026-12-04.attune-packet');
    expect(fake.callsTo('import_waiting_packet')).toHaveLength(0);

    await r.user.click(screen.getByTestId('packet-waiting-import'));
    expect(await screen.findByTestId('packet-waiting-outcome')).toHaveTextContent('One response from Dr. Rivera arrived');
    expect(file.deleted).toBe(false);
    await r.user.click(screen.getByTestId('packet-waiting-delete'));
    await waitFor(() => expect(file.deleted).toBe(true));
    expect(screen.getByTestId('packet-waiting')).toHaveTextContent('The file is deleted');
  });

  test('Not now leaves the file and imports nothing', async () => {
    const { fake } = withWaitingFile();
    const r = await openJournal(fake);
    const box = await screen.findByTestId('packet-waiting');
    await r.user.click(within(box).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByTestId('packet-waiting')).not.toBeInTheDocument());
    expect(fake.callsTo('dismiss_waiting_packet')).toHaveLength(1);
    expect(fake.callsTo('import_waiting_packet')).toHaveLength(0);
  });

  test('a file that is refused says why and changes nothing', async () => {
    const { fake } = withWaitingFile();
    const r = await openJournal(fake);
    await r.user.click(await screen.findByTestId('packet-waiting-import'));
    const box = screen.getByTestId('packet-waiting');
    expect(await within(box).findByRole('alert')).toHaveTextContent('Nothing was changed');
    expect(screen.queryByTestId('packet-waiting-outcome')).not.toBeInTheDocument();
  });

  test('a packet dropped on the open window shows up when the shell says so', async () => {
    const fake = unlockedFake([{ title: 'Hard morning' }]);
    await openJournal(fake);
    await screen.findByTestId('new-entry');
    expect(screen.queryByTestId('packet-waiting')).not.toBeInTheDocument();
    // The shell keeps the dropped path and tells the page, which asks for the name.
    fake.exchange.waiting = { file_name: 'from-sam.attune-packet', deleted: false };
    window.dispatchEvent(new Event(PACKET_WAITING_EVENT));
    expect(await screen.findByTestId('packet-waiting')).toHaveTextContent('from-sam.attune-packet');
  });

  test('anything else dropped is left alone, kindly said', async () => {
    const fake = unlockedFake([{ title: 'Hard morning' }]);
    const r = await openJournal(fake);
    await screen.findByTestId('new-entry');
    window.dispatchEvent(new Event(NOT_A_PACKET_EVENT));
    const note = await screen.findByTestId('not-a-packet');
    expect(note).toHaveTextContent('not an Attune packet');
    expect(note).toHaveTextContent('nothing changed');
    expect(screen.queryByTestId('packet-waiting')).not.toBeInTheDocument();
    expect(fake.callsTo('import_waiting_packet')).toHaveLength(0);
    await r.user.click(within(note).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('not-a-packet')).not.toBeInTheDocument());
  });
});
