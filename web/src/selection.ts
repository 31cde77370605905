// Offsets of the user's selection inside an element whose text content is exactly the source text.

export interface Picked {
  start: number;
  end: number;
  quote: string;
}

function offsetIn(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selected text inside ``container`` with its offsets, trimmed of surrounding spaces; null without one. */
export function pickedText(container: HTMLElement, selection: Selection | null): Picked | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  let start = offsetIn(container, range.startContainer, range.startOffset);
  let end = offsetIn(container, range.endContainer, range.endOffset);
  const text = container.textContent ?? "";
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  return { start, end, quote: text.slice(start, end) };
}
