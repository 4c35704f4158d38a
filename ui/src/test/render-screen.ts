// Render a standalone screen with the session it would get inside the app.
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { vi } from 'vitest';
import type { FakeBackend } from '../lib/fake-backend';
import ScreenHost from './ScreenHost.svelte';

export function renderScreen<P extends Record<string, unknown>>(fake: FakeBackend, screen: Component<P>, props: P) {
  const lockNow = vi.fn(async () => undefined);
  const user = userEvent.setup();
  const result = render(ScreenHost, {
    props: { backend: fake, screen: screen as unknown as Component<Record<string, unknown>>, props, lockNow },
  });
  return { ...result, fake, user, lockNow };
}
