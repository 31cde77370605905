"""Narrative alignment on hand-built accounts: who backs which account, against who is hostile to whom."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import pytest

from actorgraph.analytics.camps import CampsResult, camps, narratives
from actorgraph.analytics.narratives import narrative_links, stances_held
from actorgraph.analytics.projection import build_graph
from actorgraph.errors import ActorgraphError
from actorgraph.model.derivation import Account, derive_relations
from actorgraph.model.network import AllegationInfo, edges_of
from actorgraph.model.vocabulary import Predicate, Stance

A, D = Stance.AFFIRMS, Stance.DENIES


def graph_of(allegations: dict[str, tuple[Predicate, str, str, list[tuple[str, Stance, str]]]],
             kinds: dict[str, str] | None = None) -> nx.MultiDiGraph:  # fmt: skip
    """A projected graph from allegations ``id: (predicate, subject, object, [(voice, stance, source)])``,
    with the relationships the model's rules derive from them (as a real projection has)."""
    infos: dict[str, AllegationInfo] = {}
    accounts: list[Account] = []
    n = 0
    for aid, (predicate, subject, obj, said) in allegations.items():
        info = infos[aid] = AllegationInfo(aid, predicate, None, aid, subject, obj)
        for voice, stance, source in said:
            n += 1
            acc = Account(aid, predicate, subject, obj, obj == "attack", f"s{n}", stance, None, voice, None, source)
            info.accounts.append(acc)
            accounts.append(acc)
    voices = {a.voice for a in accounts} | {a.subject for a in accounts}
    actors = [(v, v.title(), (kinds or {}).get(v, "STATE")) for v in sorted(voices)]
    edges = [e for e in edges_of(derive_relations(accounts, set())) if e.target != "attack"]
    return build_graph(actors, edges, infos)


def split(result: CampsResult) -> dict[str, str | None]:
    return {r.actor: r.camp for r in result.rows}


# The case issue 18 describes: group G claims an attack; state C confirms it and denies neighbour N's
# involvement; state B's leaders (b1, b2) blame N and its ally L; N and L reject it.
ISSUE_CASE = {
    "g-did-it": (Predicate.CARRIED_OUT, "g", "attack", [("g", A, "src1"), ("g", A, "src2"), ("c", A, "src3")]),
    "n-was-behind-it": (Predicate.INVOLVED_IN, "n", "attack",
                        [("b1", A, "src4"), ("b2", A, "src5"), ("c", D, "src3"), ("n", D, "src6")]),
    "l-was-behind-it": (Predicate.INVOLVED_IN, "l", "attack", [("b1", A, "src4"), ("b2", A, "src5"), ("l", D, "src7")]),
}  # fmt: skip


def test_the_issue_case_narratives_put_the_claiming_group_with_the_account_it_backs() -> None:
    g = graph_of(ISSUE_CASE)
    camp = split(narratives(g))
    assert camp["b1"] == camp["b2"] is not None  # the blaming state's voices together ...
    assert camp["c"] == camp["n"] != camp["b1"]  # ... against the confirming state and the accused neighbour
    assert camp["l"] == camp["n"]
    # the group stands with the account it backs; on one link (with c) that is a leaning, not a placement ...
    rows = {r.actor: r for r in narratives(g).rows}
    assert rows["g"].leaning == rows["c"].leaning and rows["g"].undetermined
    # ... and a second state confirming the claim makes it one
    case = dict(ISSUE_CASE)
    case["g-did-it"] = (Predicate.CARRIED_OUT, "g", "attack",
                        [("g", A, "src1"), ("g", A, "src2"), ("c", A, "src3"), ("f", A, "src8")])  # fmt: skip
    camp = split(narratives(graph_of(case)))
    assert camp["g"] == camp["c"] == camp["f"] != camp["b1"]


def test_the_issue_case_hostility_camps_put_the_group_against_the_state_that_confirms_it() -> None:
    # What issue 18 warns about, kept as the hostility reading: C "accuses" G by confirming its claim.
    g = graph_of(ISSUE_CASE)
    rows = {r.actor: r for r in camps(g, by="hostility").rows}
    assert rows["g"].leaning != rows["c"].leaning
    assert rows["g"].leaning == rows["b1"].leaning
    assert rows["g"].camp is None and rows["g"].evidence is not None and rows["g"].evidence.links == 1


