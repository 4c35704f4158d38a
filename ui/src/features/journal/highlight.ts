// Search hits arrive as character ranges [start, end) into the snippet text, counted in
// Unicode code points (Rust `char`s), not UTF-16 units. These helpers cut the text into
// plain and marked pieces so the list renders them as text nodes and <mark> elements,
// never as an HTML string.

export interface Segment {
  text: string;
  mark: boolean;
}

/** Split `text` into plain and marked pieces. Bad or overlapping ranges are tidied. */
export function highlightSegments(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const chars = Array.from(text);
  const n = chars.length;
  const clean = ranges
    .map(([a, b]) => [Math.max(0, Math.min(n, a)), Math.max(0, Math.min(n, b))] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);

  const merged: Array<[number, number]> = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }

  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: chars.slice(at, a).join(''), mark: false });
    out.push({ text: chars.slice(a, b).join(''), mark: true });
    at = b;
  }
  if (at < n || out.length === 0) out.push({ text: chars.slice(at).join(''), mark: false });
  return out;
}
