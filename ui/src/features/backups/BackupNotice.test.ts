import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import { unlockedFake } from '../../test/helpers';
import { renderScreen } from '../../test/render-screen';
import BackupNotice from './BackupNotice.svelte';

const DAY_MS = 86_400_000;

async function renderNotice(fake: ReturnType<typeof unlockedFake>) {
  const onopensettings = vi.fn();
  const r = renderScreen(fake, BackupNotice, { onopensettings });
  await waitFor(() => expect(fake.callsTo('backup_status')).toHaveLength(1));
  return { ...r, onopensettings };
}

describe('backup notice', () => {
  test('nothing without a folder', async () => {
    await renderNotice(unlockedFake());
    await Promise.resolve();
    expect(screen.queryByTestId('backup-notice')).not.toBeInTheDocument();
  });

  test('nothing when a backup worked within the week', async () => {
    const fake = unlockedFake([], { settings: { backup_folder: '/media/usb' } });
    fake.backups.seed([2]);
    await renderNotice(fake);
    await Promise.resolve();
    expect(screen.queryByTestId('backup-notice')).not.toBeInTheDocument();
  });

  test('a folder but never a backup', async () => {
    const fake = unlockedFake([], { settings: { backup_folder: '/media/usb' } });
    await renderNotice(fake);
    expect(await screen.findByTestId('backup-notice')).toHaveTextContent('not been backed up yet');
  });

  test('after more than a week, says how long, and opens backup settings', async () => {
    const fake = unlockedFake([], { settings: { backup_folder: '/media/usb' } });
    fake.backups.lastAt = new Date(Date.now() - 9 * DAY_MS).toISOString();
    const { user, onopensettings } = await renderNotice(fake);
    expect(await screen.findByTestId('backup-notice')).toHaveTextContent('No backup has worked for 9 days.');
    await user.click(screen.getByTestId('backup-notice-open'));
    expect(onopensettings).toHaveBeenCalledTimes(1);
  });

  test('Not now puts it away', async () => {
    const fake = unlockedFake([], { settings: { backup_folder: '/media/usb' } });
    const { user, onopensettings } = await renderNotice(fake);
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(screen.queryByTestId('backup-notice')).not.toBeInTheDocument();
    expect(onopensettings).not.toHaveBeenCalled();
  });
});
