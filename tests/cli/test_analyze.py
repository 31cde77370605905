"""The `analyze` command line: refused before anything is read, and its CSV/JSON renderings."""

from __future__ import annotations

import json

import pytest

from actorgraph.analytics import REPORT_FUNCTIONS
from actorgraph.analytics.contested import ContestedRow
from actorgraph.cli.analyze_cmd import REPORT_NAMES, _choices, _date, check_usage, to_csv, to_json
from actorgraph.errors import UsageError
from actorgraph.model.vocabulary import Predicate


def test_report_names_match_the_reports() -> None:
    assert set(REPORT_NAMES) == set(REPORT_FUNCTIONS)


@pytest.mark.parametrize(
    ("report", "options", "message"),
    [
        ("camps", {"by": "mood"}, "choose hostility"),
        ("centrality", {"by": "narrative"}, "use it with `camps`"),
        ("contested", {"window": "30d"}, "per time window: not `contested`"),
        ("ego", {"include_reporters": True}, "not `ego`"),
        ("narratives", {}, None),
        ("camps", {"by": "narrative", "window": "2w", "include_reporters": True}, None),
    ],
)
def test_the_options_of_camps_and_windows_are_checked(report: str, options: dict[str, object],
                                                      message: str | None) -> None:  # fmt: skip
    if message is None:
        check_usage(report, [], "table", False, **options)  # type: ignore[arg-type]
        return
    with pytest.raises(UsageError, match=message):
        check_usage(report, ["x"] if report == "ego" else [], "table", False, **options)  # type: ignore[arg-type]


def test_write_back_stores_hostility_camps_of_one_network() -> None:
    with pytest.raises(UsageError, match="hostility camps only"):
        check_usage("narratives", [], "table", True)
    with pytest.raises(UsageError, match="drop --window"):
        check_usage("camps", [], "table", True, window="30d")
    check_usage("camps", [], "table", True)


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


def test_evidence_becomes_columns_in_csv() -> None:
    from actorgraph.analytics.balance import PlacementEvidence
    from actorgraph.analytics.camps import CampRow

    rows = [
        CampRow("k", "Kremlin", "A", "A", PlacementEvidence(3, 6.0, 5.0, 1.0, 0.97), 0, 0),
        CampRow("y", "Yusov", None, None, None, 1, None),
    ]
    lines = to_csv(rows).splitlines()
    assert lines[0].startswith("actor,name,camp,leaning,evidence_links,evidence_weight,evidence_agreeing,")
    assert lines[1].startswith("k,Kremlin,A,A,3,6.0000,5.0000,1.0000,0.9700,0,0")
    assert lines[2].startswith("y,Yusov,,,,,,,,1,")
    assert json.loads(to_json(rows))[0]["evidence"]["stability"] == 0.97


def test_csv_and_json_renderings() -> None:
    row = ContestedRow("x", "X, said", "OPPOSES", "CONTESTED", "s", "o", ["k", "m"], ["h"], 2, 0.5, "CONTESTED: why")
    lines = to_csv([row]).splitlines()
    assert lines[0] == "allegation,summary,predicate,status,subject,object,affirming,denying,sources,balance,reason"
    assert lines[1] == 'x,"X, said",OPPOSES,CONTESTED,s,o,k; m,h,2,0.5000,CONTESTED: why'
    assert json.loads(to_json([row]))[0]["affirming"] == ["k", "m"]
