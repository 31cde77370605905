// The GraphQL client: queries and mutations over HTTP, subscriptions over graphql-transport-ws, both on /graphql.
import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient } from "graphql-ws";
import { useEffect, useState } from "preact/hooks";
import { currentCredential, headersFor } from "./credential";

export type LiveState = "connecting" | "live" | "offline";

let liveState: LiveState = "connecting";
const liveListeners = new Set<(state: LiveState) => void>();

function setLive(state: LiveState): void {
  liveState = state;
  for (const listener of liveListeners) listener(state);
}

export function useLiveState(): LiveState {
  const [state, setState] = useState(liveState);
  useEffect(() => {
    liveListeners.add(setState);
    return () => void liveListeners.delete(setState);
  }, []);
  return state;
}

export function createApiClient(origin: string = location.origin): Client {
  const ws = createWsClient({
    url: `${origin.replace(/^http/, "ws")}/graphql`,
    lazy: true,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    connectionParams: () => headersFor(currentCredential()),
    on: {
      connecting: () => setLive("connecting"),
      connected: () => setLive("live"),
      closed: () => setLive("offline"),
    },
  });
  return new Client({
    url: `${origin}/graphql`,
    fetchOptions: () => ({ headers: headersFor(currentCredential()) }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
        },
      }),
    ],
  });
}
