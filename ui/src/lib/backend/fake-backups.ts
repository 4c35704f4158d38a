// Backups for the in-memory fake, following the core (src/store/backup.rs and the
// backup part of src/api): the folder and rotation live in Settings, file names carry
// the time they were taken, a failed backup is remembered until one works, the notice
// comes after 7 days without one (or never, once a folder is set), and rotation keeps
// the newest of each of the last days, weeks and months, and always the newest of all.
// The native dialogs (choose a folder, choose a file to restore) are imaginary: they
// "pick" `nextFolder` / `nextRestoreFile`, or nothing once a test cancels them.
import type { AttuneError } from './index';
import type { BackupFile, BackupStatus, ErrorCode, RestoredBackup, Rotation, Settings } from '../ipc/types';

/** The core's defaults when the person has not chosen a rotation. */
export const DEFAULT_ROTATION: Rotation = { daily: 7, weekly: 5, monthly: 12 };
const NOTICE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;
/** A plausible size for a small encrypted journal. */
const FAKE_BACKUP_BYTES = 245_760;

type MakeError = (code: ErrorCode, message: string) => AttuneError;

interface SettingsAccess {
  get(): Settings;
  set(settings: Settings): void;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-03-20T09:05:00` (UTC, without a zone, as the core's NaiveDateTime). */
function naive(at: Date): string {
  return at.toISOString().slice(0, 19);
}

function fileName(at: Date): string {
  const d = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const t = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `attune-backup-${d}-${t}.attune`;
}

/** Which backups `policy` keeps, as in the core's `to_keep` (newest first in, kept out). */
function toKeep(newestFirst: BackupFile[], policy: Rotation): BackupFile[] {
  const keep = new Set<BackupFile>(newestFirst.slice(0, 1));
  const pick = (limit: number, period: (t: Date) => string) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const p = period(new Date(`${b.taken_at}Z`));
      if (seen.has(p)) continue;
      if (seen.size >= limit) break;
      seen.add(p);
      keep.add(b);
    }
  };
  pick(policy.daily, (t) => t.toISOString().slice(0, 10));
  // Weeks starting on Monday (1970-01-01 was a Thursday).
  pick(policy.weekly, (t) => String(Math.floor((Math.floor(t.getTime() / DAY_MS) + 3) / 7)));
  pick(policy.monthly, (t) => t.toISOString().slice(0, 7));
  return newestFirst.filter((b) => keep.has(b));
}

export class FakeBackups {
  /** The backup files in the chosen folder, newest first. */
  files: BackupFile[] = [];
  /** When the last backup worked (RFC 3339), if ever. */
  lastAt: string | null = null;
  /** Why the last backup failed, until one works. */
  lastError: string | null = null;
  /** The folder the next "Choose folder…" dialog picks; null: the person cancels it. */
  nextFolder: string | null = '/media/usb/Attune backups';
  /** The file the next "Restore…" dialog picks; null: the person cancels it. */
  nextRestoreFile: string | null = 'attune-backup-20260301-183000.attune';
  /** The folder is out of reach (a USB stick pulled out): backups fail as `unwritable`. */
  folderGone = false;
  /** Backup files restored from, in order. */
  readonly restored: string[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly err: MakeError,
    private readonly settings: SettingsAccess,
  ) {}

  status(): BackupStatus {
    const s = this.settings.get();
    const folder = s.backup_folder ?? null;
    const last = this.lastAt === null ? null : new Date(this.lastAt).getTime();
    const notice = folder !== null && (last === null || this.now().getTime() - last > NOTICE_AFTER_DAYS * DAY_MS);
    return {
      folder,
      rotation: s.backup_rotation ?? DEFAULT_ROTATION,
      last_at: this.lastAt,
      last_error: this.lastError,
      notice,
      backups: folder === null || this.folderGone ? [] : [...this.files],
    };
  }

  /** "Back up now": into the folder, then rotate. */
  backUpNow(): BackupStatus {
    const s = this.settings.get();
    const folder = s.backup_folder;
    if (!folder) throw this.err('invalid_input', 'Choose a backup folder first (Settings, Backups).');
    if (this.folderGone) {
      const message = `The backup folder ${folder} is not there (a USB stick that is out?). Your journal is fine; choose the folder again or plug it in.`;
      this.lastError = message;
      throw this.err('unwritable', message);
    }
    const at = this.now();
    const name = fileName(at);
    const taken = { file_name: name, taken_at: naive(at), bytes: FAKE_BACKUP_BYTES };
    const rest = this.files.filter((b) => b.file_name !== name);
    const all = [taken, ...rest].sort((a, b) => b.taken_at.localeCompare(a.taken_at));
    this.files = toKeep(all, s.backup_rotation ?? DEFAULT_ROTATION);
    this.lastAt = at.toISOString();
    this.lastError = null;
    return this.status();
  }

  /** The folder dialog: cancelled leaves everything as it was. */
  chooseFolder(): BackupStatus {
    const folder = this.nextFolder;
    if (folder !== null) {
      this.settings.set({ ...this.settings.get(), backup_folder: folder });
      this.folderGone = false;
    }
    return this.status();
  }

  /** The file dialog, then the restore (the shell locks afterwards); null when cancelled. */
  /** The passphrase a backup restored onto a new computer opens with. */
  restoredPassphrase = 'passphrase from the old laptop';

  restore(): RestoredBackup | null {
    const file = this.nextRestoreFile;
    if (file === null) return null;
    this.restored.push(file);
    return { kept_as: `journal-before-restore-${fileName(this.now()).slice('attune-backup-'.length)}` };
  }

  /** Start with backups already in the folder, `daysAgo` each (newest first). */
  seed(daysAgo: number[]): void {
    const now = this.now().getTime();
    this.files = daysAgo
      .map((d) => {
        const at = new Date(now - d * DAY_MS);
        return { file_name: fileName(at), taken_at: naive(at), bytes: FAKE_BACKUP_BYTES };
      })
      .sort((a, b) => b.taken_at.localeCompare(a.taken_at));
    this.lastAt = this.files.length > 0 ? `${this.files[0]!.taken_at}Z` : null;
  }
}
