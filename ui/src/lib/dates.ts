// Dates: encounter dates are plain days (YYYY-MM-DD), read as local days so they never
// shift across a time zone.

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today on this computer's calendar, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function localDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

const longDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const stampFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Wed, Mar 4, 2026" (in the computer's own format). */
export function formatDay(iso: string): string {
  const d = localDay(iso);
  return d ? dayFormat.format(d) : iso;
}

/** "Wednesday, March 4, 2026". */
export function formatLongDay(iso: string): string {
  const d = localDay(iso);
  return d ? longDayFormat.format(d) : iso;
}

/** A moment (RFC 3339) in local time. */
export function formatStamp(rfc3339: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? rfc3339 : stampFormat.format(d);
}
