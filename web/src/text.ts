// Pure text helpers: a source text cut into segments at quote offsets, excerpts, search-word matches.

export interface Mark {
  id: string;
  start: number;
  end: number;
  stance: "AFFIRMS" | "DENIES";
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The marks covering this segment (several where quotes overlap). */
  marks: Mark[];
}

/** ``text`` between ``from`` and ``to`` cut at every mark boundary; marks outside the range are ignored. */
export function segments(text: string, marks: readonly Mark[], from = 0, to = text.length): Segment[] {
  const inside = marks
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to) }))
    .filter((m) => m.start < m.end);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, text: text.slice(start, end), marks: inside.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

export interface Excerpt {
  start: number;
  end: number;
  /** Whether text was cut before / after the excerpt. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** A window of about ``context`` characters either side of [start, end), widened to whole words and kept
 * inside the quote's paragraph(s) (a heading never runs into the sentence after it). */
export function excerpt(text: string, start: number, end: number, context = 200): Excerpt {
  const paragraphStart = text.lastIndexOf("\n", start - 1) + 1;
  const nextBreak = text.indexOf("\n", end);
  const paragraphEnd = nextBreak === -1 ? text.length : nextBreak;
  let from = Math.max(paragraphStart, start - context);
  let to = Math.min(paragraphEnd, end + context);
  if (from > paragraphStart) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < paragraphEnd) {
    const space = text.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return { start: from, end: to, cutBefore: from > 0, cutAfter: to < text.length };
}

/** Whether the quote sits in the text at its offsets (a statement whose offsets disagree is shown as such). */
export function quoteMatches(text: string, start: number, end: number, quote: string): boolean {
  return text.slice(start, end) === quote;
}

function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** Where the words of ``query`` occur in ``text`` (case and accents ignored), as sorted, merged ranges. */
export function matchRanges(text: string, query: string): [number, number][] {
  const words = fold(query).split(/\s+/).filter((w) => w.length > 0);
  // Folding may change lengths (e.g. ligatures); only highlight when it keeps them, which covers our alphabets.
  const folded = fold(text);
  if (folded.length !== text.length) return [];
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The first place ``quote`` occurs in ``text``, as offsets, or null. */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  if (!quote) return null;
  const at = text.indexOf(quote);
  return at === -1 ? null : { start: at, end: at + quote.length };
}
