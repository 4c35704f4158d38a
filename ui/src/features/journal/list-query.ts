// What the journal list is showing: search text, filters and page. It lives in the
// Journal screen so it survives opening an entry and coming back.
import type { Filter } from '../../lib/ipc/types';

/** The web view holds one page of this many entries, never more. */
export const PAGE_SIZE = 25;
/** Search waits this long after the last keystroke. */
export const SEARCH_DEBOUNCE_MS = 150;

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
