"""Dossiers as YAML files, as an analyst would write them, for review or for the normal loader.

Imports produce :class:`~actorgraph.model.Dossier` objects; writing them out and reading them back
through ``ingest.read`` is what makes an import "validated like any dossier": the same parser, the
same checks, the same error messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from actorgraph.model import Dossier


class _Dumper(yaml.SafeDumper):
    """Multi-line text (a source's full text) as a readable block; PyYAML falls back to quoting
    whenever a block could not hold the text exactly."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dossier_yaml(dossier: Dossier, header: str = "") -> str:
    """One dossier as YAML text (fields left at their defaults are left out)."""
    data: dict[str, Any] = dossier.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return comment + body


def write_dossiers(dossiers: list[Dossier], folder: Path, header: str = "") -> list[Path]:
    """One file per dossier (``0001-<source id>.yaml``), in load order; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, dossier in enumerate(dossiers, start=1):
        path = folder / f"{i:04d}-{dossier.source.id[:80]}.yaml"
        path.write_text(dossier_yaml(dossier, header), encoding="utf-8")
        paths.append(path)
    return paths
