// The start page: what the graph holds, and the ways into it.
import { NodeLink, UpdatedNote, useTitle } from "../components/Bits";
import { Empty, ErrorBox, Loading } from "../components/States";
import { GraphLive, HomePage } from "../documents";
import { count, kindColor, words } from "../format";
import { useLiveQuery } from "../live";

export function HomeView() {
  const page = useLiveQuery(HomePage, {}, { query: GraphLive, variables: { ids: null } });
  useTitle("Start");
  if (page.error && !page.data) return <ErrorBox error={page.error} retry={page.refetch} />;
  if (!page.data) return <Loading what="the graph" />;
  const d = page.data;
  const byKind = new Map<string, { id: string; name: string }[]>();
  for (const { node } of d.actors.edges) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
  return (
    <div class="home">
      <h1 tabIndex={-1}>Who claims, accuses or denies what about whom</h1>
      <p class="lead">
        {count(d.actors.totalCount, "actor")}, {count(d.allegations.totalCount, "allegation")} ({d.contested.totalCount} contested),{" "}
        {count(d.events.totalCount, "event")} and {count(d.sources.totalCount, "source")}; every statement with its verbatim quote.
      </p>
      <UpdatedNote at={page.updatedAt} />
      <nav class="cards" aria-label="Ways in">
        <a class="card" href="/contested">
          <strong>Contested allegations</strong>
          <span>Ranked by how contested: who affirms, who denies.</span>
        </a>
        <a class="card" href="/network">
          <strong>Network and camps</strong>
          <span>Who accuses whom; the two opposing camps.</span>
        </a>
        <a class="card" href="/search">
          <strong>Search</strong>
          <span>Actors, aliases, events and words of quotes.</span>
        </a>
      </nav>
      <div class="columns">
        <section aria-labelledby="events-title">
          <h2 id="events-title">Events</h2>
          {d.events.edges.length === 0 ? <Empty>No event yet: load a dossier (actorgraph load).</Empty> : (
            <ul>
              {d.events.edges.map(({ node }) => (
                <li key={node.id}>
                  <NodeLink type="event" id={node.id}>{node.name}</NodeLink> <span class="muted">{words(node.kind)}</span>
                </li>
              ))}
            </ul>
          )}
          <h2 id="sources-title">Sources</h2>
          {d.sources.edges.length === 0 ? <Empty>No source yet.</Empty> : (
            <ul aria-labelledby="sources-title">
              {d.sources.edges.map(({ node }) => (
                <li key={node.id}>
                  <NodeLink type="source" id={node.id}>{node.title}</NodeLink> <span class="muted">{words(node.kind)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="actors-title">
          <h2 id="actors-title">Actors</h2>
          {byKind.size === 0 ? <Empty>No actor yet.</Empty> : (
            <dl class="by-kind">
              {[...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, actors]) => (
                <div key={kind}>
                  <dt>
                    <span class="camp-dot" style={{ background: kindColor(kind) }} aria-hidden="true" /> {words(kind)}
                  </dt>
                  <dd>
                    {actors.map((a, i) => (
                      <span key={a.id}>
                        {i > 0 && ", "}
                        <NodeLink type="actor" id={a.id}>{a.name}</NodeLink>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {d.actors.totalCount > d.actors.edges.length && <p class="muted">The first {d.actors.edges.length} of {d.actors.totalCount}; search finds the others.</p>}
        </section>
      </div>
    </div>
  );
}
