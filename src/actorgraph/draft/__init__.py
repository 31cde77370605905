"""The drafting assistant: an article in, a dossier draft out, for a person to review before loading.

Pure logic, no Neo4j: known actors are passed in as a list (see ``actorgraph.store.actor_names``).
``draft_text`` makes the suggestions, ``render_dossier`` writes them as a dossier YAML with a comment on
each suggestion, and ``evaluate`` measures a draft against a hand-written dossier.
"""

from actorgraph.draft.candidates import Draft, KnownActor
from actorgraph.draft.language import get_analyzer, spacy_available
from actorgraph.draft.pipeline import draft_text

__all__ = ["Draft", "KnownActor", "draft_text", "get_analyzer", "spacy_available"]
