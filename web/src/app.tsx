// The shell: skip link, header (navigation, search, editor key, live state), the current view, live feed.
import { useSubscription } from "@urql/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLiveState } from "./client";
import { StatementFeed } from "./documents";
import { CredentialButton } from "./editing/CredentialDialog";
import { navigate, type Route, routeHref, useRoute } from "./router";
import { ActorView } from "./views/Actor";
import { AllegationView } from "./views/Allegation";
import { ContestedView } from "./views/Contested";
import { EventView } from "./views/Event";
import { HomeView } from "./views/Home";
import { NetworkView } from "./views/Network";
import { SearchView } from "./views/Search";
import { SourceView } from "./views/Source";

function View({ route }: { route: Route }) {
  switch (route.view) {
    case "home":
      return <HomeView />;
    case "search":
      return <SearchView q={route.q} />;
    case "actor":
      return <ActorView id={route.id} />;
    case "allegation":
      return <AllegationView id={route.id} statement={route.statement} />;
    case "event":
      return <EventView id={route.id} />;
    case "source":
      return <SourceView id={route.id} statement={route.statement} />;
    case "contested":
      return <ContestedView route={route} />;
    case "network":
      return <NetworkView route={route} />;
    case "notFound":
      return (
        <section class="state empty">
          <h1 tabIndex={-1}>No page here</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. Start from the <a href="/">start page</a>.
          </p>
        </section>
      );
  }
}

function SearchBox({ route }: { route: Route }) {
  const [text, setText] = useState(route.view === "search" ? route.q : "");
  useEffect(() => {
    if (route.view === "search") setText(route.q);
  }, [route]);
  return (
    <form
      role="search"
      class="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(routeHref({ view: "search", q: text.trim() }));
      }}
    >
      <label for="search-input" class="visually-hidden">
        Search actors, events and quotes
      </label>
      <input id="search-input" type="search" placeholder="Search actors, events, quotes" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

function LiveBadge() {
  const state = useLiveState();
  const text = { live: "Live", connecting: "Connecting…", offline: "Offline, reconnecting" }[state];
  return (
    <span class={`live-badge ${state}`} title="Pages update by themselves while live (GraphQL subscription)">
      <span class="dot" aria-hidden="true" /> {text}
    </span>
  );
}

/** Announces statements recorded anywhere, while this page is open. */
function Feed() {
  const [items, setItems] = useState<{ id: string; text: string; href: string }[]>([]);
  useSubscription({ query: StatementFeed }, (_prev, data) => {
    const s = data.statementRecorded;
    const text = `${s.speaker?.name ?? "Someone"} ${s.stance === "AFFIRMS" ? "affirms" : "denies"}: ${s.allegation?.summary ?? ""}`;
    setItems((old) => [{ id: s.id, text, href: `/allegation/${encodeURIComponent(s.allegation?.id ?? "")}?statement=${encodeURIComponent(s.id)}` }, ...old.filter((o) => o.id !== s.id)].slice(0, 3));
    return data;
  });
  return (
    <div class="feed" role="log" aria-live="polite" aria-label="Statements just recorded">
      {items.map((i) => (
        <p key={i.id} class="feed-item">
          New statement: <a href={i.href}>{i.text}</a>{" "}
          <button type="button" class="link" aria-label="Dismiss" onClick={() => setItems((old) => old.filter((o) => o.id !== i.id))}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}

const NAV: [string, string, Route["view"][]][] = [
  ["/", "Start", ["home"]],
  ["/contested", "Contested", ["contested"]],
  ["/network", "Network", ["network"]],
];

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After navigating, move focus to the new view's heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const timer = setTimeout(() => (main.current?.querySelector<HTMLElement>("h1") ?? main.current)?.focus({ preventScroll: true }), 0);
    return () => clearTimeout(timer);
  }, [route.view, "id" in route ? route.id : ""]);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/">
          actorgraph <span>explorer</span>
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([href, label, views]) => (
              <li key={href}>
                <a href={href} aria-current={views.includes(route.view) ? "page" : undefined}>
                  {label}
                </a>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphiQL</a>
            </li>
          </ul>
        </nav>
        <SearchBox route={route} />
        <div class="tools">
          <LiveBadge />
          <CredentialButton />
        </div>
      </header>
      <Feed />
      <main id="main" ref={main} tabIndex={-1}>
        <View route={route} />
      </main>
    </>
  );
}
