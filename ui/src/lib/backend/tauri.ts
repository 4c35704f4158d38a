import { invoke } from '@tauri-apps/api/core';
import { AttuneError, type Backend, type Command, type Commands } from './index';

/** DOM events the shell dispatches on `window` (src-tauri/src/state.rs, drops.rs). */
export const LOCKED_EVENT = 'attune-locked';
export const PACKET_WAITING_EVENT = 'attune-packet-waiting';
export const NOT_A_PACKET_EVENT = 'attune-not-a-packet';
export const FOLDER_NEWS_EVENT = 'attune-folder-packets';

/** The real backend: each call is one Tauri command taking one request struct. */
export function tauriBackend(): Backend {
  return {
    async call<C extends Command>(command: C, req: Commands[C][0]): Promise<Commands[C][1]> {
      try {
        return await invoke<Commands[C][1]>(command, req === null ? {} : { req });
      } catch (raw) {
        throw AttuneError.from(raw);
      }
    },
    onLocked(handler) {
      // The shell dispatches a plain DOM event: the page has no permission to listen to
      // Tauri events (they would include drag-and-drop paths).
      const on = () => handler();
      window.addEventListener(LOCKED_EVENT, on);
      return () => window.removeEventListener(LOCKED_EVENT, on);
    },
  };
}
