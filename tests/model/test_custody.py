"""The pure chain-of-custody rule (``model/custody.py``): what both the online load and the bulk import check
and follow."""

from __future__ import annotations

from actorgraph.model.custody import MAX_STEPS, Custody, custody_problems, root


def test_a_chain_ends_where_the_account_queries_end_it() -> None:
    """Up to MAX_STEPS steps (the Cypher's ``DERIVED_FROM*0..32``); beyond it, and in a loop, no origin."""
    chain = {f"s{i}": f"s{i + 1}" for i in range(MAX_STEPS)}  # s0 -> ... -> s32, a root
    assert root(chain, "s0") == (f"s{MAX_STEPS}", MAX_STEPS)
    chain[f"s{MAX_STEPS}"] = "beyond"
    assert root(chain, "s0") == (None, 0)
    assert root({"a": "b", "b": "a"}, "a") == (None, 0)  # ends, though a checked load never gets here


def test_every_broken_chain_is_named_by_file_and_field() -> None:
    parent = {"post": None, "copy": "post", "a": "b", "b": "a", "herald": None}
    inputs = [
        Custody("copy.yaml", "copy", "post", (("statements[0].quoted_from", None),)),
        Custody("a.yaml", "a", "b"),
        Custody("herald.yaml", "herald", None, (("statements[0].quoted_from", "nowhere"),
                                                ("statements[1].quoted_from", "herald"))),
        Custody("x.yaml", "x", "missing"),
    ]  # fmt: skip
    got = [(p.file, p.path, p.message.split(":")[0]) for p in custody_problems(inputs, parent)]
    assert got == [
        ("a.yaml", "source.derived_from", "a loop (a -> b -> a)"),
        ("herald.yaml", "statements[0].quoted_from", "unknown source 'nowhere'"),
        ("herald.yaml", "statements[1].quoted_from", "names the statement's own source"),
        ("x.yaml", "source.derived_from", "unknown source 'missing'"),
    ]
