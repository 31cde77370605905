// One event: every allegation about it, with who affirms and who denies each ("who claims the incursion").
import { NodeLink, StatusBadge, UpdatedNote, useTitle, Voice } from "../components/Bits";
import { Empty, ErrorBox, Loading, NotFound } from "../components/States";
import { EventPage, GraphLive } from "../documents";
import { words } from "../format";
import { useLiveQuery } from "../live";

export function EventView({ id }: { id: string }) {
  const page = useLiveQuery(EventPage, { id }, { query: GraphLive, variables: { ids: [id] } });
  const node = page.data?.node;
  const event = node?.__typename === "Event" ? node : null;
  useTitle(event ? event.name : "Event");
  if (page.error && !page.data) return <ErrorBox error={page.error} retry={page.refetch} />;
  if (!page.data) return <Loading what="the event" />;
  if (!event) return <NotFound what="event" id={id} />;
  return (
    <article class="event">
      <p class="kicker">Event · {words(event.kind)}</p>
      <h1 tabIndex={-1}>{event.name}</h1>
      {event.description && <p class="lead">{event.description}</p>}
      <dl class="facts wide">
        <div><dt>Where</dt><dd>{event.location ?? "not given"}</dd></div>
        <div><dt>When</dt><dd>{event.startDate ? `${event.startDate}${event.endDate ? ` to ${event.endDate}` : ""}` : "not given"}</dd></div>
      </dl>
      <UpdatedNote at={page.updatedAt} />
      <h2>
        Who claims what about it <span class="count">({event.allegations.length} allegations)</span>
      </h2>
      {event.allegations.length === 0 ? (
        <Empty>No allegation is about this event yet.</Empty>
      ) : (
        <table class="claims-table">
          <caption class="visually-hidden">Allegations about {event.name}, with the actors affirming and denying each</caption>
          <thead>
            <tr>
              <th scope="col">Allegation</th>
              <th scope="col">Status</th>
              <th scope="col">Affirmed by</th>
              <th scope="col">Denied by</th>
            </tr>
          </thead>
          <tbody>
            {event.allegations.map((a) => (
              <tr key={a.id}>
                <td>
                  <NodeLink type="allegation" id={a.id}>{a.summary}</NodeLink>
                </td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td>
                  {a.affirming.length === 0 ? <span class="muted">nobody</span> : a.affirming.map((s) => (
                    <p key={s.id}>
                      <Voice speaker={s.speaker} onBehalfOf={s.onBehalfOf} />: <q>{s.quote}</q>
                    </p>
                  ))}
                </td>
                <td>
                  {a.denying.length === 0 ? <span class="muted">nobody</span> : a.denying.map((s) => (
                    <p key={s.id}>
                      <Voice speaker={s.speaker} onBehalfOf={s.onBehalfOf} />: <q>{s.quote}</q>
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
