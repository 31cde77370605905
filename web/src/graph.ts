// Pure: cytoscape elements from a graph view, coloured by kind or camp and by relationship type.
import { campColor, kindColor, RELATION_COLORS, words } from "./format";

export interface GraphNodeIn {
  id: string;
  name: string;
  kind: string | null;
}

export interface GraphEdgeIn {
  source: string;
  target: string;
  type: string;
  count: number;
}

export interface Element {
  group: "nodes" | "edges";
  data: Record<string, string | number | boolean>;
}

export function edgeId(e: GraphEdgeIn): string {
  return `${e.source}|${e.type}|${e.target}`;
}

export function elements(
  nodes: readonly GraphNodeIn[],
  edges: readonly GraphEdgeIn[],
  options: { colorBy: "kind" | "camp"; camps?: ReadonlyMap<string, string | null>; center?: string | null; edgeLabels?: boolean },
): Element[] {
  const ids = new Set(nodes.map((n) => n.id));
  const out: Element[] = nodes.map((n) => ({
    group: "nodes",
    data: {
      id: n.id,
      label: n.name,
      color: options.colorBy === "camp" ? campColor(options.camps?.get(n.id)) : kindColor(n.kind),
      center: n.id === options.center,
    },
  }));
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    out.push({
      group: "edges",
      data: {
        id: edgeId(e),
        source: e.source,
        target: e.target,
        type: e.type,
        label: words(e.type),
        color: RELATION_COLORS[e.type] ?? "#667085",
        width: Math.min(8, 1.5 + e.count),
        showLabel: options.edgeLabels ?? true,
      },
    });
  }
  return out;
}
