"""The layering is enforced, not described: every module imports alone, and the import contracts
(``[tool.importlinter]`` in pyproject.toml) hold — and break when a module imports upwards."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import actorgraph
from tests.support.paths import ROOT, SRC

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MODULES = sorted(m.name for m in pkgutil.walk_packages(actorgraph.__path__, "actorgraph."))


#: Run in a fresh interpreter: import the third-party libraries the package uses (slow, and not ours),
#: then for each of our modules fork a child in which that module is the first of ours to be imported.
#: A circular import shows only then; forking keeps it to one interpreter start for all modules.
FIRST_IMPORT = """
import ast, importlib, os, pathlib, sys, traceback
src, modules = pathlib.Path(sys.argv[1]), sys.argv[2:]
third = set()
for path in src.rglob("*.py"):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
        third |= {n.split(".")[0] for n in names}
for name in sorted(third - set(sys.stdlib_module_names) - {"actorgraph"}):
    importlib.import_module(name)
assert not [m for m in sys.modules if m.startswith("actorgraph")], "preloading imported actorgraph"
failed = 0
for module in modules:
    pid = os.fork()
    if pid == 0:
        try:
            if module.endswith("__main__"):  # importing it runs the CLI: ask for its help instead
                sys.argv = ["actorgraph", "--help"]
            importlib.import_module(module)
        except SystemExit as exc:
            os._exit(0 if not exc.code else 1)
        except BaseException:
            print(module, "->", traceback.format_exc().strip().splitlines()[-1], flush=True)
            os._exit(1)
        os._exit(0)
    failed += os.waitpid(pid, 0)[1] != 0
sys.exit(1 if failed else 0)
"""


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    """A circular import shows only when a module is the first of the package imported."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_IMPORT, str(SRC), *MODULES],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_fresh_import_check_catches_a_cycle(tmp_path: Path) -> None:
    """The check above can fail: two modules importing each other's names fail when one is first."""
    pkg = tmp_path / "cyclic"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from cyclic.b import B\nA = 1\n")
    (pkg / "b.py").write_text("from cyclic.a import A\nB = 2\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_IMPORT.replace('"actorgraph"', '"cyclic"'), str(pkg), "cyclic.a"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "ImportError" in done.stdout


def _lint_imports(config: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache", "--no-logo"],
        capture_output=True, text=True, env=env, cwd=config.parent, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package and of the contracts, to break on purpose."""
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} missing: `make install` installs import-linter (dev extra)")
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(SRC, root / "src" / "actorgraph", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_contracts_hold(package_copy: Path) -> None:
    done = _lint_imports(package_copy / "pyproject.toml", package_copy / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("model/_upward.py", "import actorgraph.store.core", "Layers"),
        ("store/_upward.py", "from actorgraph.ingest import read", "Layers"),
        ("analytics/_sideways.py", "import actorgraph.ingest.read", "Layers"),
        ("api/_driver.py", "import neo4j", "Only store/ talks to Neo4j"),
        ("model/_io.py", "import yaml", "model/ is pure"),
    ],
)
def test_a_wrong_import_breaks_a_contract(package_copy: Path, module: str, line: str, contract: str) -> None:
    bad = package_copy / "src" / "actorgraph" / module
    bad.write_text(f'"""Added by a test: an import the layering forbids."""\n\n{line}\n', encoding="utf-8")
    try:
        done = _lint_imports(package_copy / "pyproject.toml", package_copy / "src")
    finally:
        bad.unlink()
    assert done.returncode != 0
    assert f"{contract}" in done.stdout and "BROKEN" in done.stdout
