"""A dossier's ``text_file`` stays inside the dossier's folder (issue 11, "Found": /etc/passwd loaded).

No server needed: the check happens while reading, before anything could be written, and
``load --check`` reports it with exit code 2 like every other problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.errors import InvalidInput
from actorgraph.ingest.read import read_dossier
from tests.support.cli import run_cli

DOSSIER = """\
source: {{id: src, kind: ARTICLE, title: A report, text_file: {text_file}}}
actors:
  - {{id: front, name: The Front, kind: ARMED_GROUP}}
  - {{id: ministry, name: The Ministry, kind: GOVERNMENT}}
allegations:
  - {{id: attack, subject: front, predicate: ATTACKED, object: ministry, summary: An attack.}}
statements:
  - {{speaker: ministry, allegation: attack, stance: AFFIRMS, quote: "root"}}
"""


def _dossier(folder: Path, text_file: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "case.yaml"
    path.write_text(DOSSIER.format(text_file=text_file), encoding="utf-8")
    return path


def _problem(path: Path) -> str:
    with pytest.raises(InvalidInput) as info:
        read_dossier(path)
    (problem,) = info.value.problems
    assert problem.path == "source.text_file"
    return problem.message


def test_a_file_beside_or_below_the_dossier_is_read(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("the root of it", encoding="utf-8")
    (tmp_path / "b.txt").write_text("root and branch", encoding="utf-8")
    assert read_dossier(_dossier(tmp_path, "texts/a.txt")).source_text == "the root of it"
    assert read_dossier(_dossier(tmp_path, "b.txt")).source_text == "root and branch"


def test_absolute_paths_are_refused(tmp_path: Path) -> None:
    """The probe of the issue: /etc/passwd passed `load --check` and became a source text."""
    assert "leaves the dossier's folder" in _problem(_dossier(tmp_path, "/etc/passwd"))


def test_dot_dot_is_refused_even_when_it_comes_back(tmp_path: Path) -> None:
    (tmp_path / "case" / "t.txt").parent.mkdir(parents=True)
    (tmp_path / "case" / "t.txt").write_text("root", encoding="utf-8")
    assert "without `..`" in _problem(_dossier(tmp_path / "case", "../case/t.txt"))
    assert "without `..`" in _problem(_dossier(tmp_path / "case", "../../../../etc/passwd"))


def test_symlinks_leaving_the_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0", encoding="utf-8")
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "t.txt").symlink_to(outside)
    (folder / "d").symlink_to(tmp_path)
    assert "outside the dossier's folder" in _problem(_dossier(folder, "t.txt"))
    assert "outside the dossier's folder" in _problem(_dossier(folder, "d/secret.txt"))
    (folder / "inside.txt").write_text("root inside", encoding="utf-8")
    (folder / "link.txt").symlink_to(folder / "inside.txt")
    assert read_dossier(_dossier(folder, "link.txt")).source_text == "root inside"


def test_missing_folder_and_binary_files_are_one_line_each(tmp_path: Path) -> None:
    assert "not found" in _problem(_dossier(tmp_path, "nope.txt"))
    (tmp_path / "sub").mkdir()
    assert "not found" in _problem(_dossier(tmp_path, "sub"))
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe root \x80")
    assert "not UTF-8" in _problem(_dossier(tmp_path, "bin.txt"))


def test_load_check_refuses_etc_passwd_with_exit_2(tmp_path: Path) -> None:
    result = run_cli("load", "--check", str(_dossier(tmp_path, "/etc/passwd")))
    assert result.returncode == 2
    assert "source.text_file" in result.stderr and "root:" not in result.stdout + result.stderr
