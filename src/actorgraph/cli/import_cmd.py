"""``actorgraph import stix FILE``: another tool's data, checked and loaded like any dossier.

A bundle is turned into dossiers, which are written as YAML and read back by the normal reader
(every quote found in its source text, every reference resolved), then loaded by the normal loader:
all or nothing. Loading is the default because those checks are the same ones ``actorgraph load``
makes; ``-o DIR`` writes the dossiers for review instead (worth it for a foreign bundle, whose kinds
and predicates were mapped by table), and ``actorgraph load DIR`` loads them afterwards.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from actorgraph.cli.console import console, err_console
from actorgraph.cli.load_cmd import load_checked, print_report
from actorgraph.errors import InvalidInput, Problem
from actorgraph.ingest import read_dossiers
from actorgraph.interop.dossier_yaml import write_dossiers
from actorgraph.interop.stix_import import StixImport, group_counts, read_bundle

app = typer.Typer(
    help="Bring other tools' data in, as checked dossiers: `actorgraph import stix bundle.json`.",
    no_args_is_help=True,
)


HEADER = "Imported from STIX bundle {file} by `actorgraph import stix`; check it, then `actorgraph load` it."


def _summary(result: StixImport, file: Path) -> None:
    counts = group_counts(result)
    shape = "an actorgraph export" if result.own_shape else "a foreign bundle (kinds and predicates mapped by table)"
    console.print(
        f"{file}: {shape} -> {counts['sources']} dossier(s), {counts['allegations']} allegations, "
        f"{counts['statements']} statements"
    )
    for reason, n in sorted(result.skipped.items()):
        console.print(f"  skipped {n} x {reason}")


def register(parent: typer.Typer) -> None:
    parent.add_typer(app, name="import")

    @app.command("stix")
    def import_stix(
        file: Annotated[Path, typer.Argument(help="A STIX 2.1 bundle (JSON): an actorgraph export, or OpenCTI's.")],
        out: Annotated[
            Path | None,
            typer.Option("--out", "-o", help="Write the dossiers (YAML) into this folder for review; load nothing."),
        ] = None,
        check: Annotated[bool, typer.Option("--check", help="Convert and check only; write nothing.")] = False,
    ) -> None:
        """Convert a STIX 2.1 bundle into dossiers, check them like any dossier, then load them.

        Reports become sources, notes on relationships become statements (the note's text is the quote,
        its author the speaker), relationships become allegations, opinions verdicts. What cannot become
        a statement is skipped and counted. Nothing is loaded unless every dossier passes every check.

        Examples: `actorgraph import stix graph.stix.json`; `actorgraph import stix opencti.json -o review/`
        then `actorgraph load review/`.
        """
        if not file.is_file():
            raise InvalidInput([Problem(str(file), "", "file not found: check the path")])
        result = read_bundle(file.read_text(encoding="utf-8"), name=str(file))
        _summary(result, file)
        header = HEADER.format(file=file.name)
        if out is not None:
            paths = write_dossiers(result.dossiers, out, header)
            try:
                read_dossiers(paths)  # the same checks as `actorgraph load --check`
            except InvalidInput as exc:
                for problem in exc.problems:
                    err_console.print(f"  {problem}", highlight=False, soft_wrap=True)
                err_console.print(f"[bold red]error:[/] the dossiers in {out} have {len(exc.problems)} problem(s): "
                                  f"fix them there, then `actorgraph load {out}`", highlight=False)  # fmt: skip
                raise typer.Exit(2) from exc
            console.print(f"wrote {len(paths)} dossier(s) to {out}: every check passed; load them with "
                          f"`actorgraph load {out}`")  # fmt: skip
            return
        with tempfile.TemporaryDirectory(prefix="actorgraph-import-") as tmp:
            prepared = read_dossiers(write_dossiers(result.dossiers, Path(tmp), header))
            if check:
                console.print(f"{len(prepared)} dossier(s): every check passed (nothing written).")
                return
            report = load_checked(prepared)
        print_report(report)
