"""tthc.workflows — the bundled rule data (tthc/data/workflows/rules.json), read field by field.

The levels of local government: Luật Tổ chức chính quyền địa phương 72/2025/QH15 keeps two levels
(Điều 1 khoản 1: tỉnh, xã); the district level ends on 30/6/2025 (Điều 51 khoản 3, with Nghị quyết
202/2025/QH15). Every finding names its basis in Nghị định 118/2025/NĐ-CP (Điều 12 khoản 3: the
internal process; Điều 17: intake at the one-stop; Điều 18 khoản 2: hand-over after intake).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.errors import DataFileError
from tthc.legal import Validity
from tthc.units import UnitLevel
from tthc.workflows import _rules, data_version

_ND118 = "118/2025/NĐ-CP"
_FINDING_ARTICLES = {
    "workflow.over_limit": "Điều 12 khoản 3",
    "workflow.limit_not_checked": "Điều 12 khoản 3",
    "workflow.no_intake": "Điều 17",
    "workflow.no_return": "Điều 12 khoản 3",
    "workflow.no_signing": "Điều 12 khoản 3",
    "workflow.not_in_force": "Điều 12 khoản 3",
    "workflow.procedure_mismatch": "Điều 12 khoản 3",
    "graph.unknown_step": "Điều 12 khoản 3",
    "graph.cycle": "Điều 12 khoản 3",
    "graph.unreachable": "Điều 12 khoản 3",
    "graph.dead_end": "Điều 12 khoản 3",
    "phase.order": "Điều 12 khoản 3",
    "step.zero_budget": "Điều 12 khoản 3",
    "step.zero_handoff": "Điều 18 khoản 2",
    "signer.not_checked": "Điều 12 khoản 3",
}


def test_data_version() -> None:
    assert data_version() == "2026.12-1"
    assert _rules.rules().data_version == "2026.12-1"


@pytest.mark.parametrize(("code", "article"), sorted(_FINDING_ARTICLES.items()))
def test_every_finding_cites_decree_118(code: str, article: str) -> None:
    ref = _rules.finding_ref(code)
    assert (ref.document, ref.article, ref.issuer) == (_ND118, article, "Chính phủ")
    assert ref.date == dt.date(2025, 6, 9)
    assert ref.confidence == "official"


def test_the_finding_codes_are_exactly_those_of_the_data() -> None:
    assert set(_rules.rules().refs) == set(_FINDING_ARTICLES)
    with pytest.raises(KeyError):
        _rules.finding_ref("signer.not_competent")  # its basis is the competence rule's


def test_province_and_commune_levels_have_no_end() -> None:
    for level, article in (
        (UnitLevel.PROVINCE, "Điều 1 khoản 1 điểm a"),
        (UnitLevel.COMMUNE, "Điều 1 khoản 1 điểm b"),
    ):
        rule = _rules.level_rule(level)
        assert rule.level is level
        assert rule.validity == Validity(None, None)
        assert (rule.legal_basis.document, rule.legal_basis.article) == ("72/2025/QH15", article)
        assert rule.legal_basis.date == dt.date(2025, 6, 16)
        assert (rule.note, rule.also) == ("", ())


def test_district_level_ends_on_30_june_2025() -> None:
    rule = _rules.level_rule(UnitLevel.DISTRICT)
    assert rule.level is UnitLevel.DISTRICT
    assert rule.validity == Validity(None, dt.date(2025, 6, 30))
    assert rule.validity.contains(dt.date(2025, 6, 30))
    assert not rule.validity.contains(dt.date(2025, 7, 1))
    assert (rule.legal_basis.document, rule.legal_basis.article) == (
        "72/2025/QH15",
        "Điều 51 khoản 3",
    )
    assert rule.note == (
        "HĐND, UBND, Chủ tịch UBND và cơ quan chuyên môn cấp huyện chấm dứt hoạt động từ 01/7/2025."
    )
    assert [(a.document, a.issuer, a.date) for a in rule.also] == [
        ("202/2025/QH15", "Quốc hội", dt.date(2025, 6, 12))
    ]


def test_level_rows_in_file_order() -> None:
    levels = _rules.rules().levels
    assert [r.level for r in levels] == [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE]


def test_rule_dates_read_iso_or_none() -> None:
    assert _rules._date("2025-06-30") == dt.date(2025, 6, 30)
    assert _rules._date(None) is None
    assert _rules._date("") is None


def test_a_level_row_with_a_start_and_no_also() -> None:
    row = {
        "level": "commune",
        "valid_from": "2025-07-01",
        "valid_to": None,
        "legal_basis": {"doc": "72-2025-qh15", "article": "Điều 1"},
    }
    rule = _rules._level(row)
    assert rule.validity == Validity(dt.date(2025, 7, 1), None)
    assert (rule.note, rule.also) == ("", ())
    with pytest.raises(DataFileError):
        _rules._level({**row, "legal_basis": {"doc": "no-such-document"}})


def test_a_bad_level_row_names_the_rule_file() -> None:
    row = {
        "level": "commune",
        "valid_from": None,
        "valid_to": None,
        "legal_basis": {"doc": "72-2025-qh15", "bogus": 1},
    }
    with pytest.raises(DataFileError) as info:
        _rules._level(row)
    assert info.value.message == (
        "Căn cứ pháp lý (legal reference): unknown field 'bogus' in tthc/data/workflows/rules.json"
    )
    also = {**row, "legal_basis": {"doc": "72-2025-qh15"}, "also": [{"doc": "x", "bogus": 1}]}
    with pytest.raises(DataFileError) as info:
        _rules._level(also)
    assert info.value.message.endswith("in tthc/data/workflows/rules.json")
