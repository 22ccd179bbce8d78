"""The assumptions file: every default with its basis and, for law and literature, its citation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tthc import legal
from tthc.errors import DataFileError
from tthc.staffing import load_assumptions
from tthc.staffing._assumptions import parse_assumptions
from tthc.staffing._inputs import default_field_effort

D = dt.date


def test_assumptions_have_sources() -> None:
    assumptions = load_assumptions()
    assert assumptions.data_version
    leave = assumptions["annual_leave_days"]
    assert (leave.value, leave.basis) == (12, "law")
    assert leave.legal_ref is not None
    assert leave.legal_ref.document == "45/2019/QH14"
    assert leave.legal_ref.article == "Điều 113.1.a"
    assert assumptions.date("reform_date") == D(2025, 7, 1)
    assert assumptions.decimal("utilisation") == Decimal("0.85")
    for item in assumptions.items:
        assert item.basis in {"law", "literature", "planning_assumption"}
        assert item.note
        if not item.is_planning:
            assert item.legal_ref is not None, item.key
        assert item.describe().startswith(item.name_vi)
    assert "planning assumption" in assumptions["utilisation"].describe()
    with pytest.raises(DataFileError):
        assumptions["nope"]
    with pytest.raises(DataFileError):
        assumptions.decimal("erlang_c_model")
    with pytest.raises(DataFileError):
        assumptions.date("utilisation")


# The documents of the registry (data/documents.json) that the file cites, by assumption.
CITED = {
    "annual_leave_days": ("45-2019-qh14", "Điều 113.1.a"),
    "working_week_hours": ("188-1999-qd-ttg", "Điều 1"),
    "utilisation": ("who-wisn-2010", ""),
    "reform_date": ("72-2025-qh15", "Điều 1.1"),
    "erlang_c_model": ("erlang-1917", ""),
}


@pytest.mark.parametrize(("key", "cited"), sorted(CITED.items()))
def test_assumptions_cite_the_registry(key: str, cited: tuple[str, str]) -> None:
    ref = load_assumptions()[key].legal_ref
    registered = legal.document(cited[0])
    assert ref is not None
    assert (ref.document, ref.kind, ref.issuer, ref.date) == (
        registered.document,
        registered.kind,
        registered.issuer,
        registered.date,
    )
    assert ref.article == cited[1]


def test_assumption_citations_read_as_before() -> None:
    a = load_assumptions()
    assert a["annual_leave_days"].legal_ref is not None
    assert a["annual_leave_days"].legal_ref.cite() == (
        "điểm a khoản 1 Điều 113, Bộ luật Lao động 45/2019/QH14 (Quốc hội, 20/11/2019)"
    )
    assert (
        a["reform_date"]
        .describe()
        .endswith(
            "khoản 1 Điều 1, Luật Tổ chức chính quyền địa phương 72/2025/QH15 (Quốc hội, 16/06/2025)"
        )
    )
    assert "method: Tài liệu hướng dẫn Workload indicators" in a["utilisation"].describe()
    assert {item.key for item in a.items if item.legal_ref is not None} == set(CITED)


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[]",
        '{"assumptions": []}',
        '{"data_version": "1", "assumptions": [1]}',
        '{"data_version": "1", "assumptions": [{"key": "a"}]}',
        '{"data_version": "1", "assumptions": [{"key": "a", "name_vi": "", "name_en": "",'
        ' "value": 1, "basis": "law"}]}',
        '{"data_version": "1", "assumptions": [{"key": "a", "name_vi": "", "name_en": "",'
        ' "value": 1, "basis": "guess"}]}',
        '{"data_version": "1", "assumptions": [{"key": "a", "name_vi": "", "name_en": "",'
        ' "value": 1, "basis": "planning_assumption", "validity": {"start": "x"}}]}',
        # A citation of a document the registry does not have.
        '{"data_version": "1", "assumptions": [{"key": "a", "name_vi": "", "name_en": "",'
        ' "value": 1, "basis": "law", "legal_ref": {"doc": "no-such-document"}}]}',
        # A duplicate key (JSON readers disagree on which one counts).
        '{"data_version": "1", "data_version": "2", "assumptions": []}',
    ],
)
def test_assumptions_file_errors(text: str) -> None:
    with pytest.raises(DataFileError):
        parse_assumptions(text, "bad.json")


def test_assumption_weights_must_be_lists() -> None:
    bad = parse_assumptions(
        '{"data_version": "1", "assumptions": [{"key": "w", "name_vi": "", "name_en": "",'
        ' "value": [1, 2], "basis": "planning_assumption"}, {"key": "default_effort_by_field",'
        ' "name_vi": "", "name_en": "", "value": 3, "basis": "planning_assumption"}]}',
        "bad.json",
    )
    with pytest.raises(DataFileError):
        default_field_effort(bad)
    assert bad["w"].describe().endswith("planning assumption")
