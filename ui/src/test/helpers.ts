// Shared setup for component tests: the whole app against the fake backend.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import App from '../App.svelte';
import { FakeBackend, type FakeOptions, type SeedEntry } from '../lib/backend/fake';

export const PASSPHRASE = 'quiet river morning tea';

export interface Rendered {
  fake: FakeBackend;
  reload: ReturnType<typeof vi.fn>;
  user: ReturnType<typeof userEvent.setup>;
}

/** Render the app; `fakeTimers` makes user-event advance Vitest's fake clock. */
export function renderApp(fake: FakeBackend, options: { fakeTimers?: boolean } = {}): Rendered {
  const reload = vi.fn();
  // Works with real timers and, once a test calls vi.useFakeTimers(), with fake ones.
  const user = userEvent.setup(
    options.fakeTimers ? { advanceTimers: (ms) => (vi.isFakeTimers() ? vi.advanceTimersByTime(ms) : undefined) } : {},
  );
  render(App, { props: { backend: fake, reload } });
  return { fake, reload, user };
}

/** A journal that is already unlocked, with these entries. */
export function unlockedFake(entries: SeedEntry[] = [], options: FakeOptions = {}): FakeBackend {
  return new FakeBackend({ passphrase: PASSPHRASE, unlocked: true, entries, ...options });
}

/** Render an unlocked journal and wait for the list to show. */
export async function openJournal(fake: FakeBackend, options: { fakeTimers?: boolean } = {}): Promise<Rendered> {
  const r = renderApp(fake, options);
  await screen.findByRole('heading', { name: /your journal/i });
  await waitFor(() => expect(fake.callsTo('find_entries').length).toBeGreaterThan(0));
  return r;
}

/** Entries, one per day going back from 2026-03-20, oldest last. */
export function days(n: number, make: (i: number) => SeedEntry = () => ({})): SeedEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2026, 2, 20 - i));
    const iso = d.toISOString().slice(0, 10);
    return { encounter_date: iso, created_at: `${iso}T12:00:00.000Z`, body: `Entry number ${i + 1}.`, ...make(i) };
  });
}

export function titles(): string[] {
  return screen.queryAllByTestId('entry-list-item').map((li) => li.querySelector('h2')?.textContent?.trim() ?? '');
}

/** The text of every alert that has something to say. */
export function alertText(): string {
  return screen
    .queryAllByRole('alert')
    .map((a) => a.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' | ');
}

/** Let promises and Svelte updates settle under fake timers. */
export async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

/** First run up to the recovery key: Get started, a passphrase typed twice, submit. */
export async function chooseFirstPassphrase(user: Rendered['user'], passphrase = 'lantern harbour quiet'): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Get started' }));
  await user.type(screen.getByTestId('setup-passphrase'), passphrase);
  await user.type(screen.getByTestId('setup-passphrase-confirm'), passphrase);
  await user.click(screen.getByTestId('setup-submit'));
}

/** An unlocked journal with the editor open for a new reflection, on Vitest's fake clock. */
export async function newReflectionOnFakeClock(fake: FakeBackend = unlockedFake()): Promise<Rendered> {
  const r = await openJournal(fake, { fakeTimers: true });
  vi.useFakeTimers();
  await r.user.click(screen.getByTestId('new-entry'));
  await flush();
  return r;
}
