import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AttuneError } from './lib/backend';
import { FakeBackend } from './lib/backend/fake';
import { openJournal, PASSPHRASE, renderApp, unlockedFake, chooseFirstPassphrase } from './test/helpers';

afterEach(() => vi.useRealTimers());

describe('app', () => {
  test('starts on the screen the status calls for', async () => {
    renderApp(new FakeBackend());
    expect(await screen.findByRole('heading', { name: 'Welcome to Attune' })).toBeInTheDocument();
  });

  test('a locked journal starts on Unlock', async () => {
    renderApp(new FakeBackend({ passphrase: PASSPHRASE }));
    expect(await screen.findByTestId('unlock-passphrase')).toBeInTheDocument();
  });

  test('when the shell cannot answer, the error shows with a way to try again', async () => {
    const fake = new FakeBackend({ passphrase: PASSPHRASE });
    fake.failNext('status', new AttuneError('journal_busy', 'This journal is open in another Attune window.'));
    const { user } = renderApp(fake);
    expect(await screen.findByTestId('app-error')).toHaveTextContent('open in another Attune window');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('unlock-passphrase')).toBeInTheDocument();
  });

  test('Ctrl+L stages the open draft, then locks, then reloads', async () => {
    const fake = unlockedFake();
    const { user, reload } = await openJournal(fake);
    await user.click(screen.getByTestId('new-entry'));
    await user.type(await screen.findByTestId('entry-body'), 'Not saved yet, still typing');
    const before = fake.calls.length;

    await user.keyboard('{Control>}l{/Control}');
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
    const after = fake.calls.slice(before).map((c) => c.command);
    expect(after).toEqual(['stage_draft', 'lock']);
    expect(fake.callsTo('stage_draft').at(-1)!.fields.body).toBe('Not saved yet, still typing');
    expect(fake.unlocked).toBe(false);
    // The shell kept it, encrypted, for the next unlock.
    expect(fake.kept?.fields.body).toBe('Not saved yet, still typing');
  });

  test('a saved editor leaves nothing to stage: the next unlock opens the list', async () => {
    const fake = unlockedFake();
    const { user, reload } = await openJournal(fake);
    await user.click(screen.getByTestId('new-entry'));
    await user.type(await screen.findByTestId('entry-title'), 'All saved');
    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    const staged = fake.callsTo('stage_draft').length;

    await user.click(screen.getByTestId('lock-button'));
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(fake.callsTo('stage_draft')).toHaveLength(staged);
    expect(fake.kept).toBeNull();
  });

  test('the Lock button locks without staging when no editor is open', async () => {
    const fake = unlockedFake();
    const { user, reload } = await openJournal(fake);
    await user.click(screen.getByTestId('lock-button'));
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(fake.callsTo('stage_draft')).toHaveLength(0);
    expect(fake.callsTo('lock')).toHaveLength(1);
  });

  test('Cmd+L locks too; before unlock it does nothing', async () => {
    const locked = new FakeBackend({ passphrase: PASSPHRASE });
    const first = renderApp(locked);
    await screen.findByTestId('unlock-passphrase');
    await first.user.keyboard('{Meta>}l{/Meta}');
    expect(locked.callsTo('lock')).toHaveLength(0);
    expect(first.reload).not.toHaveBeenCalled();

    await first.user.clear(screen.getByTestId('unlock-passphrase'));
    await first.user.type(screen.getByTestId('unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    await screen.findByRole('heading', { name: 'Your journal' });
    await first.user.keyboard('{Meta>}l{/Meta}');
    await waitFor(() => expect(first.reload).toHaveBeenCalledOnce());
    expect(locked.callsTo('lock')).toHaveLength(1);
  });

  test('a lock from the shell reloads the web view', async () => {
    const fake = unlockedFake();
    const { reload } = await openJournal(fake);
    fake.shellLock();
    expect(reload).toHaveBeenCalledOnce();
    // Nothing from the journal stays on screen while the web view reloads.
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Your journal' })).not.toBeInTheDocument());
  });

  test('a locked error from any call reloads the web view', async () => {
    const fake = unlockedFake();
    const { user, reload } = await openJournal(fake);
    fake.unlocked = false; // locked underneath, event missed
    await user.type(screen.getByTestId('search-input'), 'x');
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
  });

  test('activity is noted at most once every ten seconds', async () => {
    const fake = unlockedFake();
    await openJournal(fake);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    vi.setSystemTime(start);
    for (let i = 0; i < 5; i++) await fireEvent.keyDown(window, { key: 'a' });
    await fireEvent.pointerDown(window);
    expect(fake.callsTo('note_activity')).toHaveLength(1);
    vi.setSystemTime(start + 9_999);
    await fireEvent.keyDown(window, { key: 'a' });
    expect(fake.callsTo('note_activity')).toHaveLength(1);
    vi.setSystemTime(start + 10_000);
    await fireEvent.pointerDown(window);
    expect(fake.callsTo('note_activity')).toHaveLength(2);
  });

  test('Ctrl+N starts a reflection and Ctrl+F goes to search', async () => {
    const fake = unlockedFake();
    const { user } = await openJournal(fake);
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('heading', { name: 'New reflection' })).toBeInTheDocument();
    await user.keyboard('{Control>}f{/Control}');
    await waitFor(() => expect(screen.getByTestId('search-input')).toHaveFocus());
  });

  test('web storage stays empty through a whole journey', async () => {
    const fake = new FakeBackend();
    const { user } = renderApp(fake);
    await chooseFirstPassphrase(user);
    await screen.findByTestId('recovery-key');
    await user.type(screen.getByTestId('recovery-key-confirm'), fake.recoveryKey!);
    await user.click(screen.getByTestId('recovery-key-submit'));
    await user.click(await screen.findByTestId('new-entry'));
    await user.type(await screen.findByTestId('entry-body'), 'private words');
    await user.click(screen.getByTestId('entry-save'));
    await waitFor(() => expect(fake.entries).toHaveLength(1));
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });
});
