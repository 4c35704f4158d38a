import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { AttuneError, type Backend, type Command, type Commands } from './index';

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
      let stop: (() => void) | undefined;
      let stopped = false;
      void listen('attune://locked', handler).then((un) => {
        if (stopped) un();
        else stop = un;
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
