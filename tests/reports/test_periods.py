"""Reporting periods of Thông tư 09/2026/TT-BTP (Điều 9, Điều 10 → Nghị định 09/2019 Điều 12)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc.errors import InputTypeError
from tthc.reports import PeriodKind, ReportPeriod, parse_period

D = dt.date


@pytest.mark.parametrize(
    ("period", "start", "end", "label"),
    [
        # A month runs from the 15th of the previous month to the 14th (09/2019 Điều 12.1).
        (ReportPeriod.month(2026, 4), D(2026, 3, 15), D(2026, 4, 14), "Tháng 4 năm 2026"),
        (ReportPeriod.month(2026, 1), D(2025, 12, 15), D(2026, 1, 14), "Tháng 1 năm 2026"),
        # A quarter from the 15th of the month before it to the 14th of its last month.
        (ReportPeriod.quarter(2026, 1), D(2025, 12, 15), D(2026, 3, 14), "Quý I năm 2026"),
        (ReportPeriod.quarter(2026, 3), D(2026, 6, 15), D(2026, 9, 14), "Quý III năm 2026"),
        # The first six months: 15/12 of the previous year to 14/6.
        (ReportPeriod.half_year(2026), D(2025, 12, 15), D(2026, 6, 14), "06 tháng đầu năm 2026"),
        (
            ReportPeriod.half_year(2026, 2),
            D(2026, 6, 15),
            D(2026, 12, 14),
            "06 tháng cuối năm 2026",
        ),
        # The year: 15/12 of the previous year to 14/12.
        (ReportPeriod.year_of(2026), D(2025, 12, 15), D(2026, 12, 14), "Năm 2026"),
    ],
)
def test_dates_and_labels(period: ReportPeriod, start: dt.date, end: dt.date, label: str) -> None:
    assert (period.start, period.end, period.label) == (start, end, label)
    assert period.range_label == f"(Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"
    assert period.contains(start)
    assert period.contains(end)
    assert not period.contains(end + dt.timedelta(days=1))
    assert not period.contains(start - dt.timedelta(days=1))


def test_str_and_legal_basis() -> None:
    period = ReportPeriod.month(2026, 9)
    assert str(period) == "Tháng 9 năm 2026 (Từ ngày 15/08/2026 đến ngày 14/09/2026)"
    rule, applied_by = period.legal_basis
    assert (rule.document, rule.article) == ("09/2019/NĐ-CP", "Điều 12")
    assert (applied_by.document, applied_by.article) == ("09/2026/TT-BTP", "Điều 10")


def test_which_periods_are_filed() -> None:
    # Điều 9: months 1, 2, 4, 5, 7, 8, 10, 11; quarters I and III; the first half; the year.
    filed = [m for m in range(1, 13) if ReportPeriod.month(2026, m).is_filed]
    assert filed == [1, 2, 4, 5, 7, 8, 10, 11]
    assert [q for q in range(1, 5) if ReportPeriod.quarter(2026, q).is_filed] == [1, 3]
    assert ReportPeriod.half_year(2026).is_filed
    assert not ReportPeriod.half_year(2026, 2).is_filed
    assert ReportPeriod.year_of(2026).is_filed


def test_previous_and_next_cross_the_year() -> None:
    assert ReportPeriod.month(2026, 1).previous() == ReportPeriod.month(2025, 12)
    assert ReportPeriod.quarter(2026, 1).previous() == ReportPeriod.quarter(2025, 4)
    assert ReportPeriod.year_of(2026).previous() == ReportPeriod.year_of(2025)
    assert ReportPeriod.month(2026, 12).next() == ReportPeriod.month(2027, 1)


_PERIODS = st.one_of(
    st.builds(ReportPeriod.month, st.integers(2001, 9000), st.integers(1, 12)),
    st.builds(ReportPeriod.quarter, st.integers(2001, 9000), st.integers(1, 4)),
    st.builds(ReportPeriod.half_year, st.integers(2001, 9000), st.integers(1, 2)),
    st.builds(ReportPeriod.year_of, st.integers(2001, 9000)),
)


@given(_PERIODS)
def test_consecutive_periods_tile_time(period: ReportPeriod) -> None:
    # No day is counted twice or lost between two reports: what is pending at the end of N-1
    # is exactly what is carried into N.
    assert period.previous().end + dt.timedelta(days=1) == period.start
    assert period.next().previous() == period
    assert period.start <= period.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04", ReportPeriod.month(2026, 4)),
        ("2026-q3", ReportPeriod.quarter(2026, 3)),
        (" 2026-H1 ", ReportPeriod.half_year(2026)),
        ("2026", ReportPeriod.year_of(2026)),
    ],
)
def test_parse_period(text: str, expected: ReportPeriod) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "2026-H3", "April", "", "2026-Qx"])
def test_parse_period_refuses(text: str) -> None:
    with pytest.raises(InputTypeError, match="reporting period"):
        parse_period(text)


def test_parse_period_needs_a_string() -> None:
    with pytest.raises(InputTypeError, match="must be a string"):
        parse_period(202604)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "year", "number"),
    [
        (PeriodKind.MONTH, 2026, 0),
        (PeriodKind.MONTH, 2026, 13),
        (PeriodKind.QUARTER, 2026, 5),
        (PeriodKind.HALF_YEAR, 2026, 3),
        (PeriodKind.YEAR, 2026, 2),
        (PeriodKind.MONTH, 1999, 1),
        (PeriodKind.MONTH, 2026, True),
        (PeriodKind.MONTH, "2026", 1),
        ("month", 2026, 1),
    ],
)
def test_bad_periods(kind: object, year: object, number: object) -> None:
    with pytest.raises(InputTypeError):
        ReportPeriod(kind, year, number)  # type: ignore[arg-type]


def test_kind_labels() -> None:
    assert PeriodKind.QUARTER.name_vi == "Quý"
    assert PeriodKind("half_year") is PeriodKind.HALF_YEAR
