// Autosave for the editor.
//
// Every change is staged at once (`stage_draft`): the shell keeps it in memory and
// writes it, encrypted, if the window closes or the journal locks. After a pause in
// typing the entry is saved for real (`create_entry` the first time, `update_entry`
// after), and the staged draft is let go (`discard_draft`).
import { AttuneError, type Backend } from '../../lib/backend';
import { isBlank, toChange } from './entry-fields';
import type { Draft, Entry, NewEntry } from '../../lib/ipc/types';

export const AUTOSAVE_DELAY_MS = 1500;

/** new: nothing written yet; unsaved: changes waiting; saving; saved. */
export type SaveState = 'new' | 'unsaved' | 'saving' | 'saved';

export interface AutosaveOptions {
  backend: Backend;
  /** The entry being edited, or null for a new one. */
  entryId: string | null;
  /** The editor's fields right now. */
  read: () => NewEntry;
  onState: (state: SaveState) => void;
  onSaved?: (entry: Entry) => void;
  /** A failed call (null clears the last failure). */
  onError: (error: AttuneError | null) => void;
  /** Start with unsaved changes (a kept draft). */
  dirty?: boolean;
  delayMs?: number;
}

export class Autosaver {
  entryId: string | null;
  state: SaveState;
  private readonly o: AutosaveOptions;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private version = 0;
  private savedVersion = 0;
  private inFlight: Promise<boolean> | null = null;
  private again = false;
  private stopped = false;

  constructor(options: AutosaveOptions) {
    this.o = options;
    this.entryId = options.entryId;
    if (options.dirty) this.version = 1;
    this.state = options.dirty ? 'unsaved' : options.entryId === null ? 'new' : 'saved';
  }

  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** What a lock or a closing window should keep. */
  draft(): Draft {
    return { entry_id: this.entryId, fields: this.o.read(), saved_at: null };
  }

  /** Call on every input: stage now, save after a pause. */
  changed(): void {
    if (this.stopped) return;
    this.version++;
    this.stage();
    this.setState(this.inFlight ? 'saving' : 'unsaved');
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, this.o.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Save now (the Save button, leaving the editor). Resolves true when all is saved. */
  saveNow(): Promise<boolean> {
    this.clearTimer();
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    if (!this.dirty) return Promise.resolve(true);
    const run = this.run().finally(() => {
      this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }

  /** Stop the timer (the editor is closing). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async run(): Promise<boolean> {
    for (;;) {
      this.again = false;
      const ok = await this.saveOnce();
      if (!ok) return false;
      if (!(this.again && this.dirty)) return !this.dirty;
    }
  }

  private async saveOnce(): Promise<boolean> {
    const version = this.version;
    const fields = this.o.read();
    this.setState('saving');
    try {
      if (this.entryId === null && isBlank(fields)) {
        // Nothing worth keeping: just forget the staged draft.
        await this.o.backend.call('discard_draft', null);
        this.savedVersion = version;
        this.o.onError(null);
        this.setState(this.dirty ? 'unsaved' : 'new');
        return true;
      }
      const entry =
        this.entryId === null
          ? await this.o.backend.call('create_entry', fields)
          : await this.o.backend.call('update_entry', { id: this.entryId, change: toChange(fields) });
      this.entryId = entry.id;
      this.o.onSaved?.(entry);
      await this.o.backend.call('discard_draft', null);
      this.savedVersion = version;
      this.o.onError(null);
      if (this.dirty) {
        // Typed during the save: discard_draft also let go of that newer staged text.
        this.stage();
        this.setState('unsaved');
      } else {
        this.setState('saved');
      }
      return true;
    } catch (raw) {
      this.setState('unsaved');
      this.o.onError(AttuneError.from(raw));
      return false;
    }
  }

  private stage(): void {
    this.o.backend.call('stage_draft', this.draft()).catch((raw: unknown) => {
      this.o.onError(AttuneError.from(raw));
    });
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.o.onState(state);
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
