"""The calendar data files: the bundled ones are valid, malformed ones are refused precisely.

Every row of ``vn_public_sector_days.csv`` and every legal reference of ``calendar.json`` cites a
document of the registry (``tthc/data/documents.json``) by id.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from tthc import legal
from tthc._data import MAX_FILE_BYTES
from tthc.calendar._official import OVERLAY_COLUMNS, load_bundled, parse_meta, parse_overlay
from tthc.errors import CalendarDataError, DataFileError

HEADER = ",".join(OVERLAY_COLUMNS)
# Công văn 12729/VPCP-KGVX (Văn phòng Chính phủ, 25/12/2025): the registry knows it from the press.
GOOD = "2026-01-02,swapped_day_off,Nghỉ,Day off,12729-vpcp-kgvx,,,press"


def test_bundled_files_are_valid() -> None:
    meta, rows = load_bundled()
    assert meta.first_day == dt.date(2015, 1, 1)
    assert meta.last_day == dt.date(2035, 12, 31)
    assert meta.data_version
    assert len(rows) >= 150
    assert all(row.legal_ref.document for row in rows)
    # Every confirmed-year row comes from the official table; later rows are only "reported".
    assert {row.legal_ref.confidence for row in rows if row.date.year >= 2027} == {"reported"}


def test_good_row() -> None:
    (row,) = parse_overlay(f"{HEADER}\n{GOOD}\n")
    assert row.date == dt.date(2026, 1, 2)
    assert row.legal_ref.date == dt.date(2025, 12, 25)
    assert row.legal_ref == legal.document("12729-vpcp-kgvx")


def test_a_row_cites_the_registry_with_its_own_article_url_and_lower_confidence() -> None:
    line = "2026-01-02,swapped_day_off,Nghỉ,Day off,12729-vpcp-kgvx,Điều 1,https://x.vn/a,reported"
    (row,) = parse_overlay(f"{HEADER}\n{line}\n")
    assert row.legal_ref == attrs.evolve(
        legal.document("12729-vpcp-kgvx"),
        article="Điều 1",
        url="https://x.vn/a",
        confidence="reported",
    )
    assert row.legal_ref.cite() == (
        "Điều 1, Công văn 12729/VPCP-KGVX (Văn phòng Chính phủ, 25/12/2025)"
    )


def test_bundled_rows_are_the_registry_documents_with_their_article() -> None:
    _, rows = load_bundled()
    registry = legal.documents()
    numbers = {ref.document: ref for ref in registry.values()}
    for row in rows:
        base = numbers[row.legal_ref.document]
        assert row.legal_ref == attrs.evolve(
            base,
            article=row.legal_ref.article,
            url=row.legal_ref.url,
            confidence=row.legal_ref.confidence,
        )
    # Bộ luật Lao động 2019 Điều 112.1: Ngày Chiến thắng 30/4 (2026 is a confirmed year).
    (victory,) = (row for row in rows if row.date == dt.date(2026, 4, 30))
    assert victory.legal_ref.document == "45/2019/QH14"
    assert victory.legal_ref.article == "Điều 112.1"
    assert victory.legal_ref.confidence == "official"


def test_bundled_meta_cites_the_registry() -> None:
    meta, _ = load_bundled()
    assert meta.weekly_rest_ref == attrs.evolve(legal.document("188-1999-qd-ttg"), article="Điều 1")
    ref = meta.statutory_ref("compensatory_day_off", dt.date(2020, 12, 31))
    assert ref == attrs.evolve(legal.document("10-2012-qh13"), article="Điều 115.3")
    # Điều 112.3 carries its own subject as the title of the citation.
    ref = meta.statutory_ref("make_up_working_day", dt.date(2030, 1, 5))
    assert ref == attrs.evolve(
        legal.document("45-2019-qh14"),
        article="Điều 112.3",
        title="Thủ tướng quyết định cụ thể ngày nghỉ Tết Âm lịch và Quốc khánh hằng năm",
    )
    assert ref.cite().startswith("khoản 3 Điều 112, ")  # the Vietnamese order (issue 21)
    assert ref.cite().endswith(" 45/2019/QH14 (Quốc hội, 20/11/2019)")


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (GOOD.replace("2026-01-02", "2026-02-30"), "date"),
        (GOOD.replace("swapped_day_off", "holiday"), "kind"),
        # A day-off row on a Saturday changes nothing and is refused (vn_holidays.md §1).
        (GOOD.replace("2026-01-02", "2026-01-03"), "date"),
        # A make-up row on a weekday is refused.
        (GOOD.replace("swapped_day_off", "make_up_working_day"), "date"),
        (GOOD.replace("Nghỉ", ""), "name_vi"),
        (GOOD.replace("12729-vpcp-kgvx", ""), "doc"),
        # A document is cited by its registry id, not by its number.
        (GOOD.replace("12729-vpcp-kgvx", "12729/VPCP-KGVX"), "doc"),
        (GOOD.replace("press", "rumour"), "confidence"),
        # A row may lower the document's confidence, never raise it.
        (GOOD.replace("press", "official"), "confidence"),
        (GOOD + ",extra", "*"),
        (GOOD.rsplit(",", 2)[0], "*"),
    ],
)
def test_bad_rows_name_file_row_and_field(line: str, field: str) -> None:
    with pytest.raises(CalendarDataError) as info:
        parse_overlay(f"{HEADER}\n{line}\n", file="my_overlay.csv")
    err = info.value
    assert isinstance(err, DataFileError)
    assert err.code == "calendar.bad_data"
    assert err.context["file"] == "my_overlay.csv"
    assert err.context["row"] == 2
    assert err.context["field"] == field
    assert "my_overlay.csv" in str(err)


def test_duplicate_date() -> None:
    with pytest.raises(CalendarDataError, match="already given in row 2") as info:
        parse_overlay(f"{HEADER}\n{GOOD}\n{GOOD}\n")
    assert info.value.context["row"] == 3


def test_bad_header() -> None:
    with pytest.raises(CalendarDataError, match="missing columns") as info:
        parse_overlay("date,kind\n2026-01-02,public_holiday\n")
    assert info.value.context["row"] == 1


def test_oversized_file() -> None:
    with pytest.raises(CalendarDataError, match="larger than"):
        parse_overlay("x" * (MAX_FILE_BYTES + 1))


META = {
    "data_version": "t",
    "name": "t",
    "first_day": "2015-01-01",
    "last_day": "2035-12-31",
    "confirmed_through": "2026-12-31",
    "weekly_rest": {
        "weekdays": [5, 6],
        "name_vi": "x",
        "name_en": "x",
        "legal_ref": {"document": "188/1999/QĐ-TTg"},
    },
    "statutory_bases": [
        {
            "kind": "public_holiday",
            "valid_from": "2021-01-01",
            "valid_to": None,
            "legal_ref": {"document": "45/2019/QH14", "article": "Điều 112.1"},
        }
    ],
}


def test_meta_good() -> None:
    meta = parse_meta(json.dumps(META))
    ref = meta.statutory_ref("public_holiday", dt.date(2030, 1, 1))
    assert ref is not None
    assert ref.article == "Điều 112.1"
    assert meta.statutory_ref("public_holiday", dt.date(2020, 1, 1)) is None
    # A registry citation and a spelled-out reference are both read.
    cited = {**META["weekly_rest"], "legal_ref": {"doc": "188-1999-qd-ttg"}}  # type: ignore[dict-item]
    assert parse_meta(json.dumps({**META, "weekly_rest": cited})).weekly_rest_ref == (
        legal.document("188-1999-qd-ttg")
    )


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"first_day": "2015-13-01"}, "first_day"),
        ({"confirmed_through": "2040-01-01"}, "confirmed_through"),
        ({"weekly_rest": {**META["weekly_rest"], "weekdays": [7]}}, "weekdays"),  # type: ignore[dict-item]
        ({"weekly_rest": {**META["weekly_rest"], "legal_ref": "QĐ 188"}}, "legal_ref"),  # type: ignore[dict-item]
        ({"data_version": None}, "data_version"),
        ({"weekly_rest": {**META["weekly_rest"], "legal_ref": {"doc": "nd-188"}}}, "legal_ref"),  # type: ignore[dict-item]
    ],
)
def test_meta_bad(patch: dict[str, object], field: str) -> None:
    data = {**META, **patch}
    if patch.get("data_version", "") is None:
        del data["data_version"]
    with pytest.raises(CalendarDataError) as info:
        parse_meta(json.dumps(data))
    assert info.value.context["field"] == field


def test_meta_not_json() -> None:
    with pytest.raises(CalendarDataError, match="not valid JSON"):
        parse_meta("{")
