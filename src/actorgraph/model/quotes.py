"""Where a quote sits in its source text: the check every statement passes, from a dossier or the API.

Pure. A statement's quote must be verbatim in the source; its offsets are filled in when absent and
checked when given, so any reader can find the words again at ``text[start:end]``.
"""

from __future__ import annotations

#: (start, end) of a quote in its source text.
Span = tuple[int, int]


def locate_quote(
    text: str, quote: str, start: int | None, end: int | None, occurrence: int = 1
) -> tuple[Span | None, str, str]:
    """Where ``quote`` is in ``text``: ``((start, end), "", "")`` or ``(None, field, what to fix)``.

    Given offsets are checked; missing ones are filled with the ``occurrence``-th match.

    >>> locate_quote("He said no. He said no.", "said no", None, None, occurrence=2)
    ((15, 22), '', '')
    >>> locate_quote("He said no.", "said yes", None, None)[1]
    'quote'
    """
    if start is not None and end is not None:
        if text[start:end] == quote:
            return (start, end), "", ""
        found = text.find(quote)
        hint = f"the quote is at {found}..{found + len(quote)}" if found >= 0 else "the quote is not there"
        return None, "start", f"offsets {start}..{end} do not match the quote ({hint}): fix or remove start/end"
    if (start is None) != (end is None):
        return None, "end", "give both start and end, or neither"
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            break
    if pos < 0:
        if occurrence == 1:
            return (
                None,
                "quote",
                "not found verbatim in the source text: copy it exactly (same spelling, punctuation, spaces)",
            )
        return None, "quote", f"occurrence {occurrence} not found in the source text: lower `occurrence`"
    return (pos, pos + len(quote)), "", ""