def test_agreeing_and_contradicting_links_are_weighted_by_statements() -> None:
    links = {(k.a, k.b, k.about): (k.sign, k.weight) for k in narrative_links(graph_of(ISSUE_CASE))}
    assert links[("c", "g", "g-did-it")] == (1, 3.0)  # g's two statements and c's one
    assert links[("b1", "c", "n-was-behind-it")] == (-1, 2.0)
    assert links[("c", "n", "n-was-behind-it")] == (1, 2.0)  # both deny: they agree
    assert ("b1", "b2", "n-was-behind-it") in links and links[("b1", "b2", "n-was-behind-it")][0] == 1


def test_a_voice_that_changed_its_stance_holds_the_one_its_statements_weigh_most_for() -> None:
    def said(sid: str, stance: Stance, voice: str) -> Account:
        return Account("x", Predicate.OPPOSES, "x", "y", False, sid, stance, None, voice, None)

    held = stances_held([said("1", A, "k"), said("2", D, "k"), said("3", D, "k"), said("4", A, "m"), said("5", D, "m")])
    assert held == {"k": (-1, 1.0)}  # k denies on balance; m took both sides equally: holds none


def test_the_statement_weight_is_a_function_that_can_count_origins_instead() -> None:
    def sources(accounts: Sequence[Account]) -> float:
        return float(len({a.source for a in accounts}))

    plain = {(k.a, k.b, k.about): k.weight for k in narrative_links(graph_of(ISSUE_CASE))}
    by_origin = {(k.a, k.b, k.about): k.weight for k in narrative_links(graph_of(ISSUE_CASE), weight=sources)}
    assert plain[("c", "g", "g-did-it")] == 3.0
    assert by_origin[("c", "g", "g-did-it")] == 3.0  # g's two statements come from two sources
    same_source = dict(ISSUE_CASE)
    same_source["g-did-it"] = (Predicate.CARRIED_OUT, "g", "attack", [("g", A, "src1"), ("g", A, "src1"),
                                                                      ("c", A, "src3")])  # fmt: skip
    once = {(k.a, k.b, k.about): k.weight for k in narrative_links(graph_of(same_source), weight=sources)}
    assert once[("c", "g", "g-did-it")] == 2.0


def test_reporting_voices_are_left_out_unless_asked_for() -> None:
    case = dict(ISSUE_CASE)
    case["g-did-it"] = (Predicate.CARRIED_OUT, "g", "attack", [("g", A, "s1"), ("c", A, "s3"), ("wire", A, "s8")])
    g = graph_of(case, kinds={"wire": "MEDIA"})
    left_out = narratives(g)
    rows = {r.actor: r for r in left_out.rows}
    assert rows["wire"].leaning is None and rows["wire"].reporting
    assert left_out.reporters_left_out == ["wire"]
    counted = {r.actor: r for r in narratives(g, include_reporters=True).rows}
    assert counted["wire"].leaning == counted["c"].leaning
    assert all("wire" not in (k.a, k.b) for k in narrative_links(g))


def test_frustrated_pairs_are_listed_with_their_allegations() -> None:
    # x agrees with y on one allegation and with z on another, while y and z contradict each other twice.
    case = {
        "p": (Predicate.OPPOSES, "p", "q", [("x", A, "s"), ("y", A, "s")]),
        "r": (Predicate.OPPOSES, "r", "q", [("x", A, "s"), ("z", A, "s")]),
        "t": (Predicate.OPPOSES, "t", "q", [("y", A, "s"), ("z", D, "s")]),
        "u": (Predicate.OPPOSES, "u", "q", [("y", D, "s"), ("z", A, "s")]),
    }
    result = narratives(graph_of(case))
    assert result.frustration == 1
    broken = result.frustrated[0]
    assert broken.type == "AGREES" and broken.source_camp != broken.target_camp and len(broken.allegations) == 1


def test_narratives_need_every_statement() -> None:
    g = graph_of(ISSUE_CASE)
    g.graph["disputed_only"] = True
    with pytest.raises(ActorgraphError, match="every statement"):
        narratives(g)
    with pytest.raises(ActorgraphError, match="accounts=True"):
        narratives(build_graph([], []))
