// A page's query, refreshed whenever a subscription says what it shows may have changed.
import type { AnyVariables, CombinedError, DocumentInput, OperationContext } from "@urql/core";
import { useQuery, useSubscription } from "@urql/preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export interface LiveQuery<Data> {
  data: Data | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  /** When a live update last refreshed the page (null: not yet). */
  updatedAt: Date | null;
  refetch: () => void;
}

const NETWORK_ONLY: Partial<OperationContext> = { requestPolicy: "network-only" };

export function useLiveQuery<Data, Variables extends AnyVariables, SubData, SubVariables extends AnyVariables>(
  query: DocumentInput<Data, Variables>,
  variables: Variables,
  live: { query: DocumentInput<SubData, SubVariables>; variables: SubVariables },
  pause = false,
): LiveQuery<Data> {
  const [result, reexecute] = useQuery<Data, Variables>({ query, variables, pause });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The refresh must run the query for the variables of *now*: a timer (or a subscription handler)
  // made before a filter changed holds the old `reexecute`, which would put the unfiltered result
  // back on screen under the filtered URL. So timers call through this ref, updated every render.
  const latest = useRef(reexecute);
  latest.current = reexecute;
  const refetch = useCallback(() => latest.current(NETWORK_ONLY), []);
  useSubscription<SubData, SubData, SubVariables>(
    { query: live.query, variables: live.variables, pause },
    (_previous, data) => {
      clearTimeout(timer.current);
      // Several writes in a burst (a load, a mutation and its version change) cost one refresh.
      timer.current = setTimeout(() => {
        latest.current(NETWORK_ONLY);
        setUpdatedAt(new Date());
      }, 200);
      return data;
    },
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { data: result.data, error: result.error, fetching: result.fetching, updatedAt, refetch };
}
