// A cytoscape.js drawing (loaded on first use, so pages without a graph stay light). The canvas is for the
// eye only: every page that draws one also lists the same nodes and edges as links.
import { useEffect, useRef, useState } from "preact/hooks";
import type { LayoutOptions } from "cytoscape";
import type { Element } from "../graph";

interface Props {
  elements: Element[];
  label: string;
  onNode?: (id: string) => void;
  onEdge?: (id: string) => void;
  height?: number;
}

export function Graph({ elements, label, onNode, onEdge, height = 480 }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const handlers = useRef({ onNode, onEdge });
  handlers.current = { onNode, onEdge };

  useEffect(() => {
    let destroyed = false;
    let cy: { destroy(): void } | null = null;
    import("cytoscape")
      .then(({ default: cytoscape }) => {
        if (destroyed || !container.current) return;
        const instance = cytoscape({
          container: container.current,
          elements,
          maxZoom: 1.5,
          minZoom: 0.2,
          style: [
            {
              selector: "node",
              style: {
                "background-color": "data(color)", label: "data(label)", color: "#101828", "font-size": 13,
                "text-wrap": "wrap", "text-max-width": "120px", "text-valign": "bottom", "text-margin-y": 4,
                width: 22, height: 22, "border-width": 2, "border-color": "#ffffff",
              },
            },
            { selector: "node[?center]", style: { width: 32, height: 32, "border-color": "#101828", "font-weight": "bold" } },
            {
              selector: "edge",
              style: {
                "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle",
                width: "data(width)", "curve-style": "bezier", label: "data(label)", "font-size": 9, color: "#475467",
                "text-rotation": "autorotate", "text-background-color": "#ffffff", "text-background-opacity": 0.85,
                "text-background-padding": "1px",
              },
            },
            { selector: "edge[!showLabel]", style: { label: "" } },
            { selector: "edge:selected", style: { label: "data(label)", width: 6 } },
            { selector: ":selected", style: { "overlay-opacity": 0.15, "overlay-color": "#1d4ed8" } },
          ],
          layout: {
            name: elements.length > 2 ? "cose" : "grid", animate: false, padding: 30, randomize: true,
            nodeRepulsion: () => 400_000, idealEdgeLength: () => 110, edgeElasticity: () => 80, nodeOverlap: 24,
            gravity: 60, componentSpacing: 80, numIter: 1500,
          } as LayoutOptions,
        });
        instance.on("tap", "node", (event) => handlers.current.onNode?.(event.target.id()));
        instance.on("tap", "edge", (event) => handlers.current.onEdge?.(event.target.id()));
        cy = instance;
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      destroyed = true;
      cy?.destroy();
    };
  }, [elements]);

  if (failed) return <p class="state error">The drawing could not be loaded ({failed}); the lists on this page show the same.</p>;
  return <div class="graph" ref={container} style={{ height: `${height}px` }} role="img" aria-label={label} />;
}
