// Tags are typed into one field and become chips on a comma or Enter. The core tidies
// them again (trim, leading '#', case-insensitive duplicates); doing it here too keeps
// the chips honest about what will be saved.

/** Trim and drop a leading '#'. */
export function tidyTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').trim();
}

/** Add `incoming` tags to `existing`, skipping empties and case-insensitive repeats. */
export function addTags(existing: readonly string[], incoming: readonly string[]): string[] {
  const out = [...existing];
  for (const raw of incoming) {
    const tag = tidyTag(raw);
    if (tag && !out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

/**
 * Split what is in the tag field at commas: every piece but the last is finished; the
 * last is still being typed.
 */
export function splitTyped(text: string): { done: string[]; rest: string } {
  const parts = text.split(',');
  const rest = parts.pop() ?? '';
  return { done: parts, rest };
}
