// Backups in words: when the last one worked ("Today at 14:05", "3 days ago", "Never"),
// when each file was taken, and how big it is. Times from the core are UTC; backup file
// times come without a zone (the core's NaiveDateTime, also UTC).

const DAY_MS = 86_400_000;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** A moment from the core, with or without a zone (none means UTC). */
export function parseMoment(stamp: string): Date | null {
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(stamp) ? stamp : `${stamp}Z`;
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Whole calendar days (on this computer) from `then` to `now`. */
export function daysBetween(then: Date, now: Date): number {
  const a = Date.UTC(then.getFullYear(), then.getMonth(), then.getDate());
  const b = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((b - a) / DAY_MS);
}

/** The clock time of `d`, in the computer's own format ("14:05" or "2:05 PM"). */
export function clockTime(d: Date): string {
  return timeFormat.format(d);
}

/** "Today at 14:05", "Yesterday at 09:12", "3 days ago", "On Wed, Mar 4, 2026", or "Never". */
export function lastBackupWords(lastAt: string | null, now: Date = new Date()): string {
  if (lastAt === null) return 'Never';
  const d = parseMoment(lastAt);
  if (d === null) return lastAt;
  const days = daysBetween(d, now);
  if (days <= 0) return `Today at ${clockTime(d)}`;
  if (days === 1) return `Yesterday at ${clockTime(d)}`;
  if (days < 14) return `${days} days ago`;
  return `On ${dayFormat.format(d)}`;
}

/** When a backup file was taken: "Wed, Mar 4, 2026 at 14:05". */
export function backupTakenWords(takenAt: string): string {
  const d = parseMoment(takenAt);
  return d === null ? takenAt : `${dayFormat.format(d)} at ${clockTime(d)}`;
}

/** "240 KB", "1.2 MB". */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The gentle notice's line: never backed up yet, or how long since one worked. */
export function backupNoticeWords(lastAt: string | null, now: Date = new Date()): string {
  if (lastAt === null) return 'Your journal has not been backed up yet.';
  const d = parseMoment(lastAt);
  const days = d === null ? 0 : Math.max(daysBetween(d, now), 1);
  return `No backup has worked for ${days} ${days === 1 ? 'day' : 'days'}.`;
}
