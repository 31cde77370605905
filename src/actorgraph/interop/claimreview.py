"""ClaimReview (schema.org JSON-LD) for allegations that carry an analyst's verdict.

A verdict is actorgraph's fact-check: the allegation is the claim, the voices that affirm it are its
authors, the sources they said it in are its appearances, and the verdict with its rationale is the
review rating. Fields follow Google's fact-check documentation:

======================================  =================================================================
ClaimReview field                       from
======================================  =================================================================
``url`` (required)                      ``review_url`` with ``{id}`` replaced by the allegation id: the
                                        page that publishes the review, which only its publisher knows
``claimReviewed`` (required)            the allegation's summary
``reviewRating`` (required)             the verdict: ``alternateName``/``name`` Confirmed, Unproven or
                                        Refuted, ``ratingValue`` 3/2/1 of ``worstRating`` 1 to
                                        ``bestRating`` 3, ``ratingExplanation`` the rationale
``author``                              the reviewing organisation (``reviewer``)
``datePublished``                       the day the verdict was set (``verdict_on``), when recorded
``citation``                            what the verdict rests on (``verdict_source``), when given
``itemReviewed`` (a ``Claim``)          ``author``: the voices that affirm it (a spokesperson's statement
                                        counts for the institution); ``datePublished``/``firstAppearance``:
                                        its first dated statement; ``appearance``: each source, with its
                                        URL when there is one
======================================  =================================================================

Grades (a source's reliability, a statement's credibility) are not carried: schema.org's Claim and
CreativeWork have no property for them, and ``reviewRating`` is the reviewer's verdict on the claim,
not a grade of the sources it appeared in; putting grades there would misstate the review.
"""

from __future__ import annotations

import json
from typing import Any

from actorgraph.errors import UsageError
from actorgraph.interop.graph import AllegationRecord, ExportedGraph, SourceRecord, StatementRecord
from actorgraph.model.vocabulary import ActorKind, Verdict

#: Verdict -> (rating text, rating value); worst 1, best 3.
RATINGS: dict[Verdict, tuple[str, int]] = {
    Verdict.REFUTED: ("Refuted", 1),
    Verdict.UNPROVEN: ("Unproven", 2),
    Verdict.CONFIRMED: ("Confirmed", 3),
}
CONTEXT = "https://schema.org"


def _agent(graph: ExportedGraph, actor_id: str) -> dict[str, Any]:
    actor = graph.actors[actor_id]
    agent: dict[str, Any] = {"@type": "Person" if actor.kind == ActorKind.PERSON.value else "Organization",
                             "name": actor.name}  # fmt: skip
    if actor.wikidata:
        agent["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    return agent


def _work(source: SourceRecord) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published_on:
        work["datePublished"] = source.published_on.isoformat()
    return work


def _claim(graph: ExportedGraph, allegation: AllegationRecord, statements: list[StatementRecord]) -> dict[str, Any]:
    """The Claim: authored by the voices that affirm it; it appears wherever it was affirmed (or, when
    nobody affirms it, wherever it was denied, with no author)."""
    claim: dict[str, Any] = {"@type": "Claim", "name": allegation.summary}
    affirming = [s for s in statements if s.stance == "AFFIRMS"]
    voices = sorted({s.voice for s in affirming})
    if voices:
        authors = [_agent(graph, v) for v in voices]
        claim["author"] = authors[0] if len(authors) == 1 else authors
    shown = affirming or statements
    sources = sorted({s.source for s in shown})
    if sources:
        claim["appearance"] = [_work(graph.sources[s]) for s in sources]
    dated = sorted((s for s in shown if s.stated_on), key=lambda s: (str(s.stated_on), s.id))
    if dated:
        claim["datePublished"] = str(dated[0].stated_on)
        claim["firstAppearance"] = _work(graph.sources[dated[0].source])
    return claim


def check_review_url(review_url: str) -> str:
    """The review URL template, or a one-line error saying what Google needs."""
    if not review_url.startswith(("https://", "http://")):
        raise UsageError(
            f"review URL {review_url!r} is not an http(s) URL: give the page that publishes each review, "
            "e.g. --review-url 'https://example.org/fact-checks/{id}' ({id} becomes the allegation id)"
        )
    return review_url


def claim_review(
    graph: ExportedGraph, allegation: AllegationRecord, *, review_url: str, reviewer: str
) -> dict[str, Any] | None:
    """The ClaimReview of one allegation, or None when it has no verdict."""
    if not allegation.verdict:
        return None
    text, value = RATINGS[Verdict(allegation.verdict)]
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_url.replace("{id}", allegation.id),
        "claimReviewed": allegation.summary,
        "author": {"@type": "Organization", "name": reviewer},
        "itemReviewed": _claim(graph, allegation, graph.statements_on(allegation.id)),
        "reviewRating": {
            "@type": "Rating", "alternateName": text, "name": text, "ratingValue": value, "worstRating": 1,
            "bestRating": 3, "ratingExplanation": allegation.verdict_rationale,
        },
    }  # fmt: skip
    if allegation.verdict_on:
        review["datePublished"] = allegation.verdict_on.isoformat()
    if allegation.verdict_source:
        review["citation"] = allegation.verdict_source
    return review


def claim_reviews(graph: ExportedGraph, *, review_url: str, reviewer: str) -> list[dict[str, Any]]:
    """A ClaimReview for every allegation with a verdict, in allegation id order."""
    out = []
    for allegation in graph.allegations.values():
        review = claim_review(graph, allegation, review_url=review_url, reviewer=reviewer)
        if review is not None:
            out.append(review)
    return out


def dumps(reviews: list[dict[str, Any]]) -> str:
    """JSON-LD text: an array of ClaimReview objects, each with its own ``@context``."""
    return json.dumps(reviews, ensure_ascii=False, indent=1) + "\n"
