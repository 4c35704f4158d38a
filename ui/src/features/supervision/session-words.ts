// How supervision sessions and hours read on the Supervision screen.

/** Supervision sessions: how the format and the role read. */
export const SESSION_FORMAT_LABELS: Record<'individual' | 'group', string> = {
  individual: 'Individual',
  group: 'Group',
};
export const SESSION_ROLE_LABELS: Record<'receiving' | 'giving', string> = {
  receiving: 'I received supervision',
  giving: 'I gave supervision',
};

/** What the hours CSV holds, said beside its button. */
export const SESSION_EXPORT_NOTE =
  'The file holds dates, durations, formats, names and roles only. It never holds your notes or reflections.';

/** Minutes as hours, at most two decimals: 450 → "7.5", 100 → "1.67". */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** A session's length: "45 min", "1 h", "1 h 30 min". */
export function formatSessionLength(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
