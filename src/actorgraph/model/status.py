"""Deriving an allegation's status from who affirms and who denies it, and saying why. Pure: no I/O.

This function is the specification and the only implementation: after every write the store reads
the accounts a change can affect and applies it through :func:`actorgraph.model.derivation.derive_statuses`,
so graph and rule cannot disagree (``docs/design.md``, section "Derivation rules").

**Independent corroboration.** Two outlets repeating one Telegram post are one account told twice, not
two. So each affirmation carries its *origin*: the root of its chain of custody (the source it was
quoted from, else its own source, followed up ``derived_from`` to a source that derives from none), and
whether it is a *copy* (the chain had at least one step) or *first-hand* (recorded where it was said).
A first-hand affirmation's origin is its source *and its voice* (two officials quoted by one reporter are
two origins); a copy's origin is its root source alone, which matches every voice recorded there (the
outlet repeating a post repeats what the post said, whoever said it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from actorgraph.model.vocabulary import AllegationStatus, Stance

#: An origin as the rule compares them: (root source, voice) first-hand, (root source, None) for a copy.
Origin = tuple[str, str | None]


@dataclass(frozen=True)
class Position:
    """One account reduced to what status depends on: whose voice, which stance, from which side, from where."""

    voice: str
    stance: Stance
    #: True when the voice is the allegation's subject or speaks for / is part of it.
    own_side: bool
    #: The root source of the statement's chain of custody; None when unknown (then it is its own origin).
    origin: str | None = None
    #: True when the statement repeats its origin (named ``quoted_from``, or its source ``derived_from``).
    copied: bool = False

    @property
    def origin_key(self) -> Origin:
        """The origin as the rule compares it (an unknown origin is the voice's own: independent of all others)."""
        if self.origin is None:
            return (f"?{self.voice}", self.voice)
        return (self.origin, None if self.copied else self.voice)


def same_origin(a: Origin, b: Origin) -> bool:
    """Two origins are one when their root sources are, unless both are first-hand by different voices.

    >>> same_origin(("post", None), ("post", "channel")), same_origin(("report", "a"), ("report", "b"))
    (True, False)
    """
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


@dataclass(frozen=True)
class Voice:
    """One affirming voice as the corroboration rule saw it: its origins and, if it was not counted, why."""

    voice: str
    origins: tuple[str, ...]
    first_hand: bool
    why: str | None = None
    own_side: bool = False


@dataclass(frozen=True)
class StatusReason:
    """Why an allegation has its status: who was counted, who was not and why, who denies."""

    status: AllegationStatus | None
    counted: tuple[Voice, ...] = ()
    discounted: tuple[Voice, ...] = ()
    denying: tuple[str, ...] = ()
    summary: str = ""
    #: Statements retracted by their own voice: (statement, voice, the statement that superseded it).
    superseded: tuple[tuple[str, str, str], ...] = ()


def with_superseded(reason: StatusReason, gone: Iterable[tuple[str, str, str]]) -> StatusReason:
    """The reason with the retracted statements it did not count, named in its summary.

    >>> with_superseded(StatusReason(None, summary="no statement"), [("s1", "agency", "s2")]).summary
    'no statement; superseded s1 (agency, retracted by s2)'
    """
    items = tuple(sorted(gone))
    if not items:
        return reason
    line = "superseded " + "; ".join(f"{sid} ({voice}, retracted by {by})" for sid, voice, by in items)
    return replace(reason, superseded=items, summary=f"{reason.summary}; {line}")


def _origin_names(keys: Iterable[Origin]) -> tuple[str, ...]:
    return tuple(sorted({k[0] for k in keys if not k[0].startswith("?")}))


def explain_status(positions: Iterable[Position]) -> StatusReason:
    """The status of an allegation given the positions taken on it, with the reason.

    - DENIED: only denials.
    - CONTESTED: affirmed and denied by different voices.
    - SELF_CLAIMED: affirmed only by the subject's own side.
    - CORROBORATED: at least two independent voices count, none deny.
    - UNVERIFIED: one independent voice counts.

    Independent voices (not the subject's own side) are taken first-hand first, then by id; one *counts*
    when some origin of it differs (:func:`same_origin`) from some origin of every voice counted before
    it; otherwise it is discounted as a copy of an origin already counted. A voice whose every origin is
    one of the subject's own side's (an outlet repeating the group's own post) is discounted too: it
    witnesses nothing the claim did not already say.

    >>> p = [Position("outlet-a", Stance.AFFIRMS, False, "post", True),
    ...      Position("outlet-b", Stance.AFFIRMS, False, "post", True)]
    >>> reason = explain_status(p)
    >>> reason.status, [v.voice for v in reason.discounted]
    (<AllegationStatus.UNVERIFIED: 'UNVERIFIED'>, ['outlet-b'])
    """
    affirming: set[str] = set()
    denying: set[str] = set()
    own: set[str] = set()
    own_origins: set[Origin] = set()
    origins: dict[str, set[Origin]] = {}
    for pos in positions:
        if pos.stance is Stance.AFFIRMS:
            affirming.add(pos.voice)
            if pos.own_side:
                own.add(pos.voice)
                own_origins.add(pos.origin_key)
            else:
                origins.setdefault(pos.voice, set()).add(pos.origin_key)
        else:
            denying.add(pos.voice)
    independent = {v: keys for v, keys in origins.items() if v not in own}
    counted: list[tuple[str, set[Origin]]] = []
    discounted: list[Voice] = []
    order = sorted(independent, key=lambda v: (all(k[1] is None for k in independent[v]), v))
    for voice in order:
        keys = independent[voice]
        repeats = [c for c, theirs in counted if all(same_origin(k, t) for k in keys for t in theirs)]
        first_hand = any(k[1] is not None for k in keys)
        if own_origins and all(any(same_origin(k, o) for o in own_origins) for k in keys):
            why = f"it repeats the subject's own claim ({', '.join(_origin_names(keys))})"
            discounted.append(Voice(voice, _origin_names(keys), first_hand, why))
        elif repeats:
            why = f"its origin ({', '.join(_origin_names(keys)) or voice}) is already counted for {repeats[0]}"
            discounted.append(Voice(voice, _origin_names(keys), first_hand, why))
        else:
            counted.append((voice, keys))
    discounted += [
        Voice(v, (), False, "the subject's own side: a claim about itself, not corroboration", own_side=True)
        for v in sorted(own)
    ]
    status = _status(affirming, denying, len(counted))
    voices = tuple(Voice(v, _origin_names(k), any(o[1] is not None for o in k)) for v, k in counted)
    return StatusReason(status, voices, tuple(discounted), tuple(sorted(denying)), _summary(status, voices, discounted))


def _status(affirming: set[str], denying: set[str], counted: int) -> AllegationStatus | None:
    if not affirming and not denying:
        return None
    if not affirming:
        return AllegationStatus.DENIED
    if denying and len(affirming | denying) >= 2:
        return AllegationStatus.CONTESTED
    if counted == 0:
        return AllegationStatus.SELF_CLAIMED
    if counted >= 2:
        return AllegationStatus.CORROBORATED
    return AllegationStatus.UNVERIFIED


def _summary(status: AllegationStatus | None, counted: tuple[Voice, ...], discounted: list[Voice]) -> str:
    """One readable sentence: the status, the independent voices with their origins, who was not counted."""
    if status is None:
        return "no statement"
    parts: list[str] = []
    if counted:
        parts.append("counted " + "; ".join(f"{v.voice} (origin {', '.join(v.origins) or 'its own'})" for v in counted))
    copies = [v for v in discounted if not v.own_side]
    if copies:
        parts.append("not counted " + "; ".join(f"{v.voice}: {v.why}" for v in copies))
    own = [v.voice for v in discounted if v.own_side]
    if own:
        parts.append("own side " + ", ".join(own))
    return f"{status.value}: " + "; ".join(parts) if parts else status.value


def derive_status(positions: Iterable[Position]) -> AllegationStatus | None:
    """The status of an allegation given the positions taken on it; None when there are none.

    The rule and its reason are one function (:func:`explain_status`), so a status never disagrees with
    the reason shown for it.

    >>> derive_status([Position("kremlin", Stance.AFFIRMS, False), Position("hur", Stance.DENIES, True)])
    <AllegationStatus.CONTESTED: 'CONTESTED'>
    """
    return explain_status(positions).status
