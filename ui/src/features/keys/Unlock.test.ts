import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, test } from 'vitest';
import { FakeBackend, mistypeRecoveryKey } from '../../lib/backend/fake';
import { alertText, PASSPHRASE, renderApp } from '../../test/helpers';

describe('unlock', () => {
  test('a wrong passphrase is explained; the right one opens the journal', async () => {
    const fake = new FakeBackend({ passphrase: PASSPHRASE, entries: [{ title: 'After the visit', body: 'x' }] });
    const { user } = renderApp(fake);

    const field = await screen.findByTestId('unlock-passphrase');
    await waitFor(() => expect(field).toHaveFocus());
    await user.type(field, 'not my passphrase');
    await user.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => expect(screen.getByTestId('unlock-error')).toHaveTextContent(/does not open this journal/));
    expect(screen.getByTestId('unlock-error')).toHaveAttribute('role', 'alert');

    await user.type(screen.getByTestId('unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Your journal' })).toBeInTheDocument();
    expect(await screen.findByText('After the visit')).toBeInTheDocument();
    expect(fake.callsTo('unlock').map((r) => r.passphrase)).toEqual(['not my passphrase', PASSPHRASE]);
  });

  test('an empty passphrase is not sent', async () => {
    const fake = new FakeBackend({ passphrase: PASSPHRASE });
    const { user } = renderApp(fake);
    await user.click(await screen.findByTestId('unlock-submit'));
    expect(screen.getByTestId('unlock-error')).toHaveTextContent(/Type your passphrase/);
    expect(fake.callsTo('unlock')).toHaveLength(0);
  });

  test('Show reveals what is typed', async () => {
    const fake = new FakeBackend({ passphrase: PASSPHRASE });
    const { user } = renderApp(fake);
    const field = await screen.findByTestId('unlock-passphrase');
    expect(field).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: /show/i }));
    expect(field).toHaveAttribute('type', 'text');
  });
});

describe('recover', () => {
  async function toRecover() {
    const fake = new FakeBackend({ passphrase: PASSPHRASE });
    const r = renderApp(fake);
    await r.user.click(await screen.findByTestId('forgot-passphrase'));
    await screen.findByRole('heading', { name: 'Use your recovery key' });
    return r;
  }

  test('recovery key and a new passphrase open the journal and issue a new key', async () => {
    const { fake, user } = await toRecover();
    const oldKey = fake.recoveryKey!;

    await user.type(screen.getByTestId('recover-key'), mistypeRecoveryKey(oldKey));
    await user.type(screen.getByTestId('recover-passphrase'), 'a brand new passphrase');
    await user.type(screen.getByTestId('recover-passphrase-confirm'), 'a brand new passphrase');
    await user.click(screen.getByTestId('recover-submit'));
    await waitFor(() => expect(alertText()).toMatch(/typing mistake/));

    await user.clear(screen.getByTestId('recover-key'));
    await user.type(screen.getByTestId('recover-key'), oldKey);
    await user.click(screen.getByTestId('recover-submit'));

    const shown = await screen.findByTestId('recovery-key');
    expect(screen.getByRole('heading', { name: 'Your new recovery key' })).toBeInTheDocument();
    expect(shown.textContent).toBe(fake.recoveryKey);
    expect(shown.textContent).not.toBe(oldKey);
    expect(screen.getByText(/old recovery key no longer works/)).toBeInTheDocument();

    await user.type(screen.getByTestId('recovery-key-confirm'), fake.recoveryKey!);
    await user.click(screen.getByTestId('recovery-key-submit'));
    expect(await screen.findByRole('heading', { name: 'Your journal' })).toBeInTheDocument();
    expect(fake.passphrase).toBe('a brand new passphrase');
  });

  test('Back returns to unlock', async () => {
    const { user } = await toRecover();
    await user.click(screen.getByTestId('back-button'));
    expect(await screen.findByTestId('unlock-passphrase')).toBeInTheDocument();
  });
});
