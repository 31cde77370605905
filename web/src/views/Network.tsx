// The derived actor network: edges coloured by type, actors by kind or camp, filters in the URL.
import { useQuery } from "@urql/preact";
import { useMemo, useState } from "preact/hooks";
import { StanceBadge, StatusBadge, UpdatedNote, useTitle, Voice } from "../components/Bits";
import { Graph } from "../components/Graph";
import { Empty, ErrorBox, Loading } from "../components/States";
import { EdgeStatements, GraphLive, NetworkPage } from "../documents";
import { CAMP_COLORS, campColor, KIND_COLORS, RELATION_COLORS, RELATION_TYPES, words } from "../format";
import type { NetworkPageQuery, RelationType } from "../gql/graphql";
import { edgeId, elements } from "../graph";
import { useLiveQuery } from "../live";
import { type ColorBy, navigate, type Route, routeHref } from "../router";
import { networkFilter } from "./Contested";

type NetworkRoute = Extract<Route, { view: "network" }>;
/** Beyond this many actors a force layout is neither fast nor legible: the list and the camps still show them all. */
export const MAX_DRAWN = 400;
type Edge = NetworkPageQuery["network"]["edges"][number];

function EdgePanel({ edge, names }: { edge: Edge; names: Map<string, string> }) {
  const ids = edge.statementIds.slice(0, 50);
  const [result] = useQuery({ query: EdgeStatements, variables: { ids }, pause: ids.length === 0 });
  return (
    <section class="edge-panel" aria-labelledby="edge-title" aria-live="polite">
      <h2 id="edge-title">
        {names.get(edge.source) ?? edge.source} <span class="predicate">{words(edge.type)}</span> {names.get(edge.target) ?? edge.target}
      </h2>
      <p class="muted">
        {edge.count} statement{edge.count === 1 ? "" : "s"} behind this relationship
      </p>
      {ids.length === 0 ? null : !result.data ? (
        <Loading what="the statements" />
      ) : (
        <ul class="statement-list">
          {result.data.nodes.map((n) =>
            n?.__typename === "Statement" ? (
              <li key={n.id}>
                <Voice speaker={n.speaker} onBehalfOf={n.onBehalfOf} /> <StanceBadge stance={n.stance} />{" "}
                <a href={`/allegation/${encodeURIComponent(n.allegation?.id ?? "")}?statement=${encodeURIComponent(n.id)}`}>{n.allegation?.summary}</a>{" "}
                <StatusBadge status={n.allegation?.status} />
                <p class="quote-line">“{n.quote}”</p>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </section>
  );
}

function Legend({ colorBy, types }: { colorBy: ColorBy; types: string[] }) {
  const nodes = colorBy === "camp" ? Object.entries(CAMP_COLORS).map(([k, c]) => [k === "none" ? "in neither camp" : `camp ${k}`, c] as const) : Object.entries(KIND_COLORS).map(([k, c]) => [words(k), c] as const);
  return (
    <div class="legend-box" aria-label="Legend">
      <p>
        {nodes.map(([label, color]) => (
          <span key={label} class="legend-item">
            <span class="camp-dot" style={{ background: color }} aria-hidden="true" /> {label}
          </span>
        ))}
      </p>
      <p>
        {types.map((t) => (
          <span key={t} class="legend-item">
            <span class="edge-swatch" style={{ background: RELATION_COLORS[t] }} aria-hidden="true" /> {words(t)}
          </span>
        ))}
      </p>
    </div>
  );
}

export function NetworkView({ route }: { route: NetworkRoute }) {
  const network = networkFilter(route);
  const types = route.types.filter((t) => RELATION_TYPES.includes(t)) as RelationType[];
  const page = useLiveQuery(NetworkPage, { network, types: types.length ? types : null }, { query: GraphLive, variables: { ids: null } });
  const [selected, setSelected] = useState<string | null>(null);
  useTitle("Network");
  const data = page.data;
  const names = useMemo(() => new Map((data?.network.nodes ?? []).map((n) => [n.id, n.name] as const)), [data]);
  const camps = useMemo(() => new Map((data?.analytics.camps.entries ?? []).map((e) => [e.actor, e.camp] as const)), [data]);
  const els = useMemo(() => (data ? elements(data.network.nodes, data.network.edges, { colorBy: route.color, camps, edgeLabels: false }) : []), [data, camps, route.color]);
  const set = (change: Partial<NetworkRoute>): void => navigate(routeHref({ ...route, ...change }), { replace: true });
  const toggle = (type: string, on: boolean): void => {
    const current = types.length ? types : [];
    set({ types: on ? [...current, type] : current.filter((t) => t !== type) });
  };
  const edge = data?.network.edges.find((e) => edgeId(e) === selected) ?? null;
  const presentTypes = [...new Set((data?.network.edges ?? []).map((e) => e.type))].sort();
  const campGroups = ["A", "B", null].map((camp) => ({
    camp,
    actors: (data?.analytics.camps.entries ?? []).filter((e) => e.camp === camp).sort((a, b) => a.name.localeCompare(b.name)),
  }));
  return (
    <section class="network" aria-labelledby="network-title">
      <h1 id="network-title" tabIndex={-1}>
        Network
      </h1>
      <form class="filters" aria-label="Filter the network" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Relationships (none ticked: all)</legend>
          <div class="type-boxes">
            {RELATION_TYPES.map((t) => (
              <label key={t} class="check">
                <input type="checkbox" checked={types.includes(t as RelationType)} onChange={(e) => toggle(t, e.currentTarget.checked)} />
                <span class="edge-swatch" style={{ background: RELATION_COLORS[t] }} aria-hidden="true" /> {words(t)}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          Stated from
          <input type="date" value={route.from ?? ""} onChange={(e) => set({ from: e.currentTarget.value || null })} />
        </label>
        <label>
          to
          <input type="date" value={route.to ?? ""} onChange={(e) => set({ to: e.currentTarget.value || null })} />
        </label>
        <fieldset>
          <legend>Colour actors by</legend>
          {(["camp", "kind"] as const).map((c) => (
            <label key={c} class="check">
              <input type="radio" name="color-by" checked={route.color === c} onChange={() => set({ color: c })} /> {c}
            </label>
          ))}
        </fieldset>
      </form>
      <UpdatedNote at={page.updatedAt} />
      {page.error && !data ? (
        <ErrorBox error={page.error} retry={page.refetch} />
      ) : !data ? (
        <Loading what="the network" />
      ) : data.network.edges.length === 0 ? (
        <Empty>No relationship matches{network ? " (undated statements drop out of a date range)" : ""}.</Empty>
      ) : (
        <>
          <div class="network-layout">
            <div>
              {data.network.nodes.length > MAX_DRAWN ? (
                <Empty>
                  {data.network.nodes.length} actors are too many to draw legibly: tick a few relationship types or narrow the dates. The list below and
                  the camps hold them all.
                </Empty>
              ) : (
              <Graph
                elements={els}
                height={520}
                label={`The actor network: ${data.network.nodes.length} actors, ${data.network.edges.length} relationships. The same is listed below the drawing.`}
                onNode={(id) => navigate(`/actor/${encodeURIComponent(id)}`)}
                onEdge={setSelected}
              />
              )}
              <Legend colorBy={route.color} types={presentTypes} />
            </div>
            <aside>
              {edge ? <EdgePanel edge={edge} names={names} /> : <p class="hint">Click an actor to open it, or a relationship to see the statements behind it.</p>}
              <section aria-labelledby="camps-title">
                <h2 id="camps-title">Camps</h2>
                <p class="muted">
                  Two opposing camps by structural balance: hostile links across, cooperative within. {data.analytics.camps.frustration} relationship
                  {data.analytics.camps.frustration === 1 ? "" : "s"} break the split.
                </p>
                {campGroups.map(({ camp, actors }) =>
                  actors.length === 0 ? null : (
                    <div key={camp ?? "none"} class="camp-group">
                      <h3>
                        <span class="camp-dot" style={{ background: campColor(camp) }} aria-hidden="true" /> {camp ? `Camp ${camp}` : "In neither camp"}
                      </h3>
                      <ul class="inline-list">
                        {actors.map((a) => (
                          <li key={a.actor}>
                            <a href={`/actor/${encodeURIComponent(a.actor)}`}>{a.name}</a>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ),
                )}
              </section>
            </aside>
          </div>
          <details class="as-list">
            <summary>The relationships as a list ({data.network.edges.length})</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">Relationship</th>
                  <th scope="col">To</th>
                  <th scope="col">Statements</th>
                </tr>
              </thead>
              <tbody>
                {data.network.edges.map((e) => (
                  <tr key={edgeId(e)}>
                    <td><a href={`/actor/${encodeURIComponent(e.source)}`}>{names.get(e.source)}</a></td>
                    <td>
                      <button type="button" class="link" onClick={() => setSelected(edgeId(e))}>{words(e.type)}</button>
                    </td>
                    <td><a href={`/actor/${encodeURIComponent(e.target)}`}>{names.get(e.target)}</a></td>
                    <td>{e.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
