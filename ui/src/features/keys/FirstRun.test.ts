import { screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { AttuneError } from '../../lib/backend';
import { FakeBackend, mistypeRecoveryKey } from '../../lib/backend/fake';
import { alertText, renderApp, chooseFirstPassphrase } from '../../test/helpers';
import { loadGuessability } from './strength';

// zxcvbn's dictionaries are their own chunk: load them once, before the meter needs them.
beforeAll(async () => {
  await loadGuessability();
});

describe('first run', () => {
  test('welcome, passphrase, recovery key typed back, then the journal', async () => {
    const fake = new FakeBackend();
    const { user } = renderApp(fake);

    expect(await screen.findByRole('heading', { name: 'Welcome to Attune' })).toBeInTheDocument();
    expect(screen.getByText(/stays on this computer, encrypted/)).toBeInTheDocument();
    expect(screen.getByText(/Attune never connects to the internet/)).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('Nothing is ever sent anywhere');
    // Before anything else: a worry about a child's safety does not wait, and is not reported here.
    expect(screen.getByTestId('child-safety')).toHaveTextContent(
      'If something you saw or heard means a child may not be safe, follow your agency’s child-protection steps today and talk with your supervisor now. Writing in Attune is not a report.',
    );
    await user.click(screen.getByRole('button', { name: 'Get started' }));

    await user.type(screen.getByTestId('setup-passphrase'), 'lantern harbour quiet');
    // The guessing estimate comes after a pause in typing.
    expect(await screen.findByText(/^(Fair|Good|Strong)\.$/)).toBeInTheDocument();
    await user.type(screen.getByTestId('setup-passphrase-confirm'), 'lantern harbour quiet');
    await user.click(screen.getByTestId('setup-submit'));

    const keyEl = await screen.findByTestId('recovery-key');
    const key = fake.recoveryKey!;
    expect(keyEl.textContent).toBe(key);
    expect(fake.callsTo('create_journal')).toEqual([{ passphrase: 'lantern harbour quiet' }]);
    expect(screen.queryByRole('button', { name: /copy|clipboard/i })).not.toBeInTheDocument();

    // A mistyped key is caught and explained.
    await user.type(screen.getByTestId('recovery-key-confirm'), mistypeRecoveryKey(key));
    await user.click(screen.getByTestId('recovery-key-submit'));
    await waitFor(() => expect(alertText()).toMatch(/typing mistake/));
    expect(screen.getByTestId('recovery-key')).toBeInTheDocument();

    // Typed back right (any case, spaces for dashes), the journal opens.
    await user.clear(screen.getByTestId('recovery-key-confirm'));
    await user.type(screen.getByTestId('recovery-key-confirm'), key.toLowerCase().replaceAll('-', ' '));
    await user.click(screen.getByTestId('recovery-key-submit'));

    expect(await screen.findByRole('heading', { name: 'Your journal' })).toBeInTheDocument();
    expect(screen.queryByTestId('recovery-key')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(key);
    expect(await screen.findByTestId('empty-state')).toHaveTextContent(/first reflection/i);

    // "Before you write", once: codes not names, not a record, not a report, not a crisis service.
    const card = screen.getByTestId('before-you-write');
    // It is read first: focus is on it, not on the journal below.
    await waitFor(() => expect(within(card).getByRole('heading', { name: 'Before you write' })).toHaveFocus());
    expect(card).toHaveTextContent('Use codes, not names.');
    expect(card).toHaveTextContent('This is not a clinical record.');
    expect(card).toHaveTextContent(/not where a concern is reported.*child-protection steps today/);
    expect(card).toHaveTextContent('It is not a crisis service.');
    expect(card).toHaveTextContent(/Call or text 988 in the US/);
    expect(card).toHaveTextContent(/Your local emergency number/);
    await user.click(screen.getByTestId('before-you-write-done'));
    await waitFor(() => expect(screen.queryByTestId('before-you-write')).not.toBeInTheDocument());
    expect(fake.settings.seen_before_you_write).toBe(true);
    expect(screen.getByRole('heading', { name: 'Your journal' })).toHaveFocus();
  });

  test('the passphrase must be long enough and typed the same twice', async () => {
    const fake = new FakeBackend();
    const { user } = renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Get started' }));

    await user.type(screen.getByTestId('setup-passphrase'), 'short');
    expect(screen.getByText('Too short.')).toBeInTheDocument();
    await user.click(screen.getByTestId('setup-submit'));
    expect(alertText()).toMatch(/needs at least 10 characters/);

    await user.type(screen.getByTestId('setup-passphrase'), ' but longer now');
    await user.type(screen.getByTestId('setup-passphrase-confirm'), 'short but longer no');
    await user.click(screen.getByTestId('setup-submit'));
    expect(alertText()).toMatch(/not the same yet/);
    expect(fake.callsTo('create_journal')).toHaveLength(0);
  });

  test('an error from the core is shown as its message, and nothing moves on', async () => {
    const fake = new FakeBackend();
    fake.failNext(
      'create_journal',
      new AttuneError('unwritable', 'Could not create the journal: permission denied.'),
    );
    const { user } = renderApp(fake);
    await chooseFirstPassphrase(user);
    await waitFor(() => expect(alertText()).toBe('Could not create the journal: permission denied.'));
    expect(screen.queryByTestId('recovery-key')).not.toBeInTheDocument();
    expect(screen.getByTestId('setup-submit')).toBeEnabled();
  });

  test('creating shows a calm progress state and disables the button', async () => {
    const fake = new FakeBackend({ slowMs: 50 });
    const { user } = renderApp(fake);
    await chooseFirstPassphrase(user);
    expect(screen.getByTestId('setup-submit')).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(/Setting up your encrypted journal/);
    expect(await screen.findByTestId('recovery-key')).toBeInTheDocument();
  });

  test('Print the key prints; nothing offers the clipboard', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const fake = new FakeBackend();
    const { user } = renderApp(fake);
    await chooseFirstPassphrase(user);
    await user.click(await screen.findByRole('button', { name: 'Print the key' }));
    expect(print).toHaveBeenCalledOnce();
    await waitFor(() => expect(document.querySelector('.print-area [data-testid="recovery-key"]')).not.toBeNull());
    print.mockRestore();
  });

  test('Save to a file asks the shell (no path from the page) and confirms where it went', async () => {
    const fake = new FakeBackend();
    const { user } = renderApp(fake);
    await chooseFirstPassphrase(user);
    await user.click(await screen.findByTestId('recovery-key-save'));
    await waitFor(() =>
      expect(screen.getByTestId('recovery-key-save-status')).toHaveTextContent(/Saved as attune-recovery-key\.txt/),
    );
    expect(fake.callsTo('save_recovery_key')).toEqual([null]);
    expect(fake.savedFiles.map((f) => f.text.includes(fake.recoveryKey!))).toEqual([true]);
  });

  test('a failed save says why and the key stays on screen', async () => {
    const fake = new FakeBackend();
    fake.failNext('save_recovery_key', new AttuneError('disk_full', 'The disk is full. Free some space and try again.'));
    const { user } = renderApp(fake);
    await chooseFirstPassphrase(user);
    await user.click(await screen.findByTestId('recovery-key-save'));
    await waitFor(() => expect(alertText()).toMatch(/disk is full/));
    expect(screen.getByTestId('recovery-key')).toBeInTheDocument();
    expect(fake.savedFiles).toHaveLength(0);
  });

  test('a new computer restores a backup from the welcome screen, then unlocks with its passphrase', async () => {
    const fake = new FakeBackend();
    const { user } = renderApp(fake);
    await user.click(await screen.findByTestId('setup-restore'));
    const pass = await screen.findByTestId('unlock-passphrase');
    expect(fake.callsTo('restore_backup')).toEqual([null]);
    await user.type(pass, fake.backups.restoredPassphrase);
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByRole('heading', { name: 'Your journal' })).toBeInTheDocument();
  });

  test('a cancelled restore stays on the welcome screen', async () => {
    const fake = new FakeBackend();
    fake.backups.nextRestoreFile = null;
    const { user } = renderApp(fake);
    await user.click(await screen.findByTestId('setup-restore'));
    await waitFor(() => expect(fake.callsTo('restore_backup')).toHaveLength(1));
    expect(screen.getByRole('heading', { name: 'Welcome to Attune' })).toBeInTheDocument();
    expect(fake.passphrase).toBeNull();
  });
});
