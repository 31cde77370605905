"""The `analyze` command line: refused before anything is read, and its CSV/JSON renderings."""

from __future__ import annotations

import json

import pytest

from actorgraph.analytics import REPORTS
from actorgraph.analytics.contested import ContestedRow
from actorgraph.cli.analyze_cmd import REPORT_NAMES, _choices, _date, check_usage, to_csv, to_json
from actorgraph.errors import UsageError
from actorgraph.model.vocabulary import Predicate


def test_report_names_match_the_reports() -> None:
    assert set(REPORT_NAMES) == set(REPORTS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nonsense", [], "table", False), "choose one of centrality"),
        (("ego", [], "table", False), "actorgraph analyze ego ACTOR"),
        (("path", ["a"], "table", False), "actorgraph analyze path FROM TO"),
        (("camps", [], "xml", False), "--format 'xml'"),
        (("contested", [], "table", True), "centrality or camps"),
    ],
)
def test_bad_usage_is_refused_with_the_fix(args: tuple[str, list[str], str, bool], message: str) -> None:
    with pytest.raises(UsageError, match=message) as caught:
        check_usage(*args)
    assert caught.value.exit_code == 2


def test_options_are_checked() -> None:
    assert _choices(["controlled_by"], Predicate, "--predicate") == (Predicate.CONTROLLED_BY,)
    with pytest.raises(UsageError, match="is not one of"):
        _choices(["HATES"], Predicate, "--predicate")
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        _date("yesterday", "--from")


def test_csv_and_json_renderings() -> None:
    row = ContestedRow("x", "X, said", "OPPOSES", "CONTESTED", "s", "o", ["k", "m"], ["h"], 2, 0.5)
    lines = to_csv([row]).splitlines()
    assert lines[0] == "allegation,summary,predicate,status,subject,object,affirming,denying,sources,balance"
    assert lines[1] == 'x,"X, said",OPPOSES,CONTESTED,s,o,k; m,h,2,0.5000'
    assert json.loads(to_json([row]))[0]["affirming"] == ["k", "m"]
