"""Alias resolution: a dossier's actors matched to actors the graph already knows, by normalised name.

Pure. The store fills a :class:`NameIndex` from the graph (``store/loader.py``); ingest and the
loader ask it how each dossier actor resolves. Names compare by :func:`actorgraph.model.ids.name_key`
(case, accents, punctuation and spacing ignored).

Actors an analyst marked "not the same" (``markDistinct``) are never folded by a name: a dossier may
not give one of them a name that already finds the other (later dossiers naming it would then find
both, and a merge would be one click away); the load stops with the name and the fix instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph.errors import Problem
from actorgraph.model.dossier import PreparedDossier


@dataclass(frozen=True)
class Resolved:
    """A dossier actor that turned out to be an actor already known under another id."""

    file: str
    dossier_id: str
    name: str
    actor_id: str
    actor_name: str


class NameIndex:
    """Normalised name -> actor ids, for resolving a dossier's actors to known ones.

    >>> index = NameIndex()
    >>> index.add("hur", "HUR", ["hur", "main intelligence directorate"])
    >>> sorted(index.by_key["hur"])
    ['hur']
    """

    def __init__(self) -> None:
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, str] = {}
        #: Actor id -> the actors marked not the same as it.
        self.distinct: dict[str, set[str]] = defaultdict(set)

    def add(self, actor_id: str, name: str, keys: Iterable[str]) -> None:
        self.names[actor_id] = name
        for key in keys:
            self.by_key[key].add(actor_id)

    def mark_distinct(self, a: str, b: str) -> None:
        self.distinct[a].add(b)
        self.distinct[b].add(a)

    def _folds(self, path: str, i: int, name: str, target: str, keys: Iterable[str]) -> list[Problem]:
        """A name of the dossier actor (resolved to ``target``) that already finds an actor marked distinct from it."""
        out = []
        for key in sorted(keys):
            for other in sorted(self.by_key.get(key, set()) & self.distinct.get(target, set())):
                message = (f"{name!r} ({target}) has a name ({key!r}) of {other!r}, marked not the same: "
                           "drop that name, or unmarkDistinct them if they are one")  # fmt: skip
                out.append(Problem(path, f"actors[{i}]", message))
        return out

    def resolve(self, prepared: PreparedDossier) -> tuple[dict[str, str], list[Resolved], list[Problem]]:
        """Map each dossier actor id to the stored id (itself unless a name/alias matches another actor)."""
        mapping: dict[str, str] = {}
        resolved: list[Resolved] = []
        problems: list[Problem] = []
        for i, actor in enumerate(prepared.dossier.actors):
            if actor.id in self.names:
                mapping[actor.id] = actor.id
                problems += self._folds(str(prepared.path), i, actor.name, actor.id, actor.name_keys())
                continue
            matches = sorted({m for key in actor.name_keys() for m in self.by_key.get(key, ())})
            if len(matches) > 1:
                problems.append(
                    Problem(
                        str(prepared.path),
                        f"actors[{i}]",
                        f"{actor.name!r} matches several known actors ({', '.join(matches)}): use one of their ids",
                    )
                )
                continue
            target = matches[0] if matches else actor.id
            mapping[actor.id] = target
            problems += self._folds(str(prepared.path), i, actor.name, target, actor.name_keys())
            if matches:
                resolved.append(Resolved(str(prepared.path), actor.id, actor.name, target, self.names[target]))
        return mapping, resolved, problems

    def learn(self, prepared: PreparedDossier, mapping: dict[str, str]) -> None:
        """Add a dossier's actors as if written, so later dossiers of the same load resolve to them."""
        for actor in prepared.dossier.actors:
            stored = mapping.get(actor.id, actor.id)
            self.add(stored, self.names.get(stored, actor.name), actor.name_keys())
