"""Status derivation, the specification the store's Cypher follows."""

from __future__ import annotations

import pytest

from actorgraph.model import Account, AllegationStatus, Stance, derive_status

A, D = Stance.AFFIRMS, Stance.DENIES


@pytest.mark.parametrize(
    ("accounts", "expected"),
    [
        ([], None),
        ([Account("legion", A, True)], AllegationStatus.SELF_CLAIMED),
        ([Account("legion", A, True), Account("rvc", A, True)], AllegationStatus.SELF_CLAIMED),
        ([Account("kremlin", A, False)], AllegationStatus.UNVERIFIED),
        ([Account("kremlin", A, False), Account("legion", A, True)], AllegationStatus.UNVERIFIED),
        ([Account("kremlin", A, False), Account("tass", A, False)], AllegationStatus.CORROBORATED),
        ([Account("kremlin", A, False), Account("hur", D, True)], AllegationStatus.CONTESTED),
        ([Account("legion", A, True), Account("kremlin", D, False)], AllegationStatus.CONTESTED),
        ([Account("hur", D, True)], AllegationStatus.DENIED),
        ([Account("hur", D, True), Account("yusov", D, True)], AllegationStatus.DENIED),
        ([Account("kremlin", A, False), Account("kremlin", D, False)], AllegationStatus.UNVERIFIED),
    ],
)
def test_derive_status(accounts: list[Account], expected: AllegationStatus | None) -> None:
    assert derive_status(accounts) == expected
