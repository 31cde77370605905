"""Export the schema's SDL to ``schema.graphql`` (committed; a test fails when it drifts).

Run ``python -m actorgraph.api.sdl`` after changing the schema.
"""

from __future__ import annotations

from pathlib import Path

from actorgraph.api.schema import build_schema
from actorgraph.settings import Settings

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schema.graphql"


def sdl() -> str:
    """The schema as SDL; independent of settings (limits are not part of it)."""
    return build_schema(Settings()).as_str() + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(sdl(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
