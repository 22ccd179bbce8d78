"""Calendar data files that are malformed, hostile or random (issue 8).

Safe loading: rows on dates that do not exist, unknown columns and fields, wrong types and
oversized files are refused with a :class:`~tthc.errors.CalendarDataError` naming the file, the
row and the field. Fuzz contract (tests/fuzzing.py): whatever text arrives, ``parse_overlay``
and ``parse_meta`` return valid data or raise a documented tthc error, within 5 s. Seeds: the
bundled ``calendar/vn_public_sector_days.csv`` and ``calendar/calendar.json``.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing import (
    CELL,
    FUZZ,
    JSON,
    contract,
    fuzz_report,  # noqa: F401 - autouse: the fuzz report
    json_paths,
    mutated_json,
    write_csv_rows,
)
from tthc import _data
from tthc.calendar import _official as _calendar_data
from tthc.errors import CalendarDataError

# --- safe loading: the overlay CSV ----------------------------------------------------------------

HEADER = ",".join(_calendar_data.OVERLAY_COLUMNS)
# Bộ luật Lao động 2019 (45/2019/QH14), Điều 112: 30/4 is a public holiday.
ROW = "2026-04-30,public_holiday,Ngày Chiến thắng,Victory Day,45-2019-qh14,Điều 112,,"


def _overlay(text: str) -> CalendarDataError:
    with pytest.raises(CalendarDataError) as info:
        _calendar_data.parse_overlay(text, file="x.csv")
    return info.value


def test_overlay_rows_on_dates_that_do_not_exist_are_refused() -> None:
    for bad in ("2026-02-30", "2026-13-01", "20260430", "2026-W18-4", "30/04/2026"):
        err = _overlay(f"{HEADER}\n{ROW.replace('2026-04-30', bad, 1)}\n")
        assert err.context == {"file": "x.csv", "row": 2, "field": "date"}
    assert len(_calendar_data.parse_overlay(f"{HEADER}\n{ROW}\n")) == 1


def test_overlay_unknown_columns_bad_csv_and_size() -> None:
    assert _overlay(f"{HEADER},extra\n{ROW},x\n").context["field"] == "extra"
    assert _overlay(f'{HEADER}\n{ROW}\n"2026\r').context["field"] == "*"
    assert "larger than" in _overlay("x" * (_data.MAX_FILE_BYTES + 1)).message


# --- safe loading: calendar.json ------------------------------------------------------------------

META = json.loads(_data.bundled_text("calendar/calendar.json"))


def _meta(data: Any) -> CalendarDataError:
    with pytest.raises(CalendarDataError) as info:
        _calendar_data.parse_meta(json.dumps(data), file="m.json")
    return info.value


def _meta_text(text: str) -> CalendarDataError:
    with pytest.raises(CalendarDataError) as info:
        _calendar_data.parse_meta(text)
    return info.value


def test_meta_unknown_fields_and_wrong_types_name_the_field() -> None:
    cases: list[tuple[Any, str]] = []
    for key, value in (("extra", 1), ("name", 5), ("statutory_bases", 3), ("first_day", 20150101)):
        data = copy.deepcopy(META)
        data[key] = value
        cases.append((data, key))
    data = copy.deepcopy(META)
    data["weekly_rest"]["name_vi"] = ["x"]
    cases.append((data, "name_vi"))
    data = copy.deepcopy(META)
    data["weekly_rest"]["colour"] = "red"
    cases.append((data, "colour"))
    data = copy.deepcopy(META)
    data["statutory_bases"][0]["kind"] = "national_party_day"
    cases.append((data, "kind"))
    data = copy.deepcopy(META)
    data["statutory_bases"][0]["legal_ref"]["page"] = 3
    cases.append((data, "legal_ref"))
    for bad, field in cases:
        assert _meta(bad).context["field"] == field, field
    assert "nested too deeply" in _meta_text("[" * 100_000).message
    assert _calendar_data.parse_meta(json.dumps(META)).data_version == META["data_version"]


def test_meta_size_cap_and_empty_projection() -> None:
    text = " " * (_data.MAX_FILE_BYTES + 1)
    assert "larger than" in _meta_text(text).message
    assert _calendar_data.projected_days([]) == {}


# --- fuzz: parse_overlay / parse_meta -------------------------------------------------------------

_OVERLAY_TEXT = _data.bundled_text("calendar/vn_public_sector_days.csv")
_OVERLAY_ROWS = list(csv.reader(io.StringIO(_OVERLAY_TEXT)))
_META_PATHS = [p for p in json_paths(META) if p]


@st.composite
def _overlay_text(draw: st.DrawFn) -> str:
    header = list(_OVERLAY_ROWS[0])
    if draw(st.integers(0, 9)) == 0:
        header = draw(st.lists(st.sampled_from([*header, "extra", ""]), max_size=13))
    rows = [list(r) for r in draw(st.lists(st.sampled_from(_OVERLAY_ROWS[1:]), max_size=6))]
    for _ in range(draw(st.integers(0, 4))):
        if not rows:
            break
        row = rows[draw(st.integers(0, len(rows) - 1))]
        if draw(st.integers(0, 5)) == 0:
            row.append(draw(CELL))
        elif row:
            row[draw(st.integers(0, len(row) - 1))] = draw(CELL)
    buffer = io.StringIO()
    write_csv_rows(buffer, [header, *rows])
    text = buffer.getvalue()
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.text(max_size=5)) + text[cut:]
    return text


@FUZZ
@given(_overlay_text() | st.text(max_size=300))
def test_calendar_overlay(text: str) -> None:
    result = contract(
        "parse_overlay", len(text), lambda: _calendar_data.parse_overlay(text, file="fuzz.csv")
    )
    if result is not None:
        assert len({row.date for row in result}) == len(result)


@FUZZ
@given(mutated_json(META, JSON | CELL, _META_PATHS) | st.text(max_size=200) | JSON.map(json.dumps))
def test_calendar_meta(text: str) -> None:
    contract("parse_meta", len(text), lambda: _calendar_data.parse_meta(text, file="fuzz.json"))


def test_calendar_data_large_and_nested() -> None:
    contract("parse_meta", 100_000, lambda: _calendar_data.parse_meta("[" * 100_000))
    columns = len(_calendar_data.OVERLAY_COLUMNS)
    big = _OVERLAY_TEXT + "\n".join([",".join(["2030-01-01"] * columns)] * 150_000)
    contract("parse_overlay", len(big), lambda: _calendar_data.parse_overlay(big))
