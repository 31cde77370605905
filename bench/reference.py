"""The reference set: hand-written expectations checked against the reports, and the score card.

Each ``tests/data/reference/expected/*.yaml`` names its dossiers and what a person expected from them
before running the reports (``tests/data/reference/README.md`` says how to read one). ``check`` turns one
case's expectations and the reports' findings into single checks; ``tests/analytics/test_reference.py``
runs them on the test server, and this module's ``main`` writes the score card the README quotes::

    NEO4J_URI=bolt://127.0.0.1:7705 ACTORGRAPH_HTTP_PORT=7405 NEO4J_PASSWORD=actorgraph-test \\
        .venv/bin/python -m bench.reference          # wipes that server's graph: never the dev or test one
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from actorgraph.analytics.camps import CampRow, CampsResult, camps
from actorgraph.analytics.centrality import CentralityResult, centrality
from actorgraph.analytics.contested import contested
from actorgraph.model.ids import allegation_id

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "data" / "reference" / "expected"
CARD = ROOT / "bench" / "results" / "reference.md"
FINDINGS = {"narrative_camps": "narrative camps", "hostility_camps": "hostility camps", "contested": "contested",
            "top_accusers": "top accusers"}  # fmt: skip


@dataclass(frozen=True)
class Case:
    name: str
    expected_file: Path
    dossiers: list[Path]
    expected: dict[str, Any]

    @property
    def allegations(self) -> dict[str, str]:
        """The dossiers' own allegation names -> stored ids (derived from subject, predicate, object)."""
        out: dict[str, str] = {}
        for path in self.dossiers:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            for a in doc.get("allegations", []):
                out[a["id"]] = allegation_id(a["subject"], a["predicate"], a["object"])
        return out


