// Full-text search over actors (names and aliases), events and quotes, with the matched words highlighted.
import { useQuery } from "@urql/preact";
import type { JSX } from "preact";
import { StanceBadge, StatusBadge, useTitle, Voice } from "../components/Bits";
import { Empty, ErrorBox, Loading } from "../components/States";
import { SearchPage } from "../documents";
import { words } from "../format";
import { matchRanges } from "../text";

export function Highlighted({ text, query }: { text: string; query: string }) {
  const ranges = matchRanges(text, query);
  const out: (string | JSX.Element)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark key={start} class="match">{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}

export function SearchView({ q }: { q: string }) {
  const text = q.trim();
  const [result, reexecute] = useQuery({ query: SearchPage, variables: { text }, pause: !text });
  useTitle(text ? `Search: ${text}` : "Search");
  return (
    <section class="search" aria-labelledby="search-title">
      <h1 id="search-title" tabIndex={-1}>
        {text ? <>Results for “{text}”</> : "Search"}
      </h1>
      {!text ? (
        <Empty>Type a name, an alias, an event or words of a quote in the search box above.</Empty>
      ) : result.error && !result.data ? (
        <ErrorBox error={result.error} retry={() => reexecute({ requestPolicy: "network-only" })} />
      ) : !result.data ? (
        <Loading what="results" />
      ) : result.data.search.length === 0 ? (
        <Empty>Nothing matches “{text}”. Every word must match; try fewer words.</Empty>
      ) : (
        <>
          <p class="muted" role="status">
            {result.data.search.length} result{result.data.search.length === 1 ? "" : "s"}
          </p>
          <ol class="results">
            {result.data.search.map(({ node }) => (
              <li key={node.id} class={`result ${node.__typename.toLowerCase()}`}>
                {node.__typename === "Actor" ? (
                  <>
                    <span class="result-type">Actor · {words(node.actorKind)}</span>
                    <a href={`/actor/${encodeURIComponent(node.id)}`}>
                      <Highlighted text={node.name} query={text} />
                    </a>
                    {node.aliases.length > 0 && (
                      <p class="muted">
                        also <Highlighted text={node.aliases.join(", ")} query={text} />
                      </p>
                    )}
                  </>
                ) : node.__typename === "Event" ? (
                  <>
                    <span class="result-type">Event · {words(node.eventKind)}</span>
                    <a href={`/event/${encodeURIComponent(node.id)}`}>
                      <Highlighted text={node.name} query={text} />
                    </a>
                    {node.location && <p class="muted">{node.location}</p>}
                  </>
                ) : node.__typename === "Statement" ? (
                  <>
                    <span class="result-type">Quote</span>
                    <blockquote>
                      <a href={`/allegation/${encodeURIComponent(node.allegation?.id ?? "")}?statement=${encodeURIComponent(node.id)}`}>
                        “<Highlighted text={node.quote} query={text} />”
                      </a>
                    </blockquote>
                    <p>
                      <Voice speaker={node.speaker} onBehalfOf={node.onBehalfOf} /> <StanceBadge stance={node.stance} /> {node.allegation?.summary}{" "}
                      <StatusBadge status={node.allegation?.status} />
                      {node.source && (
                        <span class="muted">
                          {" "}
                          · in <a href={`/source/${encodeURIComponent(node.source.id)}?statement=${encodeURIComponent(node.id)}`}>{node.source.title}</a>
                        </span>
                      )}
                    </p>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
