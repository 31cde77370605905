// One actor: who it accuses and who accuses it, its claims and denials, camp and scores, its neighbourhood.
import { useMemo } from "preact/hooks";
import { NodeLink, StanceBadge, StatusBadge, UpdatedNote, useTitle } from "../components/Bits";
import { Graph } from "../components/Graph";
import { Empty, ErrorBox, Loading, NotFound } from "../components/States";
import { ActorNeighbourhood, ActorPage, GraphLive } from "../documents";
import { AliasForm, MergeForm } from "../editing/ActorForms";
import { campColor, formatScore, words } from "../format";
import type { ActorNeighbourhoodQuery, ActorPageQuery } from "../gql/graphql";
import { elements } from "../graph";
import { type LiveQuery, useLiveQuery } from "../live";
import { navigate } from "../router";

type ActorData = NonNullable<ActorPageQuery["actor"]>;
type Relation = ActorData["relations"][number];

function otherLink(relation: Relation) {
  const other = relation.other;
  if (!other) return <span class="muted">unknown</span>;
  return <NodeLink type={other.__typename === "Event" ? "event" : "actor"} id={other.id}>{other.name}</NodeLink>;
}

/** Relations grouped under a phrase read from this actor: "Accuses", "Accused by", ... */
function phrase(r: Relation): string {
  const out = r.direction === "OUT";
  const table: Record<string, [string, string]> = {
    ACCUSES: ["Accuses", "Accused by"],
    REPORTS: ["Reports on", "Reported on by"],
    DENIES_INVOLVEMENT: ["Denies involvement of", "Its involvement denied by"],
    CLAIMS_RESPONSIBILITY: ["Claims responsibility for", "Responsibility claimed by"],
    CONTRADICTS: ["Contradicts", "Contradicted by"],
    OPPOSES: ["Opposes", "Opposed by"],
    SUPPORTS: ["Supports", "Supported by"],
    ALLIED_WITH: ["Allied with", "Allied with"],
    PART_OF: ["Part of", "Has as part"],
    SPEAKS_FOR: ["Speaks for", "Spoken for by"],
    LEADS: ["Leads", "Led by"],
  };
  const pair = table[r.type] ?? [words(r.type), `${words(r.type)} (incoming)`];
  return out ? pair[0] : pair[1];
}

