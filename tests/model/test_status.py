"""Status derivation: the rule the store applies after every write."""

from __future__ import annotations

import pytest

from actorgraph.model import AllegationStatus, Position, Stance, derive_status
from actorgraph.model.status import explain_status

A, D = Stance.AFFIRMS, Stance.DENIES


@pytest.mark.parametrize(
    ("accounts", "expected"),
    [
        ([], None),
        ([Position("legion", A, True)], AllegationStatus.SELF_CLAIMED),
        ([Position("legion", A, True), Position("rvc", A, True)], AllegationStatus.SELF_CLAIMED),
        ([Position("kremlin", A, False)], AllegationStatus.UNVERIFIED),
        ([Position("kremlin", A, False), Position("legion", A, True)], AllegationStatus.UNVERIFIED),
        ([Position("kremlin", A, False), Position("tass", A, False)], AllegationStatus.CORROBORATED),
        ([Position("kremlin", A, False), Position("hur", D, True)], AllegationStatus.CONTESTED),
        ([Position("legion", A, True), Position("kremlin", D, False)], AllegationStatus.CONTESTED),
        ([Position("hur", D, True)], AllegationStatus.DENIED),
        ([Position("hur", D, True), Position("yusov", D, True)], AllegationStatus.DENIED),
        ([Position("kremlin", A, False), Position("kremlin", D, False)], AllegationStatus.UNVERIFIED),
    ],
)
def test_derive_status(accounts: list[Position], expected: AllegationStatus | None) -> None:
    assert derive_status(accounts) == expected


def _at(voice: str, origin: str, copied: bool = False, stance: Stance = A, own: bool = False) -> Position:
    return Position(voice, stance, own, origin, copied)


@pytest.mark.parametrize(
    ("positions", "expected", "counted"),
    [
        pytest.param([_at("outlet-a", "post", True), _at("outlet-b", "post", True)],
                     AllegationStatus.UNVERIFIED, ["outlet-a"], id="two-copies-of-one-post"),
        pytest.param([_at("channel", "post"), _at("outlet-a", "post", True), _at("outlet-b", "post", True)],
                     AllegationStatus.UNVERIFIED, ["channel"], id="the-post-and-its-copies"),
        pytest.param([_at("kremlin", "article"), _at("fsb", "article")],
                     AllegationStatus.CORROBORATED, ["fsb", "kremlin"], id="two-voices-first-hand-in-one-article"),
        pytest.param([_at("outlet-a", "post", True), _at("outlet-b", "wire", True)],
                     AllegationStatus.CORROBORATED, ["outlet-a", "outlet-b"], id="copies-of-two-origins"),
        pytest.param([_at("copy", "report", True), _at("a", "report"), _at("b", "report")],
                     AllegationStatus.CORROBORATED, ["a", "b"], id="first-hand-voices-are-taken-first"),
        pytest.param([_at("outlet-a", "post", True), _at("outlet-b", "post", True), _at("hur", "post", True, D)],
                     AllegationStatus.CONTESTED, ["outlet-a"], id="a-denial-still-contests"),
        pytest.param([_at("legion", "post", own=True), _at("outlet-a", "post", True)],
                     AllegationStatus.SELF_CLAIMED, [], id="a-copy-of-the-subject-s-own-claim"),
        pytest.param([_at("legion", "post", own=True), _at("outlet-a", "post", True), _at("kremlin", "briefing")],
                     AllegationStatus.UNVERIFIED, ["kremlin"], id="own-side-is-never-counted"),
    ],
)  # fmt: skip
def test_copies_of_one_origin_count_once(
    positions: list[Position], expected: AllegationStatus, counted: list[str]
) -> None:
    reason = explain_status(positions)
    assert reason.status == expected == derive_status(positions)
    assert sorted(v.voice for v in reason.counted) == counted
    assert {v.voice for v in reason.counted} | {v.voice for v in reason.discounted} == {
        p.voice for p in positions if p.stance is A
    }


def test_the_reason_says_what_was_discounted_and_why() -> None:
    reason = explain_status(
        [_at("channel", "post"), _at("outlet-a", "post", True), _at("legion", "statement", own=True)]
    )
    assert reason.summary == (
        "UNVERIFIED: counted channel (origin post); not counted outlet-a: its origin (post) is already counted for "
        "channel; own side legion"
    )
    copy = explain_status([_at("legion", "post", own=True), _at("outlet-a", "post", True)])
    assert copy.discounted[0].why == "it repeats the subject's own claim (post)"
    assert [(v.voice, v.own_side) for v in reason.discounted] == [("outlet-a", False), ("legion", True)]
