// One statement: who, for whom, when, in what medium, its grades and origin, and the quote inside its source text.
import type { StatementFieldsFragment } from "../gql/graphql";
import { excerpt, quoteMatches } from "../text";
import { NodeLink, Voice } from "./Bits";
import { SourceText } from "./SourceText";

export function StatementCard({ statement, active }: { statement: StatementFieldsFragment; active: boolean }) {
  const s = statement;
  const text = s.source?.text ?? null;
  const placed = text !== null && quoteMatches(text, s.start, s.end, s.quote);
  const window = placed ? excerpt(text, s.start, s.end) : null;
  return (
    <article class={`statement-card${active ? " active" : ""}`} id={`statement-${s.id}`} tabIndex={-1} aria-label={`Statement by ${s.speaker?.name ?? "unknown"}`}>
      <header>
        <Voice speaker={s.speaker} onBehalfOf={s.onBehalfOf} />
        <dl class="facts">
          <div>
            <dt>Date</dt>
            <dd>{s.statedOn ?? "not given"}</dd>
          </div>
          <div>
            <dt>Medium</dt>
            <dd>{s.medium ?? "not given"}</dd>
          </div>
          {s.reliability && (
            <div>
              <dt>Reliability</dt>
              <dd title="Its source's grade (else its speaker's), A completely reliable … E unreliable, F cannot be judged">{s.reliability}</dd>
            </div>
          )}
          {s.credibility !== null && (
            <div>
              <dt>Credibility</dt>
              <dd title="1 confirmed … 5 improbable, 6 cannot be judged">{s.credibility}</dd>
            </div>
          )}
          {!s.firstHand && s.origin && (
            <div>
              <dt>Repeats</dt>
              <dd>
                <a href={`/source/${encodeURIComponent(s.origin.id)}`}>{s.origin.title}</a>
              </dd>
            </div>
          )}
          {s.confidence !== null && (
            <div>
              <dt>Confidence</dt>
              <dd>{s.confidence}</dd>
            </div>
          )}
        </dl>
      </header>
      {window && text !== null ? (
        <div class="in-source">
          {window.cutBefore && <span class="muted">… </span>}
          <SourceText text={text} marks={[{ id: s.id, start: s.start, end: s.end, stance: s.stance }]} from={window.start} to={window.end} label={`The quote in ${s.source?.title ?? "its source"}`} />
          {window.cutAfter && <span class="muted"> …</span>}
        </div>
      ) : (
        <blockquote class={`quote-alone ${s.stance === "AFFIRMS" ? "affirms" : "denies"}`}>
          {s.quote}
          {text !== null && <p class="warning">This quote is not at its recorded offsets ({s.start}–{s.end}) in the source.</p>}
        </blockquote>
      )}
      {s.note && <p class="note">Note: {s.note}</p>}
      <footer>
        {s.source ? (
          <>
            In <a href={`/source/${encodeURIComponent(s.source.id)}?statement=${encodeURIComponent(s.id)}`}>{s.source.title}</a>
            {s.source.publisher && <span class="muted"> ({s.source.publisher})</span>}, characters {s.start}–{s.end}
          </>
        ) : (
          <span class="muted">No source recorded</span>
        )}
        {s.speaker && (
          <>
            {" · "}
            <NodeLink type="actor" id={s.speaker.id}>
              everything {s.speaker.name} said
            </NodeLink>
          </>
        )}
      </footer>
    </article>
  );
}
