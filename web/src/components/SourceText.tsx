// A source's text with quotes marked at their offsets; the whole text or an excerpt around one quote.
import type { Ref } from "preact";
import { type Mark, segments } from "../text";

interface Props {
  text: string;
  marks: Mark[];
  /** The statement to emphasise (its mark gets an id to scroll to). */
  active?: string | null;
  from?: number;
  to?: number;
  containerRef?: Ref<HTMLDivElement>;
  label: string;
}

function markClass(marks: Mark[], active: string | null | undefined): string {
  const stances = new Set(marks.map((m) => m.stance));
  const stance = stances.size > 1 ? "both" : marks[0]!.stance === "AFFIRMS" ? "affirms" : "denies";
  return `quote ${stance}${marks.some((m) => m.id === active) ? " active" : ""}`;
}

export function SourceText({ text, marks, active, from = 0, to = text.length, containerRef, label }: Props) {
  const seen = new Set<string>();
  return (
    <div class="source-text" ref={containerRef} aria-label={label} role="document">
      {segments(text, marks, from, to).map((seg) => {
        if (seg.marks.length === 0) return seg.text;
        const first = seg.marks.find((m) => m.id === active && !seen.has(m.id));
        if (first) seen.add(first.id);
        return (
          <mark
            key={seg.start}
            class={markClass(seg.marks, active)}
            id={first ? `quote-${first.id}` : undefined}
            data-statements={seg.marks.map((m) => m.id).join(" ")}
          >
            {seg.text}
          </mark>
        );
      })}
    </div>
  );
}
