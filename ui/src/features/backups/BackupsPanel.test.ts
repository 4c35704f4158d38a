import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { openJournal, unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import { AttuneError } from '../../lib/backend';
import type { FakeOptions } from '../../lib/backend/fake';
import BackupsPanel from './BackupsPanel.svelte';

import { DEFAULT_SETTINGS } from '../../lib/settings';
const USB = '/media/usb/Attune backups';

async function renderPanel(options: FakeOptions = {}, setup: (fake: ReturnType<typeof unlockedFake>) => void = () => {}) {
  const fake = unlockedFake([{ body: 'A visit.' }], options);
  setup(fake);
  const r = renderScreen(fake, BackupsPanel, {});
  await waitFor(() => expect(fake.callsTo('backup_status')).toHaveLength(1));
  await screen.findByText(/^(Never|Today|Yesterday|\d+ days ago|On )/);
  return r;
}

describe('backups panel', () => {
  test('with no folder, Back up now waits; choosing a folder shows it', async () => {
    const { fake, user } = await renderPanel();
    expect(screen.getByTestId('backup-folder')).toHaveTextContent('No folder chosen yet');
    expect(screen.getByTestId('backup-last')).toHaveTextContent('Never');
    expect(screen.getByTestId('backup-now')).toBeDisabled();

    await user.click(screen.getByTestId('backup-choose-folder'));
    await waitFor(() => expect(screen.getByTestId('backup-folder')).toHaveTextContent(USB));
    expect(fake.callsTo('choose_backup_folder')).toEqual([null]);
    expect(fake.settings.backup_folder).toBe(USB);
    expect(screen.getByTestId('backup-now')).toBeEnabled();
  });

  test('a cancelled folder dialog leaves the folder as it was', async () => {
    const { fake, user } = await renderPanel({ settings: { backup_folder: '/home/you/Sync' } });
    fake.backups.nextFolder = null;
    await user.click(screen.getByTestId('backup-choose-folder'));
    await waitFor(() => expect(fake.callsTo('choose_backup_folder')).toHaveLength(1));
    expect(screen.getByTestId('backup-folder')).toHaveTextContent('/home/you/Sync');
    expect(fake.settings.backup_folder).toBe('/home/you/Sync');
  });

  test('Back up now adds a backup to the list, newest first, and says when', async () => {
    const { fake, user } = await renderPanel({ settings: { backup_folder: USB } }, (f) => f.backups.seed([3, 10]));
    expect(screen.getByTestId('backup-last')).toHaveTextContent('3 days ago');
    expect(screen.getAllByTestId('backup-file')).toHaveLength(2);

    await user.click(screen.getByTestId('backup-now'));
    expect(await screen.findByTestId('backup-done')).toHaveTextContent('Backed up.');
    expect(fake.callsTo('back_up_now')).toEqual([null]);
    expect(screen.getByTestId('backup-last')).toHaveTextContent(/^Today at /);
    const files = screen.getAllByTestId('backup-file');
    expect(files).toHaveLength(3);
    expect(files[0]).toHaveTextContent('240 KB');
    expect(files[0]!.textContent).toContain(String(new Date().getFullYear()));
    expect(screen.queryByTestId('backup-error')).not.toBeInTheDocument();
  });

  test('a failed backup is shown calmly, saying the journal is fine', async () => {
    const { fake, user } = await renderPanel({ settings: { backup_folder: USB } });
    fake.failNext('back_up_now', new AttuneError('unwritable', 'Could not write the backup in /media/usb.'));
    await user.click(screen.getByTestId('backup-now'));
    const warning = await screen.findByTestId('backup-error');
    expect(warning).toHaveTextContent('Your journal is fine');
    expect(warning).toHaveTextContent('Could not write the backup in /media/usb.');
    expect(screen.queryByTestId('backup-done')).not.toBeInTheDocument();
    expect(screen.getByTestId('backup-last')).toHaveTextContent('Never');
    expect(screen.getByTestId('backup-now')).toBeEnabled();
  });

  test('a folder that went away is remembered by the core and shown on the next visit', async () => {
    const { fake, user } = await renderPanel({ settings: { backup_folder: USB } });
    fake.backups.folderGone = true;
    await user.click(screen.getByTestId('backup-now'));
    expect(await screen.findByTestId('backup-error')).toHaveTextContent(/USB stick that is out/);
    expect(fake.backups.status().last_error).toMatch(/USB stick/);

    // Plugged back in: the next backup works and the warning goes.
    fake.backups.folderGone = false;
    await user.click(screen.getByTestId('backup-now'));
    await screen.findByTestId('backup-done');
    expect(screen.queryByTestId('backup-error')).not.toBeInTheDocument();
  });

  test('rotation saves the settings as they are, with the new counts', async () => {
    const { fake, user } = await renderPanel({ settings: { backup_folder: USB, auto_lock_minutes: 12 } });
    expect(screen.getByTestId('backup-keep-daily')).toHaveValue(7);
    expect(screen.getByTestId('backup-keep-weekly')).toHaveValue(5);
    expect(screen.getByTestId('backup-keep-monthly')).toHaveValue(12);

    await user.clear(screen.getByTestId('backup-keep-daily'));
    await user.type(screen.getByTestId('backup-keep-daily'), '14');
    await user.clear(screen.getByTestId('backup-keep-monthly'));
    await user.type(screen.getByTestId('backup-keep-monthly'), '0');
    await user.click(screen.getByTestId('backup-rotation-save'));

    await waitFor(() => expect(fake.callsTo('save_settings')).toHaveLength(1));
    expect(fake.callsTo('save_settings')[0]).toEqual({
      ...DEFAULT_SETTINGS,
      auto_lock_minutes: 12,
      backup_folder: USB,
      backup_rotation: { daily: 14, weekly: 5, monthly: 0 },
    });
    expect(await screen.findByText(/^Saved\./)).toBeInTheDocument();
  });

  test('the core refusing a rotation shows its message', async () => {
    const { fake, user } = await renderPanel();
    const message = 'Keep at least one backup, and at most 90 daily, 104 weekly and 120 monthly.';
    fake.failNext('save_settings', new AttuneError('invalid_input', message));
    await user.clear(screen.getByTestId('backup-keep-daily'));
    await user.type(screen.getByTestId('backup-keep-daily'), '500');
    await user.click(screen.getByTestId('backup-rotation-save'));
    expect(await screen.findByTestId('backup-rotation-error')).toHaveTextContent(message);
    expect(fake.settings.backup_rotation).toBeUndefined();
  });

  test('a blank count is caught before anything is sent', async () => {
    const { fake, user } = await renderPanel();
    await user.clear(screen.getByTestId('backup-keep-weekly'));
    await user.click(screen.getByTestId('backup-rotation-save'));
    expect(screen.getByTestId('backup-rotation-error')).toHaveTextContent(/whole number/);
    expect(fake.callsTo('save_settings')).toHaveLength(0);
  });

  test('restoring asks first, explaining what happens, then opens the dialog', async () => {
    const { fake, user } = await renderPanel({ settings: { backup_folder: USB } });
    let lockedEvents = 0;
    fake.onLocked(() => lockedEvents++);

    await user.click(screen.getByTestId('backup-restore'));
    expect(fake.callsTo('restore_backup')).toHaveLength(0);
    const panel = screen.getByTestId('backup-restore-panel');
    expect(panel).toHaveTextContent(/kept aside first/);
    expect(panel).toHaveTextContent(/Attune locks/);
    expect(panel).toHaveTextContent(/passphrase it had when the backup was made/);

    await waitFor(() => expect(screen.getByTestId('backup-restore-confirm')).toHaveFocus());
    await user.keyboard('{Tab}{Enter}'); // Cancel, from the keyboard
    expect(screen.queryByTestId('backup-restore-panel')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('backup-restore')).toHaveFocus());
    expect(fake.callsTo('restore_backup')).toHaveLength(0);

    await user.click(screen.getByTestId('backup-restore'));
    await user.click(screen.getByTestId('backup-restore-confirm'));
    await waitFor(() => expect(fake.callsTo('restore_backup')).toEqual([null]));
    expect(fake.backups.restored).toEqual(['attune-backup-20260301-183000.attune']);
    expect(lockedEvents).toBe(1);
    expect(screen.getByTestId('backup-restore-note')).toHaveTextContent(/locking/);
  });

  test('a cancelled restore dialog changes nothing and says nothing', async () => {
    const { fake, user } = await renderPanel({ settings: { backup_folder: USB } });
    fake.backups.nextRestoreFile = null;
    await user.click(screen.getByTestId('backup-restore'));
    await user.click(screen.getByTestId('backup-restore-confirm'));
    await waitFor(() => expect(fake.callsTo('restore_backup')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('backup-restore')).toBeInTheDocument());
    expect(fake.backups.restored).toEqual([]);
    expect(fake.unlocked).toBe(true);
    expect(screen.getByTestId('backup-restore-note')).toHaveTextContent('');
    expect(screen.getByTestId('backup-alert')).toHaveTextContent('');
  });

  test('in Settings, a folder chosen here is kept when auto-lock is saved afterwards', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    await user.click(screen.getByTestId('settings-button'));
    await user.click(await screen.findByTestId('backup-choose-folder'));
    await waitFor(() => expect(screen.getByTestId('backup-folder')).toHaveTextContent(USB));
    await waitFor(() => expect(fake.callsTo('get_settings').length).toBeGreaterThan(1));

    await user.clear(screen.getByTestId('settings-auto-lock'));
    await user.type(screen.getByTestId('settings-auto-lock'), '20');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(fake.settings.auto_lock_minutes).toBe(20));
    expect(fake.settings.backup_folder).toBe(USB);
  });

  test('a backup to take to another computer is saved through the dialog, with what to do next', async () => {
    const { fake, user } = await renderPanel();
    await user.click(screen.getByTestId('backup-save-copy'));
    expect(await screen.findByTestId('backup-copy-saved')).toHaveTextContent(/Restore from a backup/);
    expect(fake.callsTo('save_backup_copy')).toEqual([null]);
    expect(fake.savedFiles.map((f) => f.name)).toContain('attune-backup-20260301-183000.attune');
  });
});
