"""Downloads of one allegation or one actor in the formats of the field, under ``exports`` on the root query.

A frontend offers "download as STIX" next to an actor, or publishes the ClaimReview of a fact-checked
allegation, without a second export path: the store reads what lies behind the anchor
(``store.export.subgraph_records``, three round trips, counted like every API read) and the same pure
converters as ``actorgraph export`` build the document.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import strawberry
from strawberry.scalars import JSON

from actorgraph.api.errors import BAD_USER_INPUT, NOT_FOUND, CodedError
from actorgraph.api.types import Ctx
from actorgraph.errors import UsageError
from actorgraph.interop import claimreview, provenance, stix
from actorgraph.interop.graph import ExportedGraph, graph_from_records
from actorgraph.store.export import subgraph_records


async def _subgraph(info: Ctx, *, allegation: str | None = None, actor: str | None = None) -> ExportedGraph:
    reader = info.context.reader
    nodes, rels = await asyncio.to_thread(subgraph_records, reader, allegation=allegation, actor=actor)
    return graph_from_records(nodes, rels)


async def _anchored(info: Ctx, allegation_id: strawberry.ID | None, actor_id: strawberry.ID | None) -> ExportedGraph:
    """What lies behind exactly one allegation or one actor; BAD_USER_INPUT / NOT_FOUND naming the argument."""
    if (allegation_id is None) == (actor_id is None):
        raise CodedError("give exactly one of allegationId and actorId", BAD_USER_INPUT)
    graph = await _subgraph(
        info, allegation=str(allegation_id) if allegation_id else None, actor=str(actor_id) if actor_id else None
    )
    if allegation_id is not None and str(allegation_id) not in graph.allegations:
        raise CodedError(f"allegationId: no allegation {allegation_id!r}", NOT_FOUND)
    if actor_id is not None and str(actor_id) not in graph.actors:
        raise CodedError(f"actorId: no actor {actor_id!r}", NOT_FOUND)
    return graph


@strawberry.type(description="One allegation or actor as a document another tool reads.")
class Exports:
    @strawberry.field(
        description="A STIX 2.1 bundle of one allegation (with its statements, speakers and sources) or of one "
        "actor (every allegation it is subject or object of, made or was spoken for in). Give exactly one id."
    )
    async def stix(
        self, info: Ctx, allegation_id: strawberry.ID | None = None, actor_id: strawberry.ID | None = None
    ) -> JSON:
        bundle: Any = stix.to_bundle(await _anchored(info, allegation_id, actor_id))
        return bundle

    @strawberry.field(
        description="A W3C PROV document (PROV-JSON) of one allegation or one actor, as `stix` chooses what lies "
        "behind it: sources and statements as entities with their grades, wasDerivedFrom / wasQuotedFrom / "
        "hadPrimarySource along the chains of custody, speakers as agents. Give exactly one id."
    )
    async def prov(
        self, info: Ctx, allegation_id: strawberry.ID | None = None, actor_id: strawberry.ID | None = None
    ) -> JSON:
        document: Any = json.loads(
            provenance.dumps(provenance.document(await _anchored(info, allegation_id, actor_id)))
        )
        return document

    @strawberry.field(
        description="The schema.org ClaimReview (JSON-LD) of an allegation with an analyst's verdict; null without "
        "one. `reviewUrl` is the page publishing the review ({id} becomes the allegation id)."
    )
    async def claim_review(
        self, info: Ctx, allegation_id: strawberry.ID, review_url: str, reviewer: str = "actorgraph"
    ) -> JSON | None:
        try:
            url = claimreview.check_review_url(review_url)
        except UsageError as exc:
            raise CodedError(f"reviewUrl: {exc}", BAD_USER_INPUT) from exc
        graph = await _subgraph(info, allegation=str(allegation_id))
        allegation = graph.allegations.get(str(allegation_id))
        if allegation is None:
            raise CodedError(f"allegationId: no allegation {allegation_id!r}", NOT_FOUND)
        review: Any = claimreview.claim_review(graph, allegation, review_url=url, reviewer=reviewer)
        return review
