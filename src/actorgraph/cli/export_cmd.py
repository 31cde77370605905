"""``actorgraph export FORMAT``: the graph for other tools.

``json`` and ``graphml`` are written by ``store.export`` as before; every other format is read from
Neo4j once (``store.export.graph_records``) and converted by a pure function of ``actorgraph.interop``.
"""

from __future__ import annotations

import io
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer

from actorgraph.cli.console import err_console
from actorgraph.errors import UsageError
from actorgraph.interop import claimreview, ftm, gephi, provenance, stix
from actorgraph.interop.graph import ExportedGraph, graph_from_records
from actorgraph.interop.network import actor_network
from actorgraph.settings import get_settings
from actorgraph.store import export
from actorgraph.store.core import Store


class Format(StrEnum):
    json = "json"
    graphml = "graphml"
    stix = "stix"
    prov = "prov"
    ftm = "ftm"
    gexf = "gexf"
    gephi_graphml = "gephi-graphml"
    claimreview = "claimreview"


FORMAT_HELP = (
    "json: every node and relationship with provenance; graphml: the actor network for yEd/networkx; "
    "stix: a STIX 2.1 bundle (OpenCTI, MISP); prov: W3C PROV-JSON of sources, statements and their chains of "
    "custody (wasDerivedFrom, wasQuotedFrom, hadPrimarySource) with their grades; ftm: FollowTheMoney "
    "entities, JSON lines (Aleph; needs the "
    "'followthemoney' extra); gexf: GEXF 1.3 for Gephi (colours, scores, timeline); gephi-graphml: the same "
    "network as GraphML; claimreview: schema.org ClaimReview JSON-LD of every allegation with a verdict "
    "(needs --review-url)."
)


def _convert(fmt: Format, graph: ExportedGraph, review_url: str | None, reviewer: str) -> tuple[bytes, str]:
    """The file's bytes and a one-line summary of what is in it."""
    if fmt is Format.stix:
        bundle = stix.to_bundle(graph)
        counts = ", ".join(f"{n} {t}" for t, n in stix.types_count(bundle).items())
        return stix.dumps(bundle).encode(), f"STIX 2.1 bundle of {len(bundle['objects'])} objects ({counts})"
    if fmt is Format.prov:
        document = provenance.document(graph)
        counts = ", ".join(f"{n} {t}" for t, n in provenance.counts(document).items())
        return provenance.dumps(document).encode(), f"PROV-JSON document ({counts})"
    if fmt is Format.ftm:
        items = list(ftm.entities(graph))
        return ftm.dumps(items).encode(), f"{len(items)} FollowTheMoney entities"
    if fmt in (Format.gexf, Format.gephi_graphml):
        network = actor_network(graph)
        buffer = io.BytesIO()
        (gephi.write_gexf if fmt is Format.gexf else gephi.write_graphml)(network, buffer)
        return buffer.getvalue(), f"actor network of {len(network.nodes)} nodes and {len(network.edges)} edges"
    if review_url is None:
        raise UsageError(
            "claimreview needs the page that publishes each review: add --review-url "
            "'https://example.org/fact-checks/{id}' ({id} becomes the allegation id)"
        )
    reviews = claimreview.claim_reviews(graph, review_url=claimreview.check_review_url(review_url), reviewer=reviewer)
    return claimreview.dumps(reviews).encode(), f"{len(reviews)} ClaimReview(s) (allegations with a verdict)"


def _write(data: bytes, out: Path | None) -> None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        out.write_bytes(data)


def _legacy(fmt: Format, out: Path | None) -> None:
    """``json`` and ``graphml``, exactly as before."""
    with Store.connect(get_settings()) as store:
        if fmt is Format.json:
            if out is None:
                counts = export.write_json(store, sys.stdout)
            else:
                with out.open("w", encoding="utf-8") as fh:
                    counts = export.write_json(store, fh)
        else:
            stream: IO[bytes]
            if out is None:
                counts = export.write_graphml(store, sys.stdout.buffer)
            else:
                with out.open("wb") as stream:
                    counts = export.write_graphml(store, stream)
    err_console.print(f"exported {counts[0]} nodes and {counts[1]} relationships" + (f" to {out}" if out else ""))


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        format: Annotated[Format, typer.Argument(help=FORMAT_HELP)],
        out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).")] = None,
        review_url: Annotated[
            str | None,
            typer.Option(help="claimreview: URL of the page publishing each review; {id} becomes the allegation id."),
        ] = None,
        reviewer: Annotated[
            str, typer.Option(help="claimreview: the organisation that reviewed the claims (ClaimReview author).")
        ] = "actorgraph",
    ) -> None:
        """Export the graph for other tools; a summary goes to stderr.

        Examples: `actorgraph export stix -o graph.stix.json` (then `actorgraph import stix` elsewhere),
        `actorgraph export prov -o graph.prov.json` (W3C PROV-JSON: chains of custody and grades),
        `actorgraph export gexf -o actors.gexf` (open in Gephi; Timeline works), `actorgraph export ftm -o
        graph.ftm.json`, `actorgraph export claimreview --review-url 'https://example.org/checks/{id}'`.
        """
        if format in (Format.json, Format.graphml):
            _legacy(format, out)
            return
        if format is Format.claimreview and review_url is not None:
            claimreview.check_review_url(review_url)
        began = time.perf_counter()
        settings = get_settings()
        with Store.connect(settings) as store:
            nodes, rels = export.graph_records(store)
        data, summary = _convert(format, graph_from_records(nodes, rels), review_url, reviewer)
        _write(data, out)
        where = f" to {out}" if out else ""
        err_console.print(f"exported {summary}{where} ({len(data):,} bytes, {time.perf_counter() - began:.1f}s)")
