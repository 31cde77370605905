"""Running the real CLI in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.paths import ROOT


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, columns: int = 200
) -> subprocess.CompletedProcess[str]:
    """Run ``actorgraph ARGS`` with this interpreter and the test settings (plus ``env`` overrides)."""
    full_env = {**os.environ, **(env or {}), "COLUMNS": str(columns), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "actorgraph", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
