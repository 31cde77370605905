"""Status derivation: the rule the store applies after every write."""

from __future__ import annotations

import pytest

from actorgraph.model import AllegationStatus, Position, Stance, derive_status

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
