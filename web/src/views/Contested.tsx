// Allegations ranked by how contested they are (affirmed and denied, by how many), filterable.
import { useQuery } from "@urql/preact";
import { useMemo } from "preact/hooks";
import { StatusBadge, UpdatedNote, useTitle } from "../components/Bits";
import { Empty, ErrorBox, Loading } from "../components/States";
import { ContestedPage, GraphLive, NodeNames } from "../documents";
import { PREDICATES, words } from "../format";
import type { NetworkFilter, Predicate } from "../gql/graphql";
import { useLiveQuery } from "../live";
import { navigate, type Route, routeHref } from "../router";

type ContestedRoute = Extract<Route, { view: "contested" }>;

/** The API's statement filter for a view's URL parameters; null when nothing is filtered. */
export function networkFilter(r: { predicate?: string | null; from: string | null; to: string | null }): NetworkFilter | null {
  const filter: NetworkFilter = {};
  if (r.predicate) filter.predicates = [r.predicate as Predicate];
  if (r.from) filter.dateFrom = r.from;
  if (r.to) filter.dateTo = r.to;
  return Object.keys(filter).length ? filter : null;
}

function Names({ ids, names }: { ids: string[]; names: Map<string, string> }) {
  if (ids.length === 0) return <span class="muted">nobody</span>;
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ", "}
          <a href={`/actor/${encodeURIComponent(id)}`}>{names.get(id) ?? id}</a>
        </span>
      ))}
    </>
  );
}

export function ContestedView({ route }: { route: ContestedRoute }) {
  const network = networkFilter(route);
  const page = useLiveQuery(ContestedPage, { network }, { query: GraphLive, variables: { ids: null } });
  const rows = page.data?.analytics.contested ?? [];
  const ids = useMemo(() => [...new Set(rows.flatMap((r) => [...r.affirming, ...r.denying]))].slice(0, 100), [rows]);
  const [names] = useQuery({ query: NodeNames, variables: { ids }, pause: ids.length === 0 });
  const nameOf = useMemo(() => new Map((names.data?.nodes ?? []).flatMap((n) => (n && "name" in n ? [[n.id, n.name] as const] : []))), [names.data]);
  useTitle("Contested allegations");
  const set = (change: Partial<ContestedRoute>): void => navigate(routeHref({ ...route, ...change }), { replace: true });
  return (
    <section class="contested" aria-labelledby="contested-title">
      <h1 id="contested-title" tabIndex={-1}>
        Contested allegations
      </h1>
      <p class="lead">Allegations that one voice affirms and another denies (a spokesperson counts for the institution), ranked: the more voices on the weaker side, the higher; then the more independent sources.</p>
      <form class="filters" aria-label="Filter the allegations" onSubmit={(e) => e.preventDefault()}>
        <label>
          Predicate
          <select value={route.predicate ?? ""} onChange={(e) => set({ predicate: e.currentTarget.value || null })}>
            <option value="">any</option>
            {PREDICATES.map((p) => (
              <option key={p} value={p}>{words(p)}</option>
            ))}
          </select>
        </label>
        <label>
          Stated from
          <input type="date" value={route.from ?? ""} onChange={(e) => set({ from: e.currentTarget.value || null })} />
        </label>
        <label>
          to
          <input type="date" value={route.to ?? ""} onChange={(e) => set({ to: e.currentTarget.value || null })} />
        </label>
      </form>
      <UpdatedNote at={page.updatedAt} />
      {page.error && !page.data ? (
        <ErrorBox error={page.error} retry={page.refetch} />
      ) : !page.data ? (
        <Loading what="the ranking" />
      ) : rows.length === 0 ? (
        <Empty>No allegation is both affirmed and denied{network ? " among the statements this filter selects (undated statements drop out of a date range)" : ""}.</Empty>
      ) : (
        <table class="contested-table">
          <caption class="visually-hidden">Contested allegations, most contested first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Allegation</th>
              <th scope="col">Affirmed by</th>
              <th scope="col">Denied by</th>
              <th scope="col">Sources</th>
              <th scope="col">Balance</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.allegation}>
                <td>{i + 1}</td>
                <td>
                  <a href={`/allegation/${encodeURIComponent(r.allegation)}`}>{r.summary}</a> <StatusBadge status={r.status} />
                </td>
                <td>
                  <Names ids={r.affirming} names={nameOf} />
                </td>
                <td>
                  <Names ids={r.denying} names={nameOf} />
                </td>
                <td>{r.sources}</td>
                <td title="1 when both sides have as many speakers; towards 0 when one side dominates">{r.balance.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
