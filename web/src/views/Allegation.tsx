// One allegation: who affirms it and who denies it, side by side, each quote inside its source text.
import { useEffect } from "preact/hooks";
import { ActorRef, NodeLink, StatusBadge, UpdatedNote, useTitle } from "../components/Bits";
import { Empty, ErrorBox, Loading, NotFound } from "../components/States";
import { StatementCard } from "../components/StatementCard";
import { AllegationLive, AllegationPage } from "../documents";
import { VerdictForm } from "../editing/VerdictForm";
import { STATUS_HELP, words } from "../format";
import type { StatementFieldsFragment } from "../gql/graphql";
import { useLiveQuery } from "../live";

function Side({ title, statements, active, empty, stance }: { title: string; statements: StatementFieldsFragment[]; active: string | null; empty: string; stance: string }) {
  return (
    <section class={`side ${stance}`} aria-labelledby={`side-${stance}`}>
      <h2 id={`side-${stance}`}>
        {title} <span class="count">({statements.length})</span>
      </h2>
      {statements.length === 0 ? <Empty>{empty}</Empty> : statements.map((s) => <StatementCard key={s.id} statement={s} active={s.id === active} />)}
    </section>
  );
}

export function AllegationView({ id, statement }: { id: string; statement: string | null }) {
  const page = useLiveQuery(AllegationPage, { id }, { query: AllegationLive, variables: { id } });
  const allegation = page.data?.allegation;
  useTitle(allegation ? allegation.summary : "Allegation");
  useEffect(() => {
    if (!statement || !allegation) return;
    const card = document.getElementById(`statement-${statement}`);
    card?.scrollIntoView({ block: "center" });
    card?.focus({ preventScroll: true });
  }, [statement, Boolean(allegation)]);

  if (page.error && !page.data) return <ErrorBox error={page.error} retry={page.refetch} />;
  if (!page.data) return <Loading what="the allegation" />;
  if (!allegation) return <NotFound what="allegation" id={id} />;
  const a = allegation;
  const object = a.object;
  return (
    <article class="allegation">
      <p class="kicker">Allegation</p>
      <h1 tabIndex={-1}>{a.summary}</h1>
      <p class="proposition">
        <ActorRef actor={a.subject} /> <span class="predicate">{words(a.predicate)}</span>{" "}
        {object?.__typename === "Event" ? <NodeLink type="event" id={object.id}>{object.name}</NodeLink> : object?.__typename === "Actor" ? <ActorRef actor={object} /> : <span class="muted">unknown</span>}
      </p>
      <dl class="facts wide">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={a.status} /> {a.status && <span class="muted">{STATUS_HELP[a.status]}</span>}
            {a.statusReason && <p class="muted status-reason">Why: {a.statusReason.summary}</p>}
          </dd>
        </div>
        <div>
          <dt>Verdict</dt>
          <dd>
            {a.verdict ? (
              <>
                <span class={`badge verdict-${a.verdict.toLowerCase()}`}>{words(a.verdict)}</span> {a.verdictRationale}
                {a.verdictSource && <span class="muted"> (source: {a.verdictSource})</span>}
              </>
            ) : (
              <span class="muted">none yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Polarity</dt>
          <dd>{words(a.polarity)}</dd>
        </div>
        {a.cameo && (
          <div>
            <dt>CAMEO</dt>
            <dd>{a.cameo}</dd>
          </div>
        )}
      </dl>
      <UpdatedNote at={page.updatedAt} />
      <div class="sides">
        <Side title="Affirming" stance="affirms" statements={a.affirming} active={statement} empty="Nobody affirms this in the recorded sources." />
        <Side title="Denying" stance="denies" statements={a.denying} active={statement} empty="Nobody denies this in the recorded sources." />
      </div>
      <details class="editing">
        <summary>Edit: set a verdict</summary>
        <VerdictForm allegationId={a.id} current={a.verdict} />
      </details>
    </article>
  );
}
