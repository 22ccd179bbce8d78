"""The counting-rules table (quy tắc tính thời hạn), built fresh from its raw rows.

``counting_rule()`` reads ``data/counting_rules.json`` once per process (``functools.cache``),
so these tests call the row builder ``_rule_of`` on the raw rows themselves: every field of
every rule comes from its row, validity dates are ISO dates, a row without ``validity`` or
``design`` gets the defaults, and a malformed row is refused with the file named.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tthc._data import bundled_json
from tthc.deadlines._rules import CountingRule, _date_or_none, _rule_of, counting_rule
from tthc.errors import DataFileError
from tthc.legal import LegalRef, Validity

ROWS: list[dict[str, Any]] = bundled_json("counting_rules.json")["rules"]


def _row(rule_id: str) -> dict[str, Any]:
    return dict(next(r for r in ROWS if r["id"] == rule_id))


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_every_row_becomes_the_rule_it_describes(row: dict[str, Any]) -> None:
    rule = _rule_of(row)
    assert type(rule) is CountingRule
    assert rule.id == row["id"]
    assert rule.name_vi == row["name_vi"]
    assert rule.name_en == row["name_en"]
    assert rule.summary_vi == row["summary_vi"]
    assert rule.summary_en == row["summary_en"]
    assert rule.legal_refs == tuple(LegalRef.from_mapping(r) for r in row["refs"])
    assert len(rule.legal_refs) == len(row["refs"]) >= 1
    validity = row.get("validity") or {}
    start, end = validity.get("start"), validity.get("end")
    assert rule.validity == Validity(
        dt.date.fromisoformat(start) if start else None,
        dt.date.fromisoformat(end) if end else None,
    )
    assert rule.design_note == row.get("design", "")
    # the cached table holds the same rule
    assert counting_rule(row["id"]) == rule


def test_working_days_rule_pinned() -> None:
    # Decree 118/2025/NĐ-CP Art. 17.3; Civil Code 91/2015/QH13 Art. 147.2 and 148.1
    rule = _rule_of(_row("working_days"))
    assert rule.name_vi == "Thời hạn tính bằng ngày làm việc"
    assert rule.name_en == "Limit in working days"
    assert rule.validity == Validity(dt.date(2025, 7, 1), None)
    assert rule.validity.start == dt.date(2025, 7, 1)
    assert rule.validity.end is None
    assert rule.design_note == ""
    assert [r.article for r in rule.legal_refs] == ["Điều 17.3", "Điều 147.2", "Điều 148.1"]
    assert rule.cite() == (
        "khoản 3 Điều 17, Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025); "
        "khoản 2 Điều 147, Bộ luật Dân sự 91/2015/QH13 (Quốc hội, 24/11/2015); "
        "khoản 1 Điều 148, Bộ luật Dân sự 91/2015/QH13 (Quốc hội, 24/11/2015)"
    )


def test_design_note_is_kept() -> None:
    row = _row("extension")
    assert row["design"]
    rule = _rule_of(row)
    assert rule.design_note == row["design"]
    assert rule.design_note.startswith("'01 ngày trước ngày hết hạn' is read as the previous")


def test_row_without_validity_or_design_gets_the_defaults() -> None:
    row = _row("working_days")
    del row["validity"]
    rule = _rule_of(row)
    assert rule.validity == Validity()
    assert rule.validity.start is None
    assert rule.validity.end is None
    assert rule.design_note == ""
    row["validity"] = None
    assert _rule_of(row).validity == Validity()


def test_validity_with_both_ends() -> None:
    row = _row("calendar_days")
    row["validity"] = {"start": "2017-01-01", "end": "2025-06-30"}
    rule = _rule_of(row)
    assert rule.validity == Validity(dt.date(2017, 1, 1), dt.date(2025, 6, 30))
    assert dt.date(2025, 6, 30) in rule.validity
    assert dt.date(2025, 7, 1) not in rule.validity


def test_date_or_none() -> None:
    assert _date_or_none("2025-07-01") == dt.date(2025, 7, 1)
    assert _date_or_none(None) is None
    assert _date_or_none("") is None


def test_row_missing_a_field_is_refused() -> None:
    for field in ("id", "name_vi", "name_en", "summary_vi", "summary_en", "refs"):
        row = _row("working_days")
        del row[field]
        with pytest.raises(KeyError, match=field):
            _rule_of(row)


def test_bad_reference_names_the_file() -> None:
    row = _row("working_days")
    row["refs"] = [{"doc": "118-2025-nd-cp", "article": "Điều 17.3", "bogus": 1}]
    with pytest.raises(DataFileError) as caught:
        _rule_of(row)
    assert "counting_rules.json" in caught.value.message
    assert "'bogus'" in caught.value.message
