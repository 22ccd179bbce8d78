"""Tests of the public-sector working calendar (``tthc.calendar``).

Sources: ``tests/data/vn_public_sector_calendar_reference.csv`` is a verbatim copy of the project's
official calendar table (one row per weekday off and per working Saturday, 2015–2026, each with the
document that decided it); the statutory rules are Bộ luật Lao động 2012 Art. 115 and Bộ luật Lao
động 2019 Art. 111.3 and 112.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.calendar import DayKind, OfficeHours, WorkCalendar, civil_service_calendar
from tthc.errors import (
    CalendarRangeError,
    InputTypeError,
    ProvisionalCalendarError,
)
from tthc.legal import LegalRef

D = dt.date
REFERENCE = Path(__file__).parent / "data" / "vn_public_sector_calendar_reference.csv"
CAL = civil_service_calendar()


def reference_rows() -> list[dict[str, str]]:
    with REFERENCE.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["date"] >= "2015-01-01"]


# --- the official table, row by row ------------------------------------------------------------


@pytest.mark.parametrize("row", reference_rows(), ids=lambda row: row["date"])
def test_every_reference_row(row: dict[str, str]) -> None:
    day = D.fromisoformat(row["date"])
    info = CAL.day_info(day)
    if row["kind"] == "off":
        assert not CAL.is_working_day(day)
        assert info.kind in {
            DayKind.PUBLIC_HOLIDAY,
            DayKind.COMPENSATORY_DAY_OFF,
            DayKind.SWAPPED_DAY_OFF,
        }
    else:
        assert CAL.is_working_day(day)
        assert info.kind is DayKind.MAKE_UP_WORKING_DAY
    assert info.legal_ref is not None
    assert not info.provisional


def test_reference_is_complete_2015_2026() -> None:
    # Every weekday not listed as off is a working day; every weekend day not listed as a working
    # Saturday is a day off: the table lists every exception (vn_holidays.md §1).
    off = {D.fromisoformat(r["date"]) for r in reference_rows() if r["kind"] == "off"}
    work = {D.fromisoformat(r["date"]) for r in reference_rows() if r["kind"] == "workday"}
    day = D(2015, 1, 1)
    while day <= D(2026, 12, 31):
        expected = (day.weekday() < 5 and day not in off) or day in work
        assert CAL.is_working_day(day) is expected, day
        day += dt.timedelta(days=1)


def test_2026_counts() -> None:
    # 261 weekdays - 14 weekday days off + 2 make-up Saturdays (10/1, 22/8) = 249.
    assert CAL.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == 249
    assert [d.date for d in CAL.special_days(2026) if d.is_working_day] == [
        D(2026, 1, 10),
        D(2026, 8, 22),
    ]


def test_official_overlay_wins_over_holidays_library() -> None:
    # python-holidays misses the 2026 New Year swap: Công văn 12729/VPCP-KGVX (Văn phòng Chính
    # phủ, 25/12/2025) made Fri 2/1/2026 a day off and Sat 10/1/2026 a working day.
    lib = holidays.country_holidays("VN", years=range(2015, 2027))
    differences = set()
    day = D(2015, 1, 1)
    while day <= D(2026, 12, 31):
        if lib.is_working_day(day) != CAL.is_working_day(day):
            differences.add(day)
        day += dt.timedelta(days=1)
    assert differences == {D(2026, 1, 2), D(2026, 1, 10)}
    for day in differences:
        ref = CAL.day_info(day).legal_ref
        assert ref is not None
        assert ref.document == "12729/VPCP-KGVX"
        assert ref.date == D(2025, 12, 25)


# --- statutory rules, 2015–2035 ----------------------------------------------------------------

# First day of the lunar year (mùng 1 Tết); cross-checked against python-holidays below.
TET = {
    2015: D(2015, 2, 19),
    2016: D(2016, 2, 8),
    2017: D(2017, 1, 28),
    2018: D(2018, 2, 16),
    2019: D(2019, 2, 5),
    2020: D(2020, 1, 25),
    2021: D(2021, 2, 12),
    2022: D(2022, 2, 1),
    2023: D(2023, 1, 22),
    2024: D(2024, 2, 10),
    2025: D(2025, 1, 29),
    2026: D(2026, 2, 17),
    2027: D(2027, 2, 6),
    2028: D(2028, 1, 26),
    2029: D(2029, 2, 13),
    2030: D(2030, 2, 2),  # Vietnam (UTC+7) is a day ahead of the Chinese calendar (3/2)
    2031: D(2031, 1, 23),
    2032: D(2032, 2, 11),
    2033: D(2033, 1, 31),
    2034: D(2034, 2, 19),
    2035: D(2035, 2, 8),
}
YEARS = range(2015, 2036)


def weekday_offs(start: dt.date, end: dt.date) -> list[dt.date]:
    return [
        info.date
        for info in CAL.iter_days(start, end)
        if info.date.weekday() < 5 and not info.is_working_day
    ]


@pytest.mark.parametrize("year", YEARS)
def test_tet_gives_five_days_off(year: int) -> None:
    # BLLĐ 2012 Art. 115.1.b / BLLĐ 2019 Art. 112.1.b: Tết Âm lịch 05 ngày; days on the weekly
    # rest are compensated (Art. 115.3 / 111.3), so at least five weekdays around Tết are off.
    first = TET[year]
    lib = holidays.country_holidays("VN", years=year, language="en_US")
    assert lib.get(first) == "Lunar New Year"
    offs = weekday_offs(first - dt.timedelta(days=7), first + dt.timedelta(days=9))
    assert len(offs) >= 5
    assert all(CAL.day_info(d).kind is not DayKind.WORKING_DAY for d in offs)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(("month", "day"), [(1, 1), (4, 30), (5, 1), (9, 2)])
def test_fixed_holidays_are_off_or_compensated(year: int, month: int, day: int) -> None:
    holiday = D(year, month, day)
    assert not CAL.is_working_day(holiday)
    if holiday.weekday() >= 5:
        # Falls on the weekly rest: a compensatory weekday off follows within the week.
        kinds = {
            CAL.day_info(d).kind for d in weekday_offs(holiday, holiday + dt.timedelta(days=5))
        }
        assert DayKind.COMPENSATORY_DAY_OFF in kinds or DayKind.SWAPPED_DAY_OFF in kinds


@pytest.mark.parametrize("year", range(2015, 2021))
def test_national_day_one_day_until_2020(year: int) -> None:
    # BLLĐ 2012 Art. 115.1.đ: Quốc khánh 01 ngày.
    assert len(weekday_offs(D(year, 8, 30), D(year, 9, 5))) == 1


@pytest.mark.parametrize("year", range(2021, 2036))
def test_national_day_two_days_from_2021(year: int) -> None:
    # BLLĐ 2019 Art. 112.1.đ: 02/9 and one adjacent day (before or after).
    assert not CAL.is_working_day(D(year, 9, 2))
    assert not CAL.is_working_day(D(year, 9, 1)) or not CAL.is_working_day(D(year, 9, 3))
    assert len(weekday_offs(D(year, 8, 29), D(year, 9, 5))) >= 2


def test_make_up_saturdays_are_working_days() -> None:
    saturdays = [
        D(2015, 2, 14),
        D(2015, 4, 25),
        D(2019, 1, 5),
        D(2019, 5, 4),
        D(2024, 5, 4),
        D(2025, 4, 26),
        D(2026, 1, 10),
        D(2026, 8, 22),
    ]
    for day in saturdays:
        assert day.weekday() == 5
        assert CAL.is_working_day(day)
        assert CAL.day_info(day).kind is DayKind.MAKE_UP_WORKING_DAY
    assert [d.date for d in CAL.special_days() if d.is_working_day and d.date.year <= 2026] == (
        saturdays
    )


def test_projected_years_are_provisional() -> None:
    assert CAL.confirmed_through == D(2026, 12, 31)
    assert not CAL.is_provisional(D(2026, 12, 31))
    assert CAL.is_provisional(D(2027, 1, 1))
    info = CAL.day_info(D(2027, 2, 9))
    assert info.provisional
    assert not info.is_working_day
    assert "dự kiến" in info.describe()
    assert "projected" in info.describe(language="en")


# --- arithmetic --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # 30/4 and 1/5/2026 off (BLLĐ 2019 Art. 112.1), 2–3/5 weekend.
        (D(2026, 4, 29), 5, D(2026, 5, 8)),
        (D(2026, 4, 29), 1, D(2026, 5, 4)),
        # 1/1 holiday, 2/1 swapped day off (12729/VPCP-KGVX), 3–4/1 weekend.
        (D(2025, 12, 31), 1, D(2026, 1, 5)),
        # Sat 10/1/2026 is a make-up working day (12729/VPCP-KGVX).
        (D(2026, 1, 9), 1, D(2026, 1, 10)),
        # Tết Bính Ngọ: 16–20/2/2026 off (Bộ Nội vụ notice, Oct 2025).
        (D(2026, 2, 13), 1, D(2026, 2, 23)),
        # 31/8 swapped, 1–2/9 National Day; Sat 22/8 worked.
        (D(2026, 8, 21), 1, D(2026, 8, 22)),
        (D(2026, 8, 28), 1, D(2026, 9, 3)),
        # n = 0: the day itself when it is a working day, else the next one.
        (D(2026, 1, 10), 0, D(2026, 1, 10)),
        (D(2026, 1, 11), 0, D(2026, 1, 12)),
        (D(2026, 4, 30), 0, D(2026, 5, 4)),
        # n < 0: mirror image.
        (D(2026, 1, 5), -1, D(2025, 12, 31)),
        (D(2026, 5, 4), -1, D(2026, 4, 29)),
        (D(2026, 5, 2), -1, D(2026, 4, 29)),
    ],
)
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_between_and_neighbours() -> None:
    assert CAL.working_days_between(D(2026, 4, 29), D(2026, 5, 8)) == 5
    assert CAL.working_days_between(D(2026, 5, 8), D(2026, 4, 29)) == -5
    assert CAL.working_days_between(D(2026, 5, 1), D(2026, 5, 1)) == 0
    assert CAL.next_working_day(D(2026, 2, 13)) == D(2026, 2, 23)
    assert CAL.previous_working_day(D(2026, 2, 23)) == D(2026, 2, 13)
    assert CAL.working_day_ordinal(D(2015, 1, 1)) == 0  # 1/1/2015 is a holiday
    assert CAL.working_day_ordinal(D(2015, 1, 5)) == 1  # 2/1 swap, 3–4/1 weekend


def test_non_working_days_explain_the_gap() -> None:
    skipped = CAL.non_working_days(D(2026, 4, 29), D(2026, 5, 8))
    assert [d.date for d in skipped] == [
        D(2026, 4, 30),
        D(2026, 5, 1),
        D(2026, 5, 2),
        D(2026, 5, 3),
    ]
    assert str(skipped[0]) == "30/04/2026 — Ngày Chiến thắng (30/4)"
    assert skipped[0].legal_ref is not None
    assert skipped[0].legal_ref.document == "45/2019/QH14"
    assert skipped[2].kind is DayKind.WEEKEND
    assert skipped[2].name_vi.startswith("Thứ Bảy")


def naive_add(cal: WorkCalendar, day: dt.date, n: int) -> dt.date:
    """Day-by-day reference model of add_working_days (slow, obviously right)."""
    step = dt.timedelta(days=1 if n >= 0 else -1)
    if n == 0:
        while not cal.is_working_day(day):
            day += step
        return day
    remaining = abs(n)
    while remaining:
        day += step
        if cal.is_working_day(day):
            remaining -= 1
    return day


# Far enough from the range edges for +-40 working days (Tết 2015 alone takes 9 days).
dates = st.dates(min_value=D(2015, 4, 1), max_value=D(2035, 10, 1))
amounts = st.integers(min_value=-40, max_value=40)
# Far enough from both ends of the range for +-1200 working days (about five years).
middle_dates = st.dates(min_value=D(2021, 1, 1), max_value=D(2029, 12, 31))


@settings(max_examples=300, deadline=None)
@given(dates, amounts)
def test_matches_day_by_day_model(day: dt.date, n: int) -> None:
    assert CAL.add_working_days(day, n) == naive_add(CAL, day, n)


@settings(max_examples=300, deadline=None)
@given(middle_dates, st.integers(min_value=1, max_value=1200))
def test_between_inverts_add(day: dt.date, n: int) -> None:
    result = CAL.add_working_days(day, n)
    assert CAL.working_days_between(day, result) == n
    assert CAL.is_working_day(result)
    assert result > day


@settings(max_examples=300, deadline=None)
@given(middle_dates, st.integers(min_value=-1200, max_value=1200))
def test_negative_is_inverse_on_working_days(day: dt.date, n: int) -> None:
    start = CAL.add_working_days(day, 0)
    assert CAL.add_working_days(CAL.add_working_days(start, n), -n) == start


@settings(max_examples=300, deadline=None)
@given(middle_dates, middle_dates, st.integers(min_value=0, max_value=200))
def test_monotone(a: dt.date, b: dt.date, n: int) -> None:
    low, high = sorted((a, b))
    assert CAL.add_working_days(low, n) <= CAL.add_working_days(high, n)
    assert CAL.add_working_days(low, n) <= CAL.add_working_days(low, n + 1)
    assert CAL.working_days_between(low, high) >= 0
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [D(2014, 12, 31), D(2036, 1, 1), D(1, 1, 1), D(9999, 12, 31)])
def test_out_of_range(day: dt.date) -> None:
    with pytest.raises(CalendarRangeError) as info:
        CAL.is_working_day(day)
    assert info.value.code == "calendar.out_of_range"
    assert "2015-01-01" in str(info.value)
    assert "2035-12-31" in str(info.value)
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(day, 1)
    with pytest.raises(CalendarRangeError):
        CAL.working_days_between(D(2020, 1, 1), day)
    with pytest.raises(CalendarRangeError):
        CAL.day_info(day)


def test_result_out_of_range() -> None:
    with pytest.raises(CalendarRangeError, match="result"):
        CAL.add_working_days(D(2035, 12, 20), 30)
    with pytest.raises(CalendarRangeError, match="result"):
        CAL.add_working_days(D(2015, 1, 10), -30)


@pytest.mark.parametrize("bad", [dt.datetime(2026, 4, 29, 10, 0), "2026-04-29", 20260429, None])
def test_wrong_date_types(bad: object) -> None:
    with pytest.raises(InputTypeError) as info:
        CAL.is_working_day(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert info.value.code == "input.wrong_type"
    with pytest.raises(InputTypeError):
        CAL.add_working_days(bad, 1)  # type: ignore[arg-type]


def test_datetime_message_says_what_to_do() -> None:
    with pytest.raises(InputTypeError, match=r"\.date\(\)"):
        CAL.add_working_days(dt.datetime(2026, 4, 29, 10, 0), 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.5, "5", True, None])
def test_wrong_amount_types(bad: object) -> None:
    with pytest.raises(InputTypeError):
        CAL.add_working_days(D(2026, 4, 29), bad)  # type: ignore[arg-type]


def test_strict_mode_refuses_projected_years() -> None:
    strict = civil_service_calendar(strict=True)
    assert strict.strict
    assert strict.add_working_days(D(2026, 4, 29), 5) == D(2026, 5, 8)
    with pytest.raises(ProvisionalCalendarError) as info:
        strict.is_working_day(D(2027, 1, 4))
    assert info.value.code == "calendar.provisional"
    # A result that lands in a projected year is refused too.
    with pytest.raises(ProvisionalCalendarError):
        strict.add_working_days(D(2026, 12, 30), 5)
    with pytest.raises(ProvisionalCalendarError):
        strict.working_days_between(D(2026, 12, 30), D(2027, 1, 5))
    # The non-strict calendar answers, and says the answer is provisional.
    assert CAL.add_working_days(D(2026, 12, 30), 5) == D(2027, 1, 7)
    assert CAL.is_provisional(D(2027, 1, 7))
    assert strict.with_strict(False) == CAL


# --- local closures ----------------------------------------------------------------------------

STORM = LegalRef(
    document="Quyết định minh họa (illustrative)",
    kind="Quyết định",
    issuer="UBND tỉnh (ví dụ)",
    date=D(2026, 10, 4),
)


def test_with_days_off_returns_a_new_calendar() -> None:
    local = CAL.with_days_off(
        [D(2026, 10, 5), D(2026, 10, 6)],
        name_vi="Nghỉ tránh bão",
        name_en="Storm closure",
        legal_ref=STORM,
        name="Cần Thơ",
    )
    assert CAL.is_working_day(D(2026, 10, 5))  # the national calendar is unchanged
    assert not local.is_working_day(D(2026, 10, 5))
    assert local.day_info(D(2026, 10, 6)).kind is DayKind.LOCAL_CLOSURE
    assert local.day_info(D(2026, 10, 6)).legal_ref == STORM
    assert local.add_working_days(D(2026, 10, 2), 1) == D(2026, 10, 7)
    assert local.name == "Cần Thơ"
    assert local != CAL


def test_with_working_days() -> None:
    local = CAL.with_working_days(
        [D(2026, 10, 10)], name_vi="Làm bù", name_en="Make-up day", legal_ref=STORM
    )
    assert local.is_working_day(D(2026, 10, 10))
    assert local.day_info(D(2026, 10, 10)).kind is DayKind.LOCAL_WORKING_DAY
    assert local.working_days_between(D(2026, 10, 9), D(2026, 10, 12)) == 2


def test_local_days_bad_input() -> None:
    with pytest.raises(InputTypeError):
        CAL.with_days_off(
            [D(2026, 10, 5)],
            name_vi="x",
            name_en="x",
            legal_ref="QĐ 1",  # type: ignore[arg-type]
        )
    with pytest.raises(InputTypeError):
        CAL.with_days_off(D(2026, 10, 5), name_vi="x", name_en="x", legal_ref=STORM)  # type: ignore[arg-type]
    with pytest.raises(CalendarRangeError):
        CAL.with_days_off([D(2040, 1, 2)], name_vi="x", name_en="x", legal_ref=STORM)
    with pytest.raises(InputTypeError):
        CAL.with_days_off([dt.datetime(2026, 10, 5)], name_vi="x", name_en="x", legal_ref=STORM)  # type: ignore[list-item]
    with pytest.raises(InputTypeError):
        CAL.with_days_off(
            [D(2026, 10, 5)],
            name_vi="x",
            name_en="x",
            legal_ref=STORM,
            kind=DayKind.MAKE_UP_WORKING_DAY,
        )
    with pytest.raises(InputTypeError):
        CAL.with_working_days(
            [D(2026, 10, 5)], name_vi="x", name_en="x", legal_ref=STORM, kind=DayKind.WEEKEND
        )


def test_calendar_is_immutable() -> None:
    with pytest.raises(AttributeError):
        CAL.strict = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del CAL.name


def test_index_view_is_read_only() -> None:
    index = CAL.index
    assert index.first_day == D(2015, 1, 1)
    assert index.cumulative.readonly
    assert len(index.working) == (D(2035, 12, 31) - D(2015, 1, 1)).days + 1
    assert index.nth[0] == (D(2015, 1, 5) - D(2015, 1, 1)).days
    with pytest.raises(TypeError):
        index.working[0] = 1  # type: ignore[index]


def test_special_days_year_out_of_range() -> None:
    with pytest.raises(CalendarRangeError):
        CAL.special_days(2040)


# --- office hours ------------------------------------------------------------------------------


def test_default_office_hours() -> None:
    hours = OfficeHours()
    assert hours.day_length == dt.timedelta(hours=8)
    assert hours.opens == dt.time(7, 30)
    assert hours.closes == dt.time(17, 0)


def test_custom_office_hours() -> None:
    # Thanh Hóa's system default (tthc_rules.md §1.4): 07:00–11:30 and 13:30–17:00.
    hours = OfficeHours(((dt.time(7), dt.time(11, 30)), (dt.time(13, 30), dt.time(17))))
    assert hours.day_length == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    "windows",
    [
        (),
        ((dt.time(9), dt.time(8)),),
        ((dt.time(8), dt.time(12)), (dt.time(11), dt.time(17))),
        ((dt.time(8),),),
        [(dt.time(8), dt.time(12))],
        ((dt.time(8, tzinfo=dt.timezone.utc), dt.time(12)),),
    ],
)
def test_bad_office_hours(windows: object) -> None:
    with pytest.raises(InputTypeError):
        OfficeHours(windows)  # type: ignore[arg-type]


def test_day_kind_names() -> None:
    for kind in DayKind:
        assert kind.name_vi
        assert kind.name_en
    assert DayKind.MAKE_UP_WORKING_DAY.name_vi == "Ngày làm bù"
    assert DayKind.MAKE_UP_WORKING_DAY.is_working
    assert not DayKind.LOCAL_CLOSURE.is_working
