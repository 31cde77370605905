// <datalist>s of known actors and events, so id fields suggest names (any id can still be typed).
import { useQuery } from "@urql/preact";
import { Pickers } from "../documents";

export function ActorOptions({ withEvents = false }: { withEvents?: boolean }) {
  const [result] = useQuery({ query: Pickers, variables: {} });
  const actors = result.data?.actors.edges.map((e) => e.node) ?? [];
  const events = result.data?.events.edges.map((e) => e.node) ?? [];
  return (
    <>
      <datalist id="actor-options">
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </datalist>
      {withEvents && (
        <datalist id="object-options">
          {[...actors, ...events].map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}
