import { describe, expect, it } from "vitest";
import { CAMP_COLORS, KIND_COLORS, RELATION_COLORS } from "./format";
import { edgeId, elements } from "./graph";

const NODES = [
  { id: "kremlin", name: "Kremlin", kind: "GOVERNMENT" },
  { id: "legion", name: "Legion", kind: "ARMED_GROUP" },
];
const EDGES = [
  { source: "kremlin", target: "legion", type: "ACCUSES", count: 3 },
  { source: "kremlin", target: "gone", type: "ACCUSES", count: 1 },
];

describe("elements", () => {
  it("colours nodes by kind or by camp and edges by type, dropping edges to missing nodes", () => {
    const byKind = elements(NODES, EDGES, { colorBy: "kind", center: "kremlin" });
    expect(byKind.map((e) => e.data["id"])).toEqual(["kremlin", "legion", "kremlin|ACCUSES|legion"]);
    expect(byKind[0]!.data).toMatchObject({ color: KIND_COLORS["GOVERNMENT"], center: true });
    expect(byKind[2]!.data).toMatchObject({ color: RELATION_COLORS["ACCUSES"], label: "accuses", width: 4.5, showLabel: true });
    const camps = new Map([["kremlin", "A"], ["legion", null]]);
    const byCamp = elements(NODES, EDGES, { colorBy: "camp", camps, edgeLabels: false });
    expect(byCamp.map((e) => e.data["color"])).toEqual([CAMP_COLORS["A"], CAMP_COLORS["none"], RELATION_COLORS["ACCUSES"]]);
    expect(byCamp[2]!.data["showLabel"]).toBe(false);
  });

  it("names an edge by its ends and type", () => {
    expect(edgeId(EDGES[0]!)).toBe("kremlin|ACCUSES|legion");
  });
});
