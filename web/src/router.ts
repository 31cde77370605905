// Every view has a URL (shareable links). Routes are parsed from and written to the location here only.
import { useEffect, useState } from "preact/hooks";

export type ColorBy = "kind" | "camp";

export type Route =
  | { view: "home" }
  | { view: "search"; q: string }
  | { view: "actor"; id: string }
  | { view: "allegation"; id: string; statement: string | null }
  | { view: "event"; id: string }
  | { view: "source"; id: string; statement: string | null }
  | { view: "contested"; predicate: string | null; from: string | null; to: string | null }
  | { view: "network"; types: string[]; from: string | null; to: string | null; color: ColorBy }
  | { view: "notFound"; path: string };

const ENTITY_VIEWS = ["actor", "allegation", "event", "source"] as const;

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const get = (name: string): string | null => params.get(name) || null;
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (parts.length === 0) return { view: "home" };
  if (first === "search" && parts.length === 1) return { view: "search", q: params.get("q") ?? "" };
  if (first === "contested" && parts.length === 1) {
    return { view: "contested", predicate: get("predicate"), from: get("from"), to: get("to") };
  }
  if (first === "network" && parts.length === 1) {
    const types = (params.get("types") ?? "").split(",").filter(Boolean);
    return { view: "network", types, from: get("from"), to: get("to"), color: get("color") === "kind" ? "kind" : "camp" };
  }
  if (second !== undefined && parts.length === 2) {
    if (first === "actor" || first === "event") return { view: first, id: second };
    if (first === "allegation" || first === "source") return { view: first, id: second, statement: get("statement") };
  }
  return { view: "notFound", path: pathname };
}

function query(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case "home":
      return "/";
    case "search":
      return `/search${query({ q: route.q })}`;
    case "actor":
    case "event":
      return `/${route.view}/${encodeURIComponent(route.id)}`;
    case "allegation":
    case "source":
      return `/${route.view}/${encodeURIComponent(route.id)}${query({ statement: route.statement })}`;
    case "contested":
      return `/contested${query({ predicate: route.predicate, from: route.from, to: route.to })}`;
    case "network":
      return `/network${query({ types: route.types.join(","), from: route.from, to: route.to, color: route.color === "camp" ? null : route.color })}`;
    case "notFound":
      return route.path;
  }
}

/** The page of a node, by its GraphQL type name; null for types without one. */
export function nodeHref(typename: string, id: string): string | null {
  const view = typename.toLowerCase();
  return (ENTITY_VIEWS as readonly string[]).includes(view) ? `/${view}/${encodeURIComponent(id)}` : null;
}

const listeners = new Set<() => void>();

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (href === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  for (const listener of listeners) listener();
}

function currentRoute(): Route {
  return parseRoute(location.pathname, location.search);
}

/** The current route; re-renders on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = (): void => setRoute(currentRoute());
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}

/** Same-origin links navigate inside the app (plain <a href> everywhere: keyboard, middle-click and copy work). */
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest("a");
    if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/graphql")) return;
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return; // in-page (skip link)
    event.preventDefault();
    navigate(url.pathname + url.search);
  };
  root.addEventListener("click", onClick);
  return () => root.removeEventListener("click", onClick);
}
