// A source's full text with every recorded quote marked; editors record new statements by selecting text.
import { useEffect, useRef, useState } from "preact/hooks";
import { StanceBadge, StatusBadge, UpdatedNote, useTitle, Voice } from "../components/Bits";
import { Empty, ErrorBox, Loading, NotFound } from "../components/States";
import { SourceText } from "../components/SourceText";
import { GraphLive, SourcePage } from "../documents";
import { RecordStatementForm } from "../editing/RecordStatementForm";
import { words } from "../format";
import { useLiveQuery } from "../live";
import { navigate } from "../router";
import { type Picked, pickedText } from "../selection";

export function SourceView({ id, statement }: { id: string; statement: string | null }) {
  const page = useLiveQuery(SourcePage, { id }, { query: GraphLive, variables: { ids: [id] } });
  const textRef = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [panel, setPanel] = useState<"statements" | "record">("statements");
  const node = page.data?.node;
  const source = node?.__typename === "Source" ? node : null;
  useTitle(source ? source.title : "Source");

  useEffect(() => {
    const onSelection = (): void => {
      if (!textRef.current) return;
      const found = pickedText(textRef.current, document.getSelection());
      if (found) {
        setPicked(found);
        setPanel("record");
      }
    };
    document.addEventListener("mouseup", onSelection);
    document.addEventListener("keyup", onSelection);
    return () => {
      document.removeEventListener("mouseup", onSelection);
      document.removeEventListener("keyup", onSelection);
    };
  }, []);

  useEffect(() => {
    if (statement && source) document.getElementById(`quote-${statement}`)?.scrollIntoView({ block: "center" });
  }, [statement, Boolean(source)]);

  if (page.error && !page.data) return <ErrorBox error={page.error} retry={page.refetch} />;
  if (!page.data) return <Loading what="the source" />;
  if (!source) return <NotFound what="source" id={id} />;
  const marks = source.statements.map((s) => ({ id: s.id, start: s.start, end: s.end, stance: s.stance }));
  return (
    <article class="source">
      <p class="kicker">Source · {words(source.kind)}</p>
      <h1 tabIndex={-1}>{source.title}</h1>
      <dl class="facts wide">
        <div>
          <dt>Publisher</dt>
          <dd>{source.publisher ?? "not given"}</dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>{source.publishedOn ?? "not given"}</dd>
        </div>
        {source.url && (
          <div>
            <dt>Address</dt>
            <dd>
              <a href={source.url} rel="noreferrer noopener" target="_blank">
                {source.url}
              </a>
            </dd>
          </div>
        )}
        {source.verification && (
          <div>
            <dt>Verification</dt>
            <dd>{source.verification}</dd>
          </div>
        )}
      </dl>
      <UpdatedNote at={page.updatedAt} />
      <div class="source-layout">
        <section aria-labelledby="text-title">
          <h2 id="text-title">Text</h2>
          <p class="legend">
            <mark class="quote affirms">affirming quote</mark> <mark class="quote denies">denying quote</mark> <mark class="quote both">both</mark> · select text to record a
            statement
          </p>
          {source.text ? <SourceText text={source.text} marks={marks} active={statement} containerRef={textRef} label={`Text of ${source.title}`} /> : <Empty>This source has no text stored.</Empty>}
        </section>
        <aside class="source-panel" aria-label="Statements and recording">
          <div class="panel-switch" role="group" aria-label="Show">
            <button type="button" aria-pressed={panel === "statements"} onClick={() => setPanel("statements")}>
              Statements ({source.statements.length})
            </button>
            <button type="button" aria-pressed={panel === "record"} onClick={() => setPanel("record")}>
              Record a statement
            </button>
          </div>
          <section aria-labelledby="statements-title" class="source-statements" hidden={panel !== "statements"}>
            <h2 id="statements-title" class="visually-hidden">
              Statements <span class="count">({source.statements.length})</span>
            </h2>
            {source.statements.length === 0 ? (
              <Empty>No statement has been recorded from this source yet.</Empty>
            ) : (
              <ol class="statement-list">
                {[...source.statements]
                  .sort((a, b) => a.start - b.start)
                  .map((s) => (
                    <li key={s.id} class={s.id === statement ? "active" : ""}>
                      <Voice speaker={s.speaker} onBehalfOf={s.onBehalfOf} /> <StanceBadge stance={s.stance} />{" "}
                      <a href={`/allegation/${encodeURIComponent(s.allegation?.id ?? "")}?statement=${encodeURIComponent(s.id)}`}>{s.allegation?.summary}</a>{" "}
                      <StatusBadge status={s.allegation?.status} />
                      <p class="quote-line">
                        “{s.quote}”{" "}
                        <a href={`/source/${encodeURIComponent(id)}?statement=${encodeURIComponent(s.id)}`} class="muted" aria-label={`Show this quote in the text (characters ${s.start} to ${s.end})`}>
                          {s.start}–{s.end}
                        </a>
                      </p>
                    </li>
                  ))}
              </ol>
            )}
          </section>
          <div hidden={panel !== "record"}>
            <RecordStatementForm
              sourceId={source.id}
              sourceText={source.text ?? ""}
              picked={picked}
              onRecorded={(statementId) => {
                page.refetch();
                navigate(`/source/${encodeURIComponent(source.id)}?statement=${encodeURIComponent(statementId)}`, { replace: true });
              }}
            />
          </div>
        </aside>
      </div>
    </article>
  );
}
