// What every screen inside the app shares: the backend, locking, and error handling.
import { getContext, setContext } from 'svelte';
import { AttuneError, type Backend } from './backend';
import type { Draft } from './ipc/types';

export interface Session {
  readonly backend: Backend;
  /** Stage the open draft, lock, and reload the web view. */
  lockNow(): Promise<void>;
  /**
   * The open editor registers how to read its draft: the draft when it has unsaved
   * changes, else null. The source itself is null when no editor is open.
   */
  setDraftSource(source: (() => Draft | null) | null): void;
  /** The journal is open from here on (note activity, allow Ctrl+L). */
  markUnlocked(): void;
  /**
   * Turn anything thrown into an AttuneError. A `locked` error means the shell locked
   * the journal underneath us, so the web view reloads to the unlock screen.
   */
  fail(raw: unknown): AttuneError;
}

const KEY = Symbol('attune.session');

export function provideSession(session: Session): void {
  setContext(KEY, session);
}

export function useSession(): Session {
  const session = getContext<Session | undefined>(KEY);
  if (!session) throw new Error('useSession outside <App>');
  return session;
}
