// Small shared pieces: links to nodes, status badges, stance labels, the live-update note.
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { STATUS_HELP, words } from "../format";

export function NodeLink({ type, id, children }: { type: "actor" | "event" | "allegation" | "source"; id: string; children: ComponentChildren }) {
  return <a href={`/${type}/${encodeURIComponent(id)}`}>{children}</a>;
}

export function ActorRef({ actor }: { actor: { id: string; name: string } | null | undefined }) {
  if (!actor) return <span class="muted">unknown</span>;
  return <NodeLink type="actor" id={actor.id}>{actor.name}</NodeLink>;
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span class="badge">no status</span>;
  return (
    <span class={`badge status-${status.toLowerCase()}`} title={STATUS_HELP[status]}>
      {words(status)}
    </span>
  );
}

export function StanceBadge({ stance }: { stance: string }) {
  return <span class={`badge stance-${stance.toLowerCase()}`}>{stance === "AFFIRMS" ? "affirms" : "denies"}</span>;
}

/** "Yusov for HUR": a speaker and the institution spoken for. */
export function Voice({ speaker, onBehalfOf }: { speaker: { id: string; name: string } | null; onBehalfOf: { id: string; name: string } | null }) {
  return (
    <span class="voice">
      <ActorRef actor={speaker} />
      {onBehalfOf && (
        <>
          {" "}
          <span class="muted">for</span> <ActorRef actor={onBehalfOf} />
        </>
      )}
    </span>
  );
}

export function UpdatedNote({ at }: { at: Date | null }) {
  return (
    <p class="updated" role="status" aria-live="polite">
      {at ? `Updated live at ${at.toLocaleTimeString()}` : ""}
    </p>
  );
}

/** The document title names the view (what a screen reader announces and a bookmark keeps). */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · actorgraph explorer`;
  }, [title]);
}
