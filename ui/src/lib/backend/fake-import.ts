// The import from another journal app, as the core does it: the export is "chosen" in
// an imaginary native dialog (what a test puts in `FakeImport.export`, or nothing when
// the dialog is closed), previewed, held, then imported whole or not at all. Starred
// entries are flagged only when asked; "as private" makes every reflection private.
import type { ImportChoice, ImportDone, ImportJournalRequest, ImportPreview } from '../ipc/types';
import type { SeedEntry } from './fake';

/** An export a test offers to the dialog: its preview and the entries it brings. */
export interface FakeExport {
  preview: ImportPreview;
  /** Each entry, and whether it was starred or pinned in the other app. */
  entries: (SeedEntry & { starred?: boolean })[];
}

/** A preview with nothing left behind and nothing found, for tests to adjust. */
export function fakePreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: 'dayone',
    format_label: 'Day One',
    entries: 0,
    already_in_journal: 0,
    first_date: null,
    last_date: null,
    future_dated: 0,
    starred: 0,
    tags: [],
    dropped: [],
    notes: [],
    deid: { total: 0, counts: [], most: [] },
    ...overrides,
  };
}

export class FakeImport {
  /** What the next "dialog" returns; `null` is a closed dialog. */
  export: FakeExport | null = null;
  /** The folder-or-file choice of each dialog opened. */
  readonly dialogs: ImportChoice[] = [];
  private held: FakeExport | null = null;

  constructor(
    private readonly fail: (message: string) => Error,
    private readonly add: (entry: SeedEntry) => void,
  ) {}

  choose(req: ImportChoice): ImportPreview | null {
    this.dialogs.push(req);
    this.held = this.export;
    return this.held ? this.held.preview : null;
  }

  importHeld(req: ImportJournalRequest): ImportDone {
    const held = this.held;
    this.held = null;
    if (!held) throw this.fail('Choose the export to import first; nothing was imported.');
    const importedAt = new Date().toISOString();
    held.entries.forEach(({ starred, ...entry }, i) => {
      this.add({
        ...entry,
        kind: req.as_private ? 'private' : (entry.kind ?? 'encounter'),
        bring_to_supervision: req.flag_starred && (starred ?? false),
        imported: { source: held.preview.format, source_id: `fake-${i}`, imported_at: importedAt },
      });
    });
    return { imported: held.entries.length, preview: held.preview };
  }

  cancel(): void {
    this.held = null;
  }
}
