// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { pickedText } from "./selection";

function select(container: HTMLElement, from: [Node, number], to: [Node, number]): Selection {
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  void container;
  return selection;
}

describe("pickedText", () => {
  it("gives the offsets in the whole text across marked segments, trimmed", () => {
    document.body.innerHTML = '<div id="t">Moscow said <mark>these groups</mark> are proxies. Kyiv denied it.</div>';
    const container = document.getElementById("t")!;
    const [before, mark, after] = [...container.childNodes];
    const picked = pickedText(container, select(container, [before!, 6], [after!, 12]));
    expect(picked).toEqual({ start: 7, end: 36, quote: "said these groups are proxies" });
    expect(container.textContent!.slice(7, 36)).toBe(picked!.quote);
    const inside = pickedText(container, select(container, [mark!.firstChild!, 0], [mark!.firstChild!, 5]));
    expect(inside).toEqual({ start: 12, end: 17, quote: "these" });
  });

  it("ignores selections outside the text and empty ones", () => {
    document.body.innerHTML = '<div id="t">text</div><p id="o">other</p>';
    const container = document.getElementById("t")!;
    const other = document.getElementById("o")!.firstChild!;
    expect(pickedText(container, select(container, [other, 0], [other, 3]))).toBeNull();
    const word = container.firstChild!;
    expect(pickedText(container, select(container, [word, 2], [word, 2]))).toBeNull();
    expect(pickedText(container, null)).toBeNull();
  });
});
