"""The national public-sector calendar (``civil_service_calendar``) against the law and the record.

Sources: ``tests/data/vn_public_sector_calendar_reference.csv`` is a verbatim copy of the project's
official calendar table (one row per weekday off and per working Saturday, 2015–2026, each with the
document that decided it); the statutory rules are Bộ luật Lao động 2012 Art. 115 and Bộ luật Lao
động 2019 Art. 111.3 and 112.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import attrs
import holidays
import pytest

from tthc.calendar import DayInfo, DayKind, _national, civil_service_calendar
from tthc.calendar._official import OverlayRow, load_bundled
from tthc.errors import ProvisionalCalendarError
from tthc.legal import document

D = dt.date
REFERENCE = Path(__file__).parent.parent / "data" / "vn_public_sector_calendar_reference.csv"
CAL = civil_service_calendar()
REF = document("45-2019-qh14")


def reference_rows() -> list[dict[str, str]]:
    with REFERENCE.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["date"] >= "2015-01-01"]


# --- the official table, row by row ---------------------------------------------------------------


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


# --- statutory rules, 2015–2035 -------------------------------------------------------------------


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


# --- counting over the national days off ----------------------------------------------------------


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


def test_the_national_calendar_is_built_once_and_labels_its_days() -> None:
    cal = civil_service_calendar()
    assert civil_service_calendar() is cal
    # Ngày Chiến thắng 30/4/2026 (Bộ luật Lao động 2019 Điều 112.1)
    info = cal.day_info(D(2026, 4, 30))
    assert info.kind is DayKind.PUBLIC_HOLIDAY
    assert info.legal_ref is not None
    assert info.provisional is False


def test_a_fresh_build_gives_the_same_calendar_day_by_day() -> None:
    # civil_service_calendar() is cached: building the calendar again from the bundled files gives
    # an equal calendar, with the same DayInfo for every date (names, kinds, legal bases).
    fresh = _national._build()
    assert fresh is not CAL
    assert fresh == CAL
    assert fresh.weekly_rest == CAL.weekly_rest == frozenset({5, 6})
    assert list(fresh.iter_days(fresh.first_day, fresh.last_day)) == list(
        CAL.iter_days(CAL.first_day, CAL.last_day)
    )
    # Sat 3/1/2026: the weekly rest of Quyết định 188/1999/QĐ-TTg Điều 1.
    assert fresh.day_info(D(2026, 1, 3)) == DayInfo(
        D(2026, 1, 3),
        DayKind.WEEKEND,
        False,
        "Thứ Bảy (Ngày nghỉ hằng tuần (Thứ Bảy, Chủ nhật))",
        "Saturday (Weekly rest day (Saturday, Sunday))",
        attrs.evolve(document("188-1999-qd-ttg"), article="Điều 1"),
    )
    # 1/1/2027, projected: Bộ luật Lao động 2019 Điều 112.1, named as python-holidays names it.
    vi = holidays.country_holidays("VN", years=2027, language="vi")
    en = holidays.country_holidays("VN", years=2027, language="en_US")
    new_year = D(2027, 1, 1)
    assert fresh.day_info(new_year) == DayInfo(
        new_year,
        DayKind.PUBLIC_HOLIDAY,
        False,
        vi[new_year],
        en[new_year],
        attrs.evolve(document("45-2019-qh14"), article="Điều 112.1"),
        True,
    )
    # 4/2/2027: a row of the bundled file (Công văn 10065/VPCP-KGVX, reported) in a projected
    # year wins over the projection and stays provisional.
    tet = fresh.day_info(D(2027, 2, 4))
    assert tet.kind is DayKind.PUBLIC_HOLIDAY
    assert tet.legal_ref == document("10065-vpcp-kgvx")
    assert tet.provisional is True
    assert tet.name_vi == "Tết Nguyên đán (29 tháng Chạp)"
    # the last confirmed day and the first projected working day
    assert fresh.day_info(D(2026, 12, 31)).provisional is False
    assert fresh.day_info(D(2027, 1, 4)).provisional is True
    assert fresh.is_working_day(D(2027, 1, 4)) is True
    # a projected compensatory day: 24/11/2030 (Ngày Văn hóa Việt Nam) falls on a Sunday.
    compensatory = fresh.day_info(D(2030, 11, 25))
    assert compensatory.kind is DayKind.COMPENSATORY_DAY_OFF
    assert compensatory.legal_ref == attrs.evolve(document("45-2019-qh14"), article="Điều 111.3")


def test_projection_and_official_rows_at_the_edges_of_the_range(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A synthetic metadata (not a legal fact): confirmed through New Year's Day 2027, the range
    # ending on New Year's Day 2030, Sundays only as the weekly rest.
    meta, rows = load_bundled()
    edge = meta._replace(
        confirmed_through=D(2027, 1, 1),
        last_day=D(2030, 1, 1),
        weekly_rest=frozenset({6}),
    )
    projected = _national._projected(edge)
    assert D(2027, 1, 1) not in projected  # confirmed: not projected
    assert min(projected) > D(2027, 1, 1)
    assert max(projected) == D(2030, 1, 1)  # the last day of the range is projected
    assert projected[D(2030, 1, 1)].provisional is True
    assert all(day.year in (2027, 2028, 2029, 2030) for day in projected)
    row = OverlayRow(D(2027, 1, 1), "public_holiday", "Tết Dương lịch", "New Year's Day", REF)
    assert _national._official(edge, row).provisional is False  # on confirmed_through
    later = row._replace(date=D(2027, 1, 4))
    assert _national._official(edge, later).provisional is True
    monkeypatch.setattr(_national, "load_bundled", lambda: (edge, rows))
    local = _national._build()
    assert local.weekly_rest == frozenset({6})
    assert local.is_working_day(D(2026, 1, 3)) is True  # a Saturday works
    assert local.last_day == D(2030, 1, 1)
    assert local.confirmed_through == D(2027, 1, 1)
