// What the journal list is showing: search text, filters and page. It lives in the
// Journal screen so it survives opening an entry and coming back.
import type { Filter } from '../../lib/ipc/types';

/** The web view holds one page of this many entries, never more. */
export const PAGE_SIZE = 25;
/**
 * Search waits after the last keystroke for three times what a search has been taking in
 * this journal (measured in the running app), within these bounds: where a search costs
 * 10 ms (10,000 entries) results follow typing 40 ms after it pauses; in a journal big
 * enough to make searches slow, they never run on every keystroke. Before the first
 * search is measured, the longest pause.
 */
export const SEARCH_PAUSE_MIN_MS = 40;
export const SEARCH_PAUSE_MAX_MS = 150;

export function searchPause(recentMs: number | null): number {
  if (recentMs === null || !Number.isFinite(recentMs)) return SEARCH_PAUSE_MAX_MS;
  return Math.min(SEARCH_PAUSE_MAX_MS, Math.max(SEARCH_PAUSE_MIN_MS, Math.round(3 * recentMs)));
}

/** What searches have been taking: a moving average, so one slow search moves it a little. */
export function searchCost(previous: number | null, measuredMs: number): number {
  return previous === null ? measuredMs : 0.7 * previous + 0.3 * measuredMs;
}

export interface ListQuery {
  text: string;
  filter: Filter;
  offset: number;
}

export function emptyFilter(trash = false): Filter {
  return { from: null, to: null, tag: null, kind: null, family_code: null, flagged: false, trash };
}

export function emptyQuery(): ListQuery {
  return { text: '', filter: emptyFilter(), offset: 0 };
}

/** Any filter narrowing the list (the trash switch is not a filter). */
export function filtersActive(f: Filter): boolean {
  return (
    f.from !== null ||
    f.to !== null ||
    f.tag !== null ||
    f.kind !== null ||
    f.family_code !== null ||
    f.flagged
  );
}

/** Empty text means "no filter". */
export function textOrNull(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}
