"""Voices that report are not parties: outlets' voiced links are left out of camps and accusation counts."""

from __future__ import annotations

from actorgraph.analytics.camps import camps
from actorgraph.analytics.centrality import centrality
from actorgraph.analytics.projection import Edge, build_graph
from actorgraph.analytics.reporters import reporting_voices, without_reporters

ACTORS = [("author", "Author", "MEDIA"), ("k", "Kremlin", "GOVERNMENT"), ("rvc", "RVC", "ARMED_GROUP"),
          ("legion", "Legion", "ARMED_GROUP"), ("rt", "RT", "MEDIA")]  # fmt: skip


def e(s: str, t: str, typ: str, n: int = 1) -> Edge:
    return Edge(s, t, typ, tuple(f"{s}{t}{typ}{i}" for i in range(n)))


def graph():  # type: ignore[no-untyped-def]
    return build_graph(ACTORS, [
        e("author", "rvc", "REPORTS"),       # the author reports the RVC's involvement: provenance
        e("k", "author", "CONTRADICTS", 2),  # the Kremlin denies what the author reports: provenance
        e("rvc", "k", "OPPOSES"), e("legion", "k", "OPPOSES"), e("k", "legion", "ACCUSES", 3),
        e("rvc", "legion", "ALLIED_WITH"),
        e("rt", "k", "SPEAKS_FOR", 2), e("legion", "rt", "ACCUSES", 2),  # RT as a party: spoken for, accused
    ])  # fmt: skip


def test_reporting_voices_are_the_media_actors() -> None:
    assert reporting_voices(graph()) == {"author", "rt"}


def test_their_voiced_links_are_dropped_and_links_about_them_kept() -> None:
    kept = {(u, v, t) for u, v, t in without_reporters(graph()).edges(keys=True)}
    assert ("author", "rvc", "REPORTS") not in kept and ("k", "author", "CONTRADICTS") not in kept
    assert ("rt", "k", "SPEAKS_FOR") in kept and ("legion", "rt", "ACCUSES") in kept
    assert ("rvc", "k", "OPPOSES") in kept


def test_camps_leave_the_author_out_and_place_an_outlet_that_is_a_party() -> None:
    rows = {r.actor: r for r in camps(graph()).rows}
    assert rows["author"].leaning is None and rows["author"].reporting
    assert rows["rt"].camp == rows["k"].camp is not None  # spoken for by ... and accused by the legion: a party
    counted = {r.actor: r for r in camps(graph(), include_reporters=True).rows}
    # counted as a party, the author has one signed link, the Kremlin's denial: its report of the RVC has no
    # sign (REPORTS is not hostility), so it leans against the Kremlin on that link alone, undetermined
    assert counted["author"].evidence is not None and counted["author"].evidence.links == 1
    assert counted["author"].leaning != counted["k"].leaning and counted["author"].evidence.breaking == 0
    assert counted["author"].camp is None


def test_accusation_counts_leave_reporters_out_by_default() -> None:
    rows = {r.actor: r for r in centrality(graph()).rows}
    assert rows["author"].accusations_made == 0 and rows["rvc"].accused == 0
    assert rows["legion"].accusations_made == 2
    assert centrality(graph()).reporters_left_out == ["author", "rt"]
    counted = {r.actor: r for r in centrality(graph(), include_reporters=True).rows}
    assert counted["author"].accusations_made == 0 and counted["rvc"].accused == 0  # a report is no accusation
    assert counted["legion"].accusations_made == 2
