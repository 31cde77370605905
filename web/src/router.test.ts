import { describe, expect, it } from "vitest";
import { nodeHref, parseRoute, type Route, routeHref } from "./router";

const ROUTES: Route[] = [
  { view: "home" },
  { view: "search", q: "Ukrainian involvement" },
  { view: "actor", id: "kremlin" },
  { view: "allegation", id: "alg_1", statement: "stm_2" },
  { view: "allegation", id: "alg_1", statement: null },
  { view: "event", id: "incursion-into-russia" },
  { view: "source", id: "article 1/2", statement: null },
  { view: "contested", predicate: "CONTROLLED_BY", from: "2024-01-01", to: null },
  { view: "network", types: ["ACCUSES", "CONTRADICTS"], from: null, to: "2024-12-31", color: "kind" },
  { view: "network", types: [], from: null, to: null, color: "camp" },
];

describe("routes", () => {
  it.each(ROUTES)("round-trips %o through its URL", (route) => {
    const url = new URL(routeHref(route), "http://x");
    expect(parseRoute(url.pathname, url.search)).toEqual(route);
  });

  it("writes short URLs: defaults left out", () => {
    expect(routeHref({ view: "network", types: [], from: null, to: null, color: "camp" })).toBe("/network");
    expect(routeHref({ view: "search", q: "a b" })).toBe("/search?q=a+b");
  });

  it("says what is not a page", () => {
    expect(parseRoute("/actor", "")).toEqual({ view: "notFound", path: "/actor" });
    expect(parseRoute("/actor/a/b", "")).toEqual({ view: "notFound", path: "/actor/a/b" });
    expect(parseRoute("/nowhere", "")).toEqual({ view: "notFound", path: "/nowhere" });
  });

  it("links nodes that have a page", () => {
    expect(nodeHref("Actor", "hur")).toBe("/actor/hur");
    expect(nodeHref("Statement", "stm_1")).toBeNull();
  });
});
