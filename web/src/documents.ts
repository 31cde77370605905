// Every GraphQL document the explorer sends. Types are generated from ../schema.graphql (npm run codegen):
// a field the API drops or changes breaks the build here, not at run time.
import { graphql } from "./gql";

export const HomePage = graphql(`
  query HomePage {
    sources(first: 50) { totalCount edges { node { id title kind publisher publishedOn } } }
    events(first: 50) { totalCount edges { node { id name kind location } } }
    actors(first: 100) { totalCount edges { node { id name kind } } }
    contested: allegations(contestedOnly: true, first: 1) { totalCount }
    allegations(first: 1) { totalCount }
  }
`);

export const SearchPage = graphql(`
  query SearchPage($text: String!) {
    search(text: $text, limit: 50) {
      score
      node {
        __typename
        id
        ... on Actor { name actorKind: kind aliases }
        ... on Event { name eventKind: kind location }
        ... on Statement {
          quote stance
          speaker { id name }
          onBehalfOf { id name }
          allegation { id summary status }
          source { id title }
        }
      }
    }
  }
`);

export const StatementFields = graphql(`
  fragment StatementFields on Statement {
    id stance quote start end statedOn medium confidence note credibility reliability firstHand
    speaker { id name kind }
    onBehalfOf { id name }
    source { id title kind publisher publishedOn url text }
    origin { id title }
  }
`);

export const AllegationPage = graphql(`
  query AllegationPage($id: ID!) {
    allegation(id: $id) {
      id summary predicate polarity status verdict verdictRationale verdictSource cameo
      statusReason { summary }
      subject { id name kind }
      object { __typename ... on Actor { id name actorKind: kind } ... on Event { id name eventKind: kind } }
      affirming(limit: 50) { ...StatementFields }
      denying(limit: 50) { ...StatementFields }
    }
  }
`);

export const AllegationLive = graphql(`
  subscription AllegationLive($id: ID!) { allegationChanged(id: $id) { id } }
`);

export const GraphLive = graphql(`
  subscription GraphLive($ids: [ID!]) { graphChanged(ids: $ids) { kind ids } }
`);

export const StatementFeed = graphql(`
  subscription StatementFeed {
    statementRecorded {
      id stance
      speaker { id name }
      allegation { id summary }
    }
  }
`);

export const ActorPage = graphql(`
  query ActorPage($id: ID!) {
    actor(id: $id) {
      id name kind aliases description country wikidata
      pagerank betweenness accusationsMade accused camp community
      relations {
        type direction count firstStated lastStated
        other { __typename ... on Actor { id name actorKind: kind } ... on Event { id name eventKind: kind } }
      }
      statements(limit: 50) {
        id stance quote
        onBehalfOf { id name }
        allegation { id summary status }
        source { id title }
      }
      allegationsAbout(limit: 50) { id summary status predicate }
    }
  }
`);

export const ActorNeighbourhood = graphql(`
  query ActorNeighbourhood($id: ID!) {
    neighborhood(actorId: $id, depth: 1) {
      nodes { id name kind label }
      edges { source target type count }
    }
    analytics { camps { entries { actor camp community undetermined evidence { links stability } } } }
  }
`);

export const EventPage = graphql(`
  query EventPage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Event {
        name kind startDate endDate location description
        allegations(limit: 50) {
          id summary status predicate
          subject { id name }
          affirming(limit: 20) { id quote speaker { id name } onBehalfOf { id name } }
          denying(limit: 20) { id quote speaker { id name } onBehalfOf { id name } }
        }
      }
    }
  }
`);

export const SourcePage = graphql(`
  query SourcePage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Source {
        title kind url publisher publishedOn verification sha256 text
        statements(limit: 100) {
          id stance quote start end
          speaker { id name }
          onBehalfOf { id name }
          allegation { id summary status }
        }
      }
    }
  }
`);

export const Pickers = graphql(`
  query Pickers {
    actors(first: 100) { edges { node { id name kind } } }
    events(first: 100) { edges { node { id name } } }
  }
`);

export const ContestedPage = graphql(`
  query ContestedPage($network: NetworkFilter) {
    analytics {
      contested(network: $network, limit: 100) {
        allegation summary predicate status subject object affirming denying sources balance
      }
    }
  }
`);

export const NodeNames = graphql(`
  query NodeNames($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id ... on Actor { name } ... on Event { name } }
  }
`);

export const NetworkPage = graphql(`
  query NetworkPage($network: NetworkFilter, $types: [RelationType!]) {
    network(network: $network, relationTypes: $types) {
      nodes { id name kind }
      edges { source target type count statementIds }
    }
    analytics { camps(network: $network) { entries { actor name camp community } frustration } }
  }
`);

export const EdgeStatements = graphql(`
  query EdgeStatements($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Statement {
        stance quote
        speaker { id name }
        onBehalfOf { id name }
        allegation { id summary status }
      }
    }
  }
`);

export const RecordStatement = graphql(`
  mutation RecordStatement($input: StatementInput!) {
    recordStatement(input: $input) { id allegation { id summary status } }
  }
`);

export const SetVerdict = graphql(`
  mutation SetVerdict($id: ID!, $verdict: Verdict!, $rationale: String!, $source: String) {
    setVerdict(allegationId: $id, verdict: $verdict, rationale: $rationale, source: $source) {
      id verdict verdictRationale verdictSource status
    }
  }
`);

export const AddAlias = graphql(`
  mutation AddAlias($id: ID!, $alias: String!) { addAlias(actorId: $id, alias: $alias) { id aliases } }
`);

export const MergeActors = graphql(`
  mutation MergeActors($keep: ID!, $merge: ID!, $reason: String!) { mergeActors(keepId: $keep, mergeId: $merge, reason: $reason) { id name aliases } }
`);