def cases(folder: Path = REFERENCE) -> list[Case]:
    """Every case of the reference set, in file-name order."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(Case(expected["case"], path, [ROOT / d for d in expected["dossiers"]], expected))
    return out


@dataclass(frozen=True)
class Findings:
    """What the reports say about one case, with reporting voices left out and counted."""

    narrative: CampsResult
    hostility: CampsResult
    contested: list[str]
    accusers: CentralityResult
    narrative_with_reporters: CampsResult
    hostility_with_reporters: CampsResult
    accusers_with_reporters: CentralityResult


def findings(graph: nx.MultiDiGraph, seed: int = 0) -> Findings:
    """Run the reports the expectations speak of on a graph projected with its accounts."""
    return Findings(
        narrative=camps(graph, by="narrative", seed=seed),
        hostility=camps(graph, by="hostility", seed=seed),
        contested=[r.allegation for r in contested(graph)],
        accusers=centrality(graph, seed=seed),
        narrative_with_reporters=camps(graph, by="narrative", seed=seed, include_reporters=True),
        hostility_with_reporters=camps(graph, by="hostility", seed=seed, include_reporters=True),
        accusers_with_reporters=centrality(graph, seed=seed, include_reporters=True),
    )


@dataclass(frozen=True)
class Check:
    case: str
    finding: str
    subject: str
    expected: str
    got: str
    ok: bool
    miss_reason: str | None = field(default=None, compare=False)
    """Why this expectation is a known miss (from the case's ``misses:``), if it is one."""


def _placement(row: CampRow | None) -> str:
    if row is None:
        return "absent"
    if row.camp is not None:
        return f"camp {row.camp} (part {row.component})"
    if row.leaning is not None:
        return f"undetermined (leans {row.leaning})"
    return "unplaced"


def _camp_checks(case: str, finding: str, spec: dict[str, Any], result: CampsResult) -> list[Check]:
    rows = {r.actor: r for r in result.rows}
    out: list[Check] = []
    sides: list[list[str]] = spec.get("sides", [])
    letters: list[tuple[str | None, int | None]] = []
    for side in sides:
        shown = [(rows[a].camp, rows[a].component) for a in side if a in rows and rows[a].camp is not None]
        letters.append(Counter(shown).most_common(1)[0][0] if shown else (None, None))
    for i, side in enumerate(sides):
        mine = letters[i]
        others = [letters[j] for j in range(len(sides)) if j != i]
        apart = all(o[1] == mine[1] and o[0] != mine[0] for o in others if o[0] is not None)
        for actor in side:
            row = rows.get(actor)
            ok = row is not None and row.camp is not None and (row.camp, row.component) == mine and apart
            with_whom = ", ".join(a for a in side if a != actor) or "its side alone"
            out.append(Check(case, finding, actor, f"placed with {with_whom}, against the other side",
                             _placement(row), ok))  # fmt: skip
    for actor in spec.get("undetermined", []):
        row = rows.get(actor)
        out.append(Check(case, finding, actor, "undetermined", _placement(row), row is not None and row.undetermined))
    for actor in spec.get("unplaced", []):
        row = rows.get(actor)
        ok = row is not None and row.leaning is None
        out.append(Check(case, finding, actor, "unplaced", _placement(row), ok))
    return out


def _ranked_checks(case: str, finding: str, head: Sequence[Any], ranking: list[str], only: bool | None,
                   names: dict[str, str]) -> list[Check]:  # fmt: skip
    out: list[Check] = []
    local = {stored: mine for mine, stored in names.items()}
    position = 0
    for group in head:
        members = [group] if isinstance(group, str) else list(group)
        got = ranking[position : position + len(members)]
        shown = ", ".join(local.get(g, g) for g in got) or "nothing"
        where = f"rank {position + 1}" + (f"-{position + len(members)}" if len(members) > 1 else "")
        for member in members:
            out.append(Check(case, finding, member, where, shown, names.get(member, member) in got))
        position += len(members)
    if only is not None:
        out.append(Check(case, finding, "(nothing else)", f"{position} in all", f"{len(ranking)} in all",
                         (len(ranking) == position) == bool(only)))  # fmt: skip
    return out


def check(case: Case, found: Findings) -> list[Check]:
    """Every single expectation of ``case`` against ``found``, misses marked with their reason."""
    exp = case.expected
    out: list[Check] = []
    for key, result in (("narrative_camps", found.narrative), ("hostility_camps", found.hostility)):
        if key in exp:
            out += _camp_checks(case.name, FINDINGS[key], exp[key], result)
    if "contested" in exp:
        spec = exp["contested"]
        out += _ranked_checks(case.name, "contested", spec.get("head", []), found.contested, spec.get("only"),
                              case.allegations)  # fmt: skip
    if "top_accusers" in exp:
        ranked = [r.actor for r in found.accusers.rows if r.accusations_made]
        out += _ranked_checks(case.name, "top accusers", exp["top_accusers"], ranked, None, {})
    with_reporters = exp.get("including_reporters", {})
    for key, result in (("narrative_camps", found.narrative_with_reporters),
                        ("hostility_camps", found.hostility_with_reporters)):  # fmt: skip
        if key in with_reporters:
            out += _camp_checks(case.name, FINDINGS[key] + ", reporters counted", with_reporters[key], result)
    misses = {(m["finding"], m["subject"]): m["why"] for m in exp.get("misses", [])}
    return [
        Check(c.case, c.finding, c.subject, c.expected, c.got, c.ok, misses.get((c.finding, c.subject))) for c in out
    ]


def score_card(checks: Sequence[Check]) -> str:
    """The score card as Markdown: per case and finding, how many expectations the reports reproduce."""
    by_case: dict[str, list[Check]] = {}
    for c in checks:
        by_case.setdefault(c.case, []).append(c)
    passed = sum(c.ok for c in checks)
    lines = [
        "# Reference set: expectations reproduced",
        "",
        f"**{passed} of {len(checks)}** expectations reproduced (written by hand before the reports ran; "
        "`tests/data/reference/`). Regenerate with `python -m bench.reference`.",
        "",
        "| case | finding | reproduced |",
        "|---|---|---:|",
    ]
    for case, found in by_case.items():
        for finding in dict.fromkeys(c.finding for c in found):
            these = [c for c in found if c.finding == finding]
            lines.append(f"| {case} | {finding} | {sum(c.ok for c in these)} of {len(these)} |")
    missed = [c for c in checks if not c.ok]
    lines += ["", "## Misses", ""]
    if not missed:
        lines.append("None.")
    for c in missed:
        why = c.miss_reason or "not explained yet"
        lines.append(f"- {c.case}, {c.finding}, `{c.subject}`: expected {c.expected}, got {c.got}. {why}")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Load each case alone into the server of NEO4J_URI (wiping it), check it, write the score card."""
    from actorgraph.analytics.projection import project
    from actorgraph.ingest import load_paths
    from actorgraph.settings import get_settings
    from actorgraph.store.core import Store
    from actorgraph.store.schema import init_schema, wipe
    from bench.run import own_server

    settings = get_settings()
    if not own_server(settings, "the reference check"):
        return 2
    checks: list[Check] = []
    with Store.connect(settings) as store:
        init_schema(store)
        for case in cases():
            wipe(store)
            load_paths(store, case.dossiers)
            checks += check(case, findings(project(store, accounts=True, every_account=True)))
    CARD.write_text(score_card(checks), encoding="utf-8")
    print(score_card(checks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
