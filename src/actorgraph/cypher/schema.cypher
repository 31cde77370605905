// actorgraph schema: applied by `actorgraph db init`, idempotent (IF NOT EXISTS everywhere).
// One uniqueness constraint on `id` per label of the model (it also gives the lookup index).
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT allegation_id IF NOT EXISTS FOR (n:Allegation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

// Alias resolution looks names up here: one NameKey node per normalised name, NAMES -> its actors.
// A list property (Actor.name_keys) cannot be index-seeked by membership, a node key can.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE;
// What each dossier file contributed last time it was loaded (skip the unchanged, replace the changed).
CREATE CONSTRAINT dossier_id IF NOT EXISTS FOR (n:Dossier) REQUIRE n.id IS UNIQUE;
CREATE INDEX dossier_source IF NOT EXISTS FOR (n:Dossier) ON (n.source);
CREATE INDEX dossier_file IF NOT EXISTS FOR (n:Dossier) ON (n.file_sha256);
// Audit records: history(id) seeks the ChangeKey of an id, then walks its CHANGED records only.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_key IF NOT EXISTS FOR (n:ChangeKey) REQUIRE n.id IS UNIQUE;

// Filters the API and the explore queries use.
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.start_date);
CREATE INDEX allegation_predicate IF NOT EXISTS FOR (n:Allegation) ON (n.predicate);
CREATE INDEX allegation_status IF NOT EXISTS FOR (n:Allegation) ON (n.status);
CREATE INDEX statement_stance IF NOT EXISTS FOR (n:Statement) ON (n.stance);
CREATE INDEX statement_stated_on IF NOT EXISTS FOR (n:Statement) ON (n.stated_on);
CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind);
CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published_on);

// Full-text search over actor names and aliases and statement quotes (`search(text)` in the API).
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Actor|Statement|Event) ON EACH [n.name, n.aliases, n.quote]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// Keyset pages (store/queries/page_*.cypher): a filtered list is read in key order from one index range.
CREATE INDEX actor_kind_id IF NOT EXISTS FOR (n:Actor) ON (n.kind, n.id);
CREATE INDEX event_kind_id IF NOT EXISTS FOR (n:Event) ON (n.kind, n.id);
CREATE INDEX source_kind_id IF NOT EXISTS FOR (n:Source) ON (n.kind, n.id);
CREATE INDEX allegation_status_id IF NOT EXISTS FOR (n:Allegation) ON (n.status, n.id);
CREATE INDEX allegation_predicate_id IF NOT EXISTS FOR (n:Allegation) ON (n.predicate, n.id);
CREATE INDEX statement_date_id IF NOT EXISTS FOR (n:Statement) ON (n.stated_on, n.id);
CREATE INDEX statement_stance_date_id IF NOT EXISTS FOR (n:Statement) ON (n.stance, n.stated_on, n.id);
