// Render one standalone screen (not the whole App) against the fake backend, with a
// session like the App's: errors become AttuneErrors, locking is a spy.
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { vi } from 'vitest';
import { AttuneError } from '../lib/backend';
import type { FakeBackend } from '../lib/backend/fake';
import type { Session } from '../lib/session';
import SessionHost from './SessionHost.svelte';

export interface RenderedScreen {
  fake: FakeBackend;
  session: Session;
  user: ReturnType<typeof userEvent.setup>;
  lockNow: ReturnType<typeof vi.fn>;
}

export function renderScreen<P extends Record<string, unknown>>(
  fake: FakeBackend,
  screen: Component<P>,
  props: P,
): RenderedScreen {
  const lockNow = vi.fn(async () => undefined);
  const session: Session = {
    backend: fake,
    lockNow,
    setDraftSource: () => undefined,
    markUnlocked: () => undefined,
    fail: (raw) => AttuneError.from(raw),
  };
  const user = userEvent.setup();
  render(SessionHost<P>, { props: { session, screen, props } });
  return { fake, session, user, lockNow };
}
