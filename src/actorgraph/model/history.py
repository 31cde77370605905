"""Audit records: who changed what, when and why, kept beside the data so every change can be read back. Pure.

Every load transaction and every mutation writes one ``:Change`` node in its own transaction (so a
record exists exactly when its change committed), linked ``-[:CHANGED]->`` to one ``:ChangeKey {id}``
per node id it touched. ``history(id)`` starts from the unique ``ChangeKey`` (one index seek) and
walks only that id's records, however many changes the graph holds; a key outlives the node it names,
so an actor merged away still has its history. A merge keeps what undoing it needs (``undo``, JSON:
the absorbed actor, its statements, the allegations re-keyed with their statements), because folding
allegations together loses which statement was on which; nomenklatura keeps its merge decisions the
same way, "not the same" included (``DISTINCT_FROM`` between actors, see ``store/history.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from actorgraph.errors import InvalidInput, Problem
from actorgraph.model.dump_format import decode_props, encode_props


class Action(StrEnum):
    """What kind of change a record is about."""

    LOAD = "load"
    BULK_LOAD = "bulk-load"
    CREATE_ACTOR = "create-actor"
    UPDATE_ACTOR = "update-actor"
    ADD_ALIAS = "add-alias"
    MERGE = "merge"
    UNMERGE = "unmerge"
    MARK_DISTINCT = "mark-distinct"
    UNMARK_DISTINCT = "unmark-distinct"
    RECORD_STATEMENT = "record-statement"
    SET_VERDICT = "set-verdict"


#: Who a change is attributed to when nobody is known (the API with no credentials, which only reads).
ANONYMOUS = "anonymous"


def change_id(at: dt.datetime) -> str:
    """A fresh id that sorts by time (newest last), unique across writers by its random tail.

    >>> change_id(dt.datetime(2030, 1, 2, 3, 4, 5, 6, tzinfo=dt.UTC))[:26]
    'chg_20300102T030405000006_'
    """
    return f"chg_{at.astimezone(dt.UTC):%Y%m%dT%H%M%S%f}_{secrets.token_hex(4)}"


def require_reason(reason: str | None, field_name: str = "reason") -> str:
    """The reason stripped; InvalidInput naming the field when it is missing or blank.

    >>> require_reason("  same ministry ")
    'same ministry'
    """
    text = (reason or "").strip()
    if not text:
        raise InvalidInput([Problem("input", field_name, "say why (a non-blank reason is kept in the history)")])
    return text


@dataclass(frozen=True)
class Change:
    """One audit record as read back: the newest first in a history."""

    id: str
    at: dt.datetime
    who: str
    action: str
    reason: str | None
    summary: str
    #: How many ids the change touched (each has this record in its history).
    touched: int = 0


@dataclass
class MergeUndo:
    """What restoring a merge exactly needs, taken before the merge ran.

    ``allegations`` holds every allegation the merge re-keyed or folded into, as it was: id, labels,
    properties, subject, object and its statement ids; ``became`` maps each re-keyed id to its new one.
    """

    keep: str
    merged: str
    labels: list[str]
    props: dict[str, Any]
    made: list[str]
    spoken_for: list[str]
    added_aliases: list[str]
    added_keys: list[str]
    distinct: list[dict[str, Any]]
    added_distinct: list[str]
    allegations: list[dict[str, Any]]
    became: dict[str, str]

    def to_json(self) -> str:
        data = {**self.__dict__, "props": encode_props(self.props),
                "allegations": [{**a, "props": encode_props(a["props"])} for a in self.allegations],
                "distinct": [{**d, "props": encode_props(d["props"])} for d in self.distinct]}  # fmt: skip
        return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> MergeUndo:
        data = json.loads(text)
        data["props"] = decode_props(data["props"])
        data["allegations"] = [{**a, "props": decode_props(a["props"])} for a in data["allegations"]]
        data["distinct"] = [{**d, "props": decode_props(d["props"])} for d in data["distinct"]]
        return cls(**data)


__all__ = ["ANONYMOUS", "Action", "Change", "MergeUndo", "change_id", "require_reason"]
