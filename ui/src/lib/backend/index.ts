// The one door between the screens and the journal. Two implementations: Tauri IPC
// (the real app) and an in-memory fake (component tests). Screens never call
// `invoke` themselves.
import type { Command, Commands, Error as IpcError, ErrorCode } from '../ipc/types';

// The command map and list are generated from the core's one declaration
// (attune::with_commands!) together with the types; see ipc/types.ts.
export type { Command, Commands };
export { COMMANDS } from '../ipc/types';

export interface Backend {
  call<C extends Command>(command: C, req: Commands[C][0]): Promise<Commands[C][1]>;
  /** Run `handler` when the shell locks the journal (idle, suspend, screen lock). */
  onLocked(handler: () => void): () => void;
}

/** An error from the core: a closed set of codes, a human message. */
export class AttuneError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  static from(raw: unknown): AttuneError {
    if (raw instanceof AttuneError) return raw;
    const e = raw as Partial<IpcError> | undefined;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      return new AttuneError(e.code, e.message);
    }
    return new AttuneError('internal', 'Something went wrong. Please try again.');
  }
}
