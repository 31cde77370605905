"""Chains of custody, the pure part: whether the origins an input names are sound, and where a chain ends.

Pure: no I/O. Two doors write chains: the online load and ``recordStatement`` (``store/loader.py``,
which reads the stored part of the chains from the graph first) and the bulk import
(``ingest/bulk.py``, whose database is empty, so every chain is in its input). Both check with
:func:`custody_problems` and so give one rule and one message; the bulk import follows the chains with
:func:`root`, which ends them where the Cypher of the accounts (``store/queries/accounts_of.cypher``)
does, so statuses derived from arrays equal those derived from the graph.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from actorgraph.errors import Problem

#: The longest DERIVED_FROM chain the account queries follow (``[:DERIVED_FROM*0..32]``): beyond it the
#: origin is unknown to them, so it is unknown here too.
MAX_STEPS = 32
#: How far the check walks a chain looking for a loop.
_LOOP_WALK = 64


@dataclass(frozen=True)
class Custody:
    """The origins one input names, as :func:`custody_problems` checks them: a source (written by this
    input with its ``derived_from``, or already stored) and the sources its statements were quoted from.

    The field paths and ``fix`` let each door (a dossier, the API's ``recordStatement``) name its own
    fields and say how to fix them in its own terms, with the one rule and the one message.
    """

    file: str
    source: str
    derived_from: str | None
    #: (field path, source id) of every statement's ``quoted_from`` (id None when not given).
    quoted_from: tuple[tuple[str, str | None], ...] = ()
    #: False when the input names a stored source without rewriting it (its stored link stands).
    writes_source: bool = True
    derived_field: str = "source.derived_from"
    #: How to make an unknown origin known, ``{}`` being "repeats" or "was quoted from".
    fix: str = "load the dossier of the source it {} first or in the same load, or fix the id"


def named_origins(inputs: Sequence[Custody]) -> set[str]:
    """Every source id the inputs name as an origin (``derived_from``, ``quoted_from``)."""
    named = {c.derived_from for c in inputs} | {q for c in inputs for _, q in c.quoted_from}
    return {n for n in named if n is not None}


def custody_problems(inputs: Sequence[Custody], parent: Mapping[str, str | None]) -> list[Problem]:
    """Every ``derived_from``/``quoted_from`` names a known source, none the statement's own, and no chain loops.

    ``parent`` maps every known source (stored, or written by the inputs) to the source it derives from,
    None for a root: the chains as they will be once the inputs are written. Checked whole before the
    first write, as names are: a chain that loops has no origin, and an origin that is nowhere cannot be
    traced, so either would leave statuses that no one could explain.

    >>> custody_problems([Custody("a.yaml", "a", "b"), Custody("b.yaml", "b", "a")], {"a": "b", "b": "a"})[0].message
    'a loop (a -> b -> a): a source cannot derive from its own copy; fix one derived_from'
    """
    problems: list[Problem] = []
    for c in inputs:
        unknown = "unknown source {!r}: " + c.fix
        if c.derived_from is not None and c.derived_from not in parent:
            problems.append(Problem(c.file, c.derived_field, unknown.format(c.derived_from, "repeats")))
        for where, quoted in c.quoted_from:
            if quoted is not None and quoted not in parent:
                problems.append(Problem(c.file, where, unknown.format(quoted, "was quoted from")))
            elif quoted == c.source:
                problems.append(Problem(c.file, where, "names the statement's own source: name the source it was "
                                        "quoted from, or remove it"))  # fmt: skip
        seen = [c.source]
        up = parent.get(c.source)
        while up is not None and up not in seen and len(seen) < _LOOP_WALK:
            seen.append(up)
            up = parent.get(up)
        if up is not None and up in seen:
            loop = " -> ".join([*seen[seen.index(up) :], up])
            problems.append(Problem(c.file, c.derived_field, f"a loop ({loop}): a source cannot derive from "
                                    "its own copy; fix one derived_from"))  # fmt: skip
    return problems


def root(parent: Mapping[str, str | None], start: str) -> tuple[str | None, int]:
    """The root of the chain from ``start`` up ``derived_from`` and its steps; (None, 0) past :data:`MAX_STEPS`.

    A statement's origin is the root from the source it was quoted from, else from its own source; it is a
    copy when it was quoted or that chain has a step (``model/status.py`` says what the rule does with it).

    >>> root({"copy": "post", "post": None}, "copy"), root({}, "post")
    (('post', 1), ('post', 0))
    """
    at, steps = start, 0
    while (up := parent.get(at)) is not None:
        if steps == MAX_STEPS:
            return None, 0
        at, steps = up, steps + 1
    return at, steps


__all__ = ["MAX_STEPS", "Custody", "custody_problems", "named_origins", "root"]