function Relations({ relations }: { relations: Relation[] }) {
  const groups = new Map<string, Relation[]>();
  for (const r of relations) groups.set(phrase(r), [...(groups.get(phrase(r)) ?? []), r]);
  const order = ["Accuses", "Accused by"];
  const keys = [...groups.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  if (keys.length === 0) return <Empty>No derived relationship yet.</Empty>;
  return (
    <dl class="relations">
      {keys.map((key) => (
        <div key={key} class={`relation-group ${key === "Accuses" ? "accuses" : key === "Accused by" ? "accused-by" : ""}`}>
          <dt>{key}</dt>
          <dd>
            <ul>
              {groups.get(key)!.map((r) => (
                <li key={`${r.type}-${r.other?.id}`}>
                  {otherLink(r)} <span class="muted">({r.count} statement{r.count === 1 ? "" : "s"})</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Neighbourhood({ id, page }: { id: string; page: LiveQuery<ActorNeighbourhoodQuery> }) {
  const camps = useMemo(() => new Map((page.data?.analytics.camps.entries ?? []).map((e) => [e.actor, e.camp] as const)), [page.data]);
  const els = useMemo(
    () => (page.data ? elements(page.data.neighborhood.nodes, page.data.neighborhood.edges, { colorBy: "kind", camps, center: id }) : []),
    [page.data, camps, id],
  );
  if (page.error && !page.data) return <ErrorBox error={page.error} retry={page.refetch} />;
  if (!page.data) return <Loading what="the neighbourhood" />;
  if (page.data.neighborhood.edges.length === 0) return <Empty>No neighbours: nothing links this actor to another yet.</Empty>;
  return (
    <Graph
      elements={els}
      height={360}
      label={`Neighbourhood graph: ${page.data.neighborhood.nodes.length} actors and events around this actor. The relationships are listed beside it.`}
      onNode={(node) => node !== id && navigate(`/actor/${encodeURIComponent(node)}`)}
    />
  );
}

export function computedCamp(id: string, entries: { actor: string; camp: string | null }[] | undefined): string | null {
  return entries?.find((e) => e.actor === id)?.camp ?? null;
}

export function ActorView({ id }: { id: string }) {
  const page = useLiveQuery(ActorPage, { id }, { query: GraphLive, variables: { ids: [id] } });
  // The neighbourhood and the camps change with any write nearby, so they listen to every change.
  const hood = useLiveQuery(ActorNeighbourhood, { id }, { query: GraphLive, variables: { ids: null } });
  const actor = page.data?.actor;
  useTitle(actor ? actor.name : "Actor");
  if (page.error && !page.data) return <ErrorBox error={page.error} retry={page.refetch} />;
  if (!page.data) return <Loading what="the actor" />;
  if (!actor) return <NotFound what="actor" id={id} />;
  const camp = actor.camp ?? computedCamp(actor.id, hood.data?.analytics.camps.entries);
  // Every placement with the evidence it rests on; too little evidence is said, not hidden.
  const placement = hood.data?.analytics.camps.entries.find((e) => e.actor === actor.id);
  const evidence = placement?.evidence ? `${placement.evidence.links} link${placement.evidence.links === 1 ? "" : "s"}, kept in ${Math.round(100 * placement.evidence.stability)}% of resamples` : null;
  const claims = actor.statements.filter((s) => s.stance === "AFFIRMS");
  const denials = actor.statements.filter((s) => s.stance === "DENIES");
  return (
    <article class="actor">
      <p class="kicker">Actor · {words(actor.kind)}</p>
      <h1 tabIndex={-1}>{actor.name}</h1>
      {actor.description && <p class="lead">{actor.description}</p>}
      <dl class="facts wide">
        <div>
          <dt>Also known as</dt>
          <dd>{actor.aliases.length ? actor.aliases.join(", ") : <span class="muted">no alias</span>}</dd>
        </div>
        {actor.country && (
          <div>
            <dt>Country</dt>
            <dd>{actor.country}</dd>
          </div>
        )}
        <div>
          <dt>Camp</dt>
          <dd>
            {camp ? (
              <>
                <span class="camp-dot" style={{ background: campColor(camp) }} aria-hidden="true" /> Camp {camp}{" "}
                <a href="/network" class="muted">
                  (see both camps)
                </a>
                {actor.camp === null && <span class="muted"> · computed now from the network</span>}
                {evidence && <span class="muted"> · {evidence}</span>}
              </>
            ) : placement?.undetermined ? (
              <span class="muted">undetermined: too little evidence for a camp ({evidence})</span>
            ) : hood.data ? (
              <span class="muted">in neither camp (no hostile or cooperative link)</span>
            ) : (
              <span class="muted">computing…</span>
            )}
          </dd>
        </div>
      </dl>
      <UpdatedNote at={page.updatedAt} />
      <div class="actor-layout">
        <section aria-labelledby="relations-title">
          <h2 id="relations-title">Relationships</h2>
          <Relations relations={actor.relations} />
        </section>
        <section aria-labelledby="graph-title">
          <h2 id="graph-title">Neighbourhood</h2>
          <Neighbourhood id={actor.id} page={hood} />
        </section>
      </div>
      <div class="sides">
        <section aria-labelledby="claims-title" class="side affirms">
          <h2 id="claims-title">
            Claims <span class="count">({claims.length})</span>
          </h2>
          <StatementList statements={claims} empty="No claim recorded." />
        </section>
        <section aria-labelledby="denials-title" class="side denies">
          <h2 id="denials-title">
            Denials <span class="count">({denials.length})</span>
          </h2>
          <StatementList statements={denials} empty="No denial recorded." />
        </section>
      </div>
      <section aria-labelledby="about-title">
        <h2 id="about-title">
          Allegations about {actor.name} <span class="count">({actor.allegationsAbout.length})</span>
        </h2>
        {actor.allegationsAbout.length === 0 ? (
          <Empty>No allegation has this actor as its subject.</Empty>
        ) : (
          <ul class="allegation-list">
            {actor.allegationsAbout.map((a) => (
              <li key={a.id}>
                <NodeLink type="allegation" id={a.id}>{a.summary}</NodeLink> <StatusBadge status={a.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="scores-title">
        <h2 id="scores-title">Scores</h2>
        <dl class="facts wide">
          <div><dt>PageRank</dt><dd>{formatScore(actor.pagerank)}</dd></div>
          <div><dt>Betweenness</dt><dd>{formatScore(actor.betweenness)}</dd></div>
          <div><dt>Accusations made</dt><dd>{actor.accusationsMade ?? "not computed"}</dd></div>
          <div><dt>Accused</dt><dd>{actor.accused ?? "not computed"}</dd></div>
          <div><dt>Community</dt><dd>{actor.community ?? "not computed"}</dd></div>
        </dl>
        {actor.pagerank === null && <p class="hint">Scores are stored by <code>actorgraph analyze centrality --write-back</code> and <code>actorgraph analyze camps --write-back</code>.</p>}
      </section>
      <details class="editing">
        <summary>Edit: add an alias, merge actors</summary>
        <div class="edit-forms">
          <AliasForm actorId={actor.id} />
          <MergeForm actorId={actor.id} name={actor.name} />
        </div>
      </details>
    </article>
  );
}

function StatementList({ statements, empty }: { statements: ActorData["statements"]; empty: string }) {
  if (statements.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul class="statement-list">
      {statements.map((s) => (
        <li key={s.id}>
          <StanceBadge stance={s.stance} /> <a href={`/allegation/${encodeURIComponent(s.allegation?.id ?? "")}?statement=${encodeURIComponent(s.id)}`}>{s.allegation?.summary}</a>{" "}
          <StatusBadge status={s.allegation?.status} />
          {s.onBehalfOf && <span class="muted"> (for {s.onBehalfOf.name})</span>}
          <p class="quote-line">“{s.quote}”</p>
        </li>
      ))}
    </ul>
  );
}
