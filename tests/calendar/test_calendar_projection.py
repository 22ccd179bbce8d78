"""The bundled projection of the years after ``confirmed_through`` (issue 20, item 5).

``calendar/projected_days.json`` holds the days the statutory rules give for 2027–2035 (Bộ luật
Lao động 2019 Điều 111.3 and 112, as python-holidays encodes them), written by
``scripts/project_calendar.py``; the national calendar reads it instead of importing
python-holidays at first use. These tests check that the file is what the rule gives with the
installed python-holidays (the test imports it; the calendar does not), that the script would
write exactly this file, and that a malformed projection is refused with a
:class:`~tthc.errors.CalendarDataError` naming the file, the row and the field (fuzz contract of
tests/fuzzing.py).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing import (
    CELL,
    FUZZ,
    JSON,
    contract,
    fuzz_report,  # noqa: F401 - autouse: the fuzz report
    mutated_json,
)
from tthc import _data
from tthc.calendar import DayKind, _national, civil_service_calendar
from tthc.calendar import _official as _calendar_data
from tthc.errors import CalendarDataError

ROOT = Path(__file__).resolve().parents[2]
TEXT = _data.bundled_text("calendar/projected_days.json")
DATA: dict[str, Any] = json.loads(TEXT)
D = dt.date


def test_the_bundled_projection_is_what_the_holidays_rules_give() -> None:
    projection = _calendar_data.load_projection()
    years = range(projection.first_year, projection.last_year + 1)
    assert projection.as_mapping() == _calendar_data.projected_days(years)
    assert projection.source.startswith("python-holidays ")
    # the rule itself, on one day: 1/1/2027, Tết Dương lịch (Bộ luật Lao động 2019 Điều 112.1)
    names = holidays.country_holidays("VN", years=2027, language="vi")
    assert projection.as_mapping()[D(2027, 1, 1)] == (
        "public_holiday",
        names[D(2027, 1, 1)],
        "New Year's Day",
    )


def test_the_projection_covers_the_projected_years_of_the_calendar() -> None:
    meta, rows = _calendar_data.load_bundled()
    announced = {row.date for row in rows}  # official rows win over the projection
    projection = _calendar_data.load_projection()
    first = meta.confirmed_through + dt.timedelta(days=1)
    assert (projection.first_year, projection.last_year) == (first.year, meta.last_day.year)
    cal = civil_service_calendar()
    # every projected weekday off is a provisional day off of the calendar, with its legal basis
    for day, kind, name_vi, _name_en in projection.days:
        info = cal.day_info(day)
        assert info.provisional is True
        if day.weekday() < 5 and kind != "make_up_working_day" and day not in announced:
            assert info.is_working_day is False
            assert (info.kind, info.name_vi) == (DayKind(kind), name_vi)
            assert info.legal_ref == meta.statutory_ref(kind, day)


def test_the_script_writes_exactly_the_bundled_file() -> None:
    path = ROOT / "scripts" / "project_calendar.py"
    spec = importlib.util.spec_from_file_location("project_calendar", path)
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    # the same days, names and rule; the "source" line records the python-holidays release that
    # wrote the file (the Python 3.10 matrix runs 0.107, the last release for 3.10)
    assert script._without_source(script.render()) == script._without_source(TEXT)
    assert f'"source": "python-holidays {holidays.__version__}"' in script.render()
    assert script.TARGET.read_text(encoding="utf-8") == TEXT
    assert script.main(["--check"]) == 0


def test_the_first_calendar_does_not_import_holidays() -> None:
    code = (
        "import sys, tthc.calendar; tthc.calendar.civil_service_calendar(); "
        "print('holidays' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_a_projection_that_misses_a_projected_year_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meta, _ = _calendar_data.load_bundled()
    narrow = _calendar_data.load_projection()._replace(last_year=2034)
    monkeypatch.setattr(_national, "load_projection", lambda: narrow)
    with pytest.raises(CalendarDataError) as caught:
        _national._projected(meta)
    assert caught.value.context == {
        "file": "projected_days.json",
        "row": "$",
        "field": "first_year",
    }
    assert caught.value.hint == "regenerate it: python scripts/project_calendar.py"
    assert "covers 2027–2034, the calendar projects 2027–2035" in caught.value.message
    late = _calendar_data.load_projection()._replace(first_year=2028)
    monkeypatch.setattr(_national, "load_projection", lambda: late)
    with pytest.raises(CalendarDataError) as caught:
        _national._projected(meta)
    assert "covers 2028–2035, the calendar projects 2027–2035" in caught.value.message
    # a calendar with nothing to project does not read the file at all
    confirmed = meta._replace(confirmed_through=meta.last_day)
    assert _national._projected(confirmed) == {}


def _refusal(data: Any) -> CalendarDataError:
    with pytest.raises(CalendarDataError) as caught:
        _calendar_data.parse_projection(json.dumps(data))
    return caught.value


def _with(**changes: Any) -> dict[str, Any]:
    return {**DATA, **changes}


ROW = ["2027-01-01", "public_holiday", "Tết Dương lịch", "New Year's Day"]


@pytest.mark.parametrize(
    ("data", "row", "field", "words"),
    [
        (_with(extra=1), "$", "extra", "unknown field extra"),
        ({k: v for k, v in DATA.items() if k != "days"}, "$", "days", "missing field days"),
        (_with(source=2027), "$", "source", "must be a string"),
        (_with(first_year="2027"), "$", "first_year", "must be years"),
        (_with(first_year=2036), "$", "first_year", "must be years"),
        (_with(days=[ROW[:3]]), "days[0]", "*", "[date, kind, name_vi, name_en]"),
        (_with(days=[["2027-02-30", *ROW[1:]]]), "days[0]", "date", "not an ISO date"),
        (_with(days=[[ROW[0], "holiday", *ROW[2:]]]), "days[0]", "kind", "'holiday' is not"),
        (_with(days=[["2026-01-01", *ROW[1:]]]), "days[0]", "date", "outside the years"),
        (_with(days=[ROW, ROW]), "days[1]", "date", "not after the row before it"),
        # a make-up working day on a weekday (Monday 4/1/2027) changes nothing
        (
            _with(days=[["2027-01-04", "make_up_working_day", *ROW[2:]]]),
            "days[0]",
            "date",
            "a working day on a weekday",
        ),
        (_with(days=[[*ROW[:2], " ", ROW[3]]]), "days[0]", "name_vi", "no name"),
        (_with(days=[[*ROW[:3], ""]]), "days[0]", "name_en", "no name"),
    ],
)
def test_malformed_projections_are_refused(data: Any, row: str, field: str, words: str) -> None:
    error = _refusal(data)
    assert error.context["file"] == "projected_days.json"
    assert (error.context["row"], error.context["field"]) == (row, field)
    assert words in error.message
    assert error.message.startswith("Dữ liệu lịch (calendar data): projected_days.json")


def test_projection_json_syntax_and_size() -> None:
    with pytest.raises(CalendarDataError) as caught:
        _calendar_data.parse_projection('{"days": [] "x": 1}')
    assert "not valid JSON" in caught.value.message
    with pytest.raises(CalendarDataError) as caught:
        _calendar_data.parse_projection(" " * (_data.MAX_FILE_BYTES + 1))
    assert "larger than" in caught.value.message


@FUZZ
@given(mutated_json(DATA, JSON | CELL) | st.text(max_size=200) | JSON.map(json.dumps))
def test_calendar_projection(text: str) -> None:
    result = contract(
        "parse_projection",
        len(text),
        lambda: _calendar_data.parse_projection(text, file="fuzz.json"),
    )
    if result is not None:
        days = [day for day, *_ in result.days]
        assert days == sorted(set(days))
        assert all(result.first_year <= day.year <= result.last_year for day in days)
