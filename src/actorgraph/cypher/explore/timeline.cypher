// The timeline of statements: who said what, when — ordered by the date stated (or the source's
// publication date), then when it was recorded; undated statements last in the order their source
// reports them. A statement its own voice later retracted (the voice's latest dated stance on the
// allegation is the opposite one) is kept and shown, with the statement that superseded it: it counts
// neither for status nor for the network (docs/design.md, "Time").
// Parameters: none.
MATCH (speaker:Actor)-[:MADE]->(st:Statement)-[:ON]->(al:Allegation)
OPTIONAL MATCH (st)-[:ON_BEHALF_OF]->(institution:Actor)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(src:Source)
WITH speaker, st, al, src, coalesce(institution, speaker) AS voice, coalesce(st.stated_on, src.published_on) AS stated
CALL (st, al, voice) {
  // the same voice's dated statements on the allegation; its position is the stance of the latest day
  MATCH (al)<-[:ON]-(other:Statement)<-[:MADE]-(other_speaker:Actor)
  WHERE st.stated_on IS NOT NULL AND other.stated_on IS NOT NULL
  OPTIONAL MATCH (other)-[:ON_BEHALF_OF]->(other_institution:Actor)
  WITH other WHERE coalesce(other_institution, other_speaker) = voice
  WITH collect(other) AS said
  WITH said, reduce(m = null, o IN said | CASE WHEN m IS NULL OR o.stated_on > m THEN o.stated_on ELSE m END) AS latest
  WITH said, [o IN said WHERE o.stated_on = latest | o.stance] AS at_latest
  RETURN CASE
    WHEN size(at_latest) > 0 AND all(x IN at_latest WHERE x = at_latest[0]) AND at_latest[0] <> st.stance
    THEN reduce(b = null, o IN said |
      CASE WHEN o.stance = at_latest[0] AND o.stated_on > st.stated_on
             AND (b IS NULL OR o.stated_on < b.stated_on OR (o.stated_on = b.stated_on AND o.id < b.id))
           THEN o ELSE b END)
  END AS retraction
}
RETURN coalesce(toString(stated), 'undated') AS date,
       speaker.name AS speaker,
       st.stance AS stance,
       al.summary AS allegation,
       st.medium AS medium,
       st.quote AS quote,
       coalesce(src.title, src.id) AS source,
       toString(st.recorded_at) AS recorded_at,
       CASE WHEN retraction IS NULL THEN null
            ELSE 'retracted on ' + toString(retraction.stated_on) + ': ' + retraction.quote END AS superseded_by
ORDER BY stated IS NULL, stated, st.recorded_at, source, st.start
