"""Where the test inputs are."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seed"
DATA = ROOT / "tests" / "data"
SRC = ROOT / "src" / "actorgraph"
EXPLORE = SRC / "cypher" / "explore"
EXPLORE_FILES = sorted(EXPLORE.glob("*.cypher"))
SCREENSHOTS = ROOT / "build" / "screenshots"
