import { describe, expect, it } from "vitest";
import { excerpt, findQuote, matchRanges, quoteMatches, segments } from "./text";

describe("segments", () => {
  it("cuts the text at every mark boundary and keeps it whole", () => {
    const text = "Moscow accuses them; Kyiv denies it.";
    const parts = segments(text, [
      { id: "a", start: 0, end: 19, stance: "AFFIRMS" },
      { id: "d", start: 15, end: 35, stance: "DENIES" },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.map((p) => [p.text, p.marks.map((m) => m.id)])).toEqual([
      ["Moscow accuses ", ["a"]],
      ["them", ["a", "d"]],
      ["; Kyiv denies it", ["d"]],
      [".", []],
    ]);
  });

  it("clamps marks to the excerpt and drops those outside it", () => {
    const parts = segments("abcdefghij", [{ id: "x", start: 2, end: 8, stance: "AFFIRMS" }, { id: "y", start: 9, end: 10, stance: "DENIES" }], 4, 7);
    expect(parts).toEqual([{ start: 4, end: 7, text: "efg", marks: [{ id: "x", start: 4, end: 7, stance: "AFFIRMS" }] }]);
  });
});

describe("excerpt", () => {
  it("widens to whole words and says where it was cut", () => {
    const text = "one two three four five six seven eight nine ten";
    const at = text.indexOf("five");
    const e = excerpt(text, at, at + 4, 8);
    expect(text.slice(e.start, e.end)).toBe("four five six");
    expect(e.cutBefore && e.cutAfter).toBe(true);
    expect(excerpt(text, 0, 3, 1000)).toEqual({ start: 0, end: text.length, cutBefore: false, cutAfter: false });
  });

  it("stays inside the quote's paragraph", () => {
    const text = "Heading\n\nFirst sentence. The quote here. Last one.\n\nNext heading";
    const at = text.indexOf("The quote here.");
    const e = excerpt(text, at, at + 15, 100);
    expect(text.slice(e.start, e.end)).toBe("First sentence. The quote here. Last one.");
    expect(e.cutBefore && e.cutAfter).toBe(true);
  });
});

describe("quotes", () => {
  it("checks a quote against its offsets and finds it", () => {
    const text = "without direct Ukrainian involvement.";
    expect(quoteMatches(text, 0, 36, "without direct Ukrainian involvement")).toBe(true);
    expect(quoteMatches(text, 1, 37, "without direct Ukrainian involvement")).toBe(false);
    expect(findQuote(text, "Ukrainian")).toEqual({ start: 15, end: 24 });
    expect(findQuote(text, "Russian")).toBeNull();
    expect(findQuote(text, "")).toBeNull();
  });
});

describe("matchRanges", () => {
  it("finds every word ignoring case and accents, merged", () => {
    expect(matchRanges("Andrii Yusov and ANDRII", "andrii")).toEqual([[0, 6], [17, 23]]);
    expect(matchRanges("Légion Freedom", "legion freedom")).toEqual([[0, 6], [7, 14]]);
    expect(matchRanges("abcabc", "abc bca")).toEqual([[0, 6]]);
    expect(matchRanges("anything", "  ")).toEqual([]);
  });
});
