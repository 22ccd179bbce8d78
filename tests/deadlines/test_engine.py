"""compute_deadline: counting rules of the Civil Code 2015 (Art. 147-148) and Decree 118/2025.

Expected dates use the official 2026 public-sector calendar (vn_public_sector_calendar.csv):
days off 1/1, 2/1 (swap, worked Sat 10/1), 16-20/2 (Tết), 27/4 (Giỗ Tổ, compensatory), 30/4,
1/5, 31/8 (swap, worked Sat 22/8), 1/9, 2/9, 24/11. Worked examples E1-E10 are those of
tthc_rules.md §7.

The second half pins exact results, messages and refusals (found by mutation testing, see
docs/quality.md); ACCEPTED is Monday 9/3/2026 09:00, and 9/3 to 20/3/2026 are all working
days (no holiday in March 2026).
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import VN_TZ
from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.deadlines import (
    Duration,
    DurationUnit,
    compute_deadline,
    counting_rule,
    extend,
    parse_processing_time,
    restart_after_supplement,
    switch_to_alternative,
    working_time_between,
)
from tthc.errors import (
    CalendarRangeError,
    DataFileError,
    DurationError,
    InputTypeError,
    NaiveDatetimeError,
    ProvisionalCalendarError,
)


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


WD = Duration.working_days

D = dt.date
#: Monday 9/3/2026 09:00: 9/3 to 20/3/2026 are all working days (no holiday in March 2026;
#: tests/data/vn_public_sector_calendar_reference.csv).
ACCEPTED = dt.datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ)


# --- worked examples (tthc_rules.md §7) ----------------------------------------------------------


def test_e1_counter_dossier_over_30_4_and_1_5() -> None:
    # E1: accepted Wed 29/4/2026 10:00, 5 ngày làm việc -> Fri 8/5/2026 (30/4, 1/5 holidays)
    d = compute_deadline(vn(2026, 4, 29, 10), WD(5))
    assert d.due_date == date(2026, 5, 8)
    assert d.due_at == vn(2026, 5, 8, 17)
    assert d.due_at.utcoffset() == timedelta(hours=7)
    assert [i.date for i in d.skipped] == [
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 5, 2),
        date(2026, 5, 3),
    ]
    assert not d.provisional
    text = d.explain()
    assert "30/04/2026 — Ngày Chiến thắng" in text
    assert "khoản 1 Điều 112" in text  # Labour Code 2019 Art. 112.1, from the calendar's DayInfo
    assert "khoản 2 Điều 147" in text
    assert "118/2025/NĐ-CP" in text
    assert "Thứ Sáu 08/05/2026 17:00" in text


def test_e2_acceptance_after_15h_does_not_move_the_clock_start() -> None:
    # E2: Điều 18.2 is a hand-off deadline; the clock started Wed 29/4 16:00
    assert compute_deadline(vn(2026, 4, 29, 16), WD(5)).due_date == date(2026, 5, 8)


def test_e3_online_dossier_submitted_at_night() -> None:
    # E3: submitted Sat 7/3/2026 21:00 -> 08 giờ làm việc to accept -> Mon 9/3/2026 17:00
    intake = compute_deadline(vn(2026, 3, 7, 21), Duration.working_hours(8))
    assert intake.due_at == vn(2026, 3, 9, 17)
    assert intake.start == vn(2026, 3, 9, 7, 30)
    # accepted Mon 9/3 09:15, 10 ngày làm việc -> Mon 23/3/2026
    assert compute_deadline(vn(2026, 3, 9, 9, 15), WD(10)).due_date == date(2026, 3, 23)


def test_e6_civil_status_same_day_and_the_15h_boundary() -> None:
    # E6 (Luật Hộ tịch 2014 Điều 5.3): Fri 6/3/2026 15:20 -> Mon 9/3; 14:50 -> same Friday
    same_day = parse_processing_time(
        "Ngay trong ngày tiếp nhận yêu cầu, trường hợp nhận hồ sơ sau 15 giờ mà không giải "
        "quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo."
    )
    assert compute_deadline(vn(2026, 3, 6, 15, 20), same_day).due_date == date(2026, 3, 9)
    assert compute_deadline(vn(2026, 3, 6, 14, 50), same_day).due_date == date(2026, 3, 6)
    # 15:00:00 itself is not "sau 15 giờ" (tthc_rules Q2); one microsecond later is
    assert compute_deadline(vn(2026, 3, 6, 15), same_day).due_date == date(2026, 3, 6)
    later = vn(2026, 3, 6, 15) + timedelta(microseconds=1)
    assert compute_deadline(later, same_day).due_date == date(2026, 3, 9)


def test_e7_civil_status_24_clock_hours_is_provisional_in_2027() -> None:
    # E7: Mon 1/3/2027 16:00 + 24 giờ -> Tue 2/3/2027 16:00; 2027 is a projected year
    d = compute_deadline(vn(2027, 3, 1, 16), Duration.clock_hours(24))
    assert d.due_at == vn(2027, 3, 2, 16)
    assert d.due_date == date(2027, 3, 2)
    assert d.provisional
    assert any("dự kiến" in line for line in d.explain().split("\n"))
    strict = civil_service_calendar(strict=True)
    with pytest.raises(ProvisionalCalendarError):
        compute_deadline(vn(2027, 3, 1, 16), Duration.clock_hours(24), calendar=strict)


def test_e8_certification() -> None:
    # E8: copy certification Fri 6/3/2026 15:20 -> Mon 9/3; contract, 02 ngày làm việc -> Tue 10/3
    assert compute_deadline(vn(2026, 3, 6, 15, 20), Duration.same_day()).due_date == date(
        2026, 3, 9
    )
    assert compute_deadline(vn(2026, 3, 6, 10), WD(2)).due_date == date(2026, 3, 10)


def test_e10_timestamp_view_of_two_days() -> None:
    # E10 (OpenCPS #354): Monday 10:00 + 2 days -> Wednesday; due date is Wed 11/3/2026
    d = compute_deadline(vn(2026, 3, 9, 10), WD(2))
    assert d.due_date == date(2026, 3, 11)
    assert compute_deadline(vn(2026, 3, 9, 10), Duration.working_hours(16)).due_at == vn(
        2026, 3, 11, 10
    )


# --- working days around the 2026 days off -------------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "n", "due"),
    [
        # Tết 2026: off Mon 16 - Fri 20/2, weekends 14-15 and 21-22
        (vn(2026, 2, 13, 10), 1, date(2026, 2, 23)),
        (vn(2026, 2, 12, 10), 5, date(2026, 2, 26)),
        # first day not counted even at 07:30 (BLDS 147.2)
        (vn(2026, 3, 9, 7, 30), 1, date(2026, 3, 10)),
        # Giỗ Tổ 26/4 fell on Sunday -> Mon 27/4 compensatory day off
        (vn(2026, 4, 24, 10), 1, date(2026, 4, 28)),
        # 2/9: Mon 31/8 (swap), Tue 1/9, Wed 2/9 off
        (vn(2026, 8, 28, 10), 1, date(2026, 9, 3)),
        # make-up Saturdays are working days: Sat 22/8/2026 and Sat 10/1/2026
        (vn(2026, 8, 21, 10), 1, date(2026, 8, 22)),
        (vn(2026, 1, 9, 10), 1, date(2026, 1, 10)),
        # year end: 1/1 and the 2/1/2026 swap
        (vn(2025, 12, 31, 10), 1, date(2026, 1, 5)),
        # 24/11/2026 Ngày Văn hóa Việt Nam
        (vn(2026, 11, 23, 10), 1, date(2026, 11, 25)),
        # receipts at night, on a weekend, on a holiday
        (vn(2026, 3, 9, 23, 59), 1, date(2026, 3, 10)),
        (vn(2026, 3, 7, 10), 1, date(2026, 3, 9)),
        (vn(2026, 4, 30, 10), 1, date(2026, 5, 4)),
        # month end
        (vn(2026, 3, 31, 10), 1, date(2026, 4, 1)),
    ],
)
def test_working_days(accepted: datetime, n: int, due: date) -> None:
    d = compute_deadline(accepted, WD(n))
    assert d.due_date == due
    assert d.rule.id == "working_days"


def test_year_end_into_a_projected_year() -> None:
    # Thu 31/12/2026 + 1 ngày làm việc: 1/1/2027 (statutory holiday, projected), weekend -> Mon 4/1
    d = compute_deadline(vn(2026, 12, 31, 10), WD(1))
    assert d.due_date == date(2027, 1, 4)
    assert d.provisional
    assert d.skipped[0].date == date(2027, 1, 1)
    assert "dự kiến" in d.explain()


# --- calendar days and months (BLDS 148.3, 148.5) -----------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "duration", "due"),
    [
        # +2 days = Fri 1/5/2026 (holiday) -> rolled to Mon 4/5 (BLDS 148.5)
        (vn(2026, 4, 29, 10), Duration.calendar_days(2), date(2026, 5, 4)),
        # E4(b): 15 days after Wed 11/3/2026 -> Thu 26/3
        (vn(2026, 3, 11, 10), Duration.calendar_days(15), date(2026, 3, 26)),
        # 31/1 + 1 tháng -> 28/2/2026 (no 31/2, BLDS 148.3) = Saturday -> Mon 2/3
        (vn(2026, 1, 31, 10), Duration.months(1), date(2026, 3, 2)),
        # 31/3 + 1 tháng -> 30/4 holiday, 1/5 holiday, weekend -> Mon 4/5
        (vn(2026, 3, 31, 10), Duration.months(1), date(2026, 5, 4)),
        # 15/11/2026 + 2 tháng -> 15/1/2027 (Friday)
        (vn(2026, 11, 15, 10), Duration.months(2), date(2027, 1, 15)),
        # leap year: 31/1/2028 + 1 tháng -> Tue 29/2/2028
        (vn(2028, 1, 31, 10), Duration.months(1), date(2028, 2, 29)),
        # 2 tuần = 14 days: Mon 9/3/2026 -> Mon 23/3
        (vn(2026, 3, 9, 10), parse_processing_time("2 tuần").require_base(), date(2026, 3, 23)),
    ],
)
def test_calendar_days_and_months(accepted: datetime, duration: Duration, due: date) -> None:
    assert compute_deadline(accepted, duration).due_date == due


def test_rolled_calendar_day_lists_the_days_moved_over() -> None:
    d = compute_deadline(vn(2026, 4, 29, 10), Duration.calendar_days(2))
    assert [i.date for i in d.skipped] == [date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3)]
    assert d.rule.id == "calendar_days"
    assert "khoản 5 Điều 148" in d.rule.cite()
    assert compute_deadline(vn(2026, 3, 9, 10), Duration.calendar_days(2)).skipped == ()


# --- working time inside office windows ---------------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "duration", "start", "due_at"),
    [
        # 1,5 ngày làm việc = 12 working hours: Mon 10:00 -> Tue 15:30 (lunch skipped)
        (vn(2026, 3, 9, 10), WD(Decimal("1.5")), vn(2026, 3, 9, 10), vn(2026, 3, 10, 15, 30)),
        # Fri 13/3 16:00 + 8 giờ làm việc -> Mon 16/3 16:00
        (vn(2026, 3, 13, 16), Duration.working_hours(8), vn(2026, 3, 13, 16), vn(2026, 3, 16, 16)),
        # received during lunch: starts 13:00
        (vn(2026, 3, 9, 12), Duration.working_hours(4), vn(2026, 3, 9, 13), vn(2026, 3, 9, 17)),
        # 11:00 + 1 h -> 11:30 + 30 min after lunch -> 13:30
        (vn(2026, 3, 9, 11), Duration.working_hours(1), vn(2026, 3, 9, 11), vn(2026, 3, 9, 13, 30)),
        # ending exactly at a window's end stays at 11:30
        (
            vn(2026, 3, 9, 7, 30),
            Duration.working_hours(4),
            vn(2026, 3, 9, 7, 30),
            vn(2026, 3, 9, 11, 30),
        ),
        # before opening -> 07:30
        (
            vn(2026, 3, 9, 6),
            Duration.working_hours(1),
            vn(2026, 3, 9, 7, 30),
            vn(2026, 3, 9, 8, 30),
        ),
        # exactly at closing -> next working day
        (
            vn(2026, 3, 9, 17),
            Duration.working_hours(1),
            vn(2026, 3, 10, 7, 30),
            vn(2026, 3, 10, 8, 30),
        ),
        # received on a holiday (30/4/2026) -> Mon 4/5 07:30
        (
            vn(2026, 4, 30, 10),
            Duration.working_hours(2),
            vn(2026, 5, 4, 7, 30),
            vn(2026, 5, 4, 9, 30),
        ),
        # 30 phút làm việc at 11:15 -> 13:15
        (
            vn(2026, 3, 9, 11, 15),
            Duration.working_minutes(30),
            vn(2026, 3, 9, 11, 15),
            vn(2026, 3, 9, 13, 15),
        ),
        # half a working day (buổi) on Tết eve: Fri 13/2 16:00 -> Mon 23/2 10:30
        (vn(2026, 2, 13, 16), WD(Decimal("0.5")), vn(2026, 2, 13, 16), vn(2026, 2, 23, 10, 30)),
    ],
)
def test_working_time(
    accepted: datetime, duration: Duration, start: datetime, due_at: datetime
) -> None:
    d = compute_deadline(accepted, duration)
    assert d.start == start
    assert d.due_at == due_at
    assert d.due_date == due_at.date()
    assert d.rule.id == "working_time"


def test_custom_office_hours() -> None:
    # Thanh Hóa's defaults: 07:00-11:30 and 13:30-17:00 (tthc_rules §1.4)
    hours = OfficeHours(((time(7), time(11, 30)), (time(13, 30), time(17))))
    d = compute_deadline(vn(2026, 3, 9, 11), Duration.working_hours(1), office_hours=hours)
    assert d.due_at == vn(2026, 3, 9, 14)
    assert compute_deadline(vn(2026, 3, 9, 10), WD(1), office_hours=hours).due_at == vn(
        2026, 3, 10, 17
    )


# --- clock time, same day, immediate ------------------------------------------------------------


def test_clock_minutes_and_hours_run_through_days_off() -> None:
    # "tối đa 60 phút" (3.000373): elapsed time
    assert compute_deadline(vn(2026, 3, 9, 16, 30), Duration.clock_minutes(60)).due_at == vn(
        2026, 3, 9, 17, 30
    )
    d = compute_deadline(vn(2026, 3, 6, 16), Duration.clock_hours(24))
    assert d.due_at == vn(2026, 3, 7, 16)  # a Saturday: not rolled
    assert d.notes
    assert "Q3" in d.notes[0]
    assert d.rule.id == "clock_time"


@pytest.mark.parametrize(
    ("accepted", "due"),
    [
        (vn(2026, 3, 7, 10), date(2026, 3, 9)),  # Saturday -> Monday
        (vn(2026, 4, 30, 10), date(2026, 5, 4)),  # holiday -> next working day
        (vn(2026, 3, 6, 22), date(2026, 3, 9)),  # Friday night -> Monday
        (vn(2026, 3, 9, 6, 0), date(2026, 3, 9)),  # before opening, before the cut-off
        (vn(2026, 8, 21, 15, 30), date(2026, 8, 22)),  # after the cut-off -> make-up Saturday
    ],
)
def test_same_day(accepted: datetime, due: date) -> None:
    d = compute_deadline(accepted, Duration.same_day())
    assert d.due_date == due
    assert d.rule.id == "same_day"


def test_same_day_without_cutoff_and_immediate() -> None:
    late = compute_deadline(vn(2026, 3, 9, 18), Duration.same_day(None))
    assert late.due_date == date(2026, 3, 9)
    assert late.due_at == vn(2026, 3, 9, 18)
    assert compute_deadline(vn(2026, 3, 9, 10), Duration.immediate()).due_at == vn(2026, 3, 9, 10)
    assert compute_deadline(vn(2026, 3, 9, 12), Duration.immediate()).due_at == vn(2026, 3, 9, 13)
    weekend = compute_deadline(vn(2026, 3, 7, 10), Duration.immediate())
    assert weekend.due_at == vn(2026, 3, 9, 7, 30)
    assert weekend.rule.id == "immediate"


def test_processing_time_start_shift_after_cutoff() -> None:
    # 3.000722: "Nếu tiếp nhận hồ sơ sau 15 giờ thì thời gian được tính bắt đầu từ ngày làm việc
    # tiếp theo" -> Mon 9/3/2026 16:00 counts as received Tue 10/3 -> 3 NLV -> Fri 13/3
    pt = parse_processing_time(
        "Ba (03) ngày làm việc kể từ khi nhận đủ hồ sơ. Nếu tiếp nhận hồ sơ sau 15 giờ thì thời "
        "gian được tính bắt đầu từ ngày làm việc tiếp theo."
    )
    late = compute_deadline(vn(2026, 3, 9, 16), pt)
    assert late.start == vn(2026, 3, 10, 7, 30)
    assert late.due_date == date(2026, 3, 13)
    assert compute_deadline(vn(2026, 3, 9, 14), pt).due_date == date(2026, 3, 12)


def test_other_time_zones_are_converted_to_vietnam_time() -> None:
    utc = datetime(2026, 3, 9, 3, tzinfo=timezone.utc)  # 10:00 in Vietnam
    assert compute_deadline(utc, Duration.working_hours(1)).due_at == vn(2026, 3, 9, 11)
    # 17:30 UTC on 29/4 is already 00:30 on 30/4 in Vietnam
    late_utc = datetime(2026, 4, 28, 17, 30, tzinfo=timezone.utc)
    assert compute_deadline(late_utc, Duration.same_day()).due_date == date(2026, 4, 29)


def test_to_dict_and_rule_lookup() -> None:
    data = compute_deadline(vn(2026, 4, 29, 10), WD(5)).to_dict()
    assert data["due_date"] == "2026-05-08"
    assert data["duration"] == {"amount": "5", "unit": "working_day", "cutoff": None}
    assert data["skipped"][0]["name_vi"].startswith("Ngày Chiến thắng")
    assert counting_rule("months").legal_refs[1].article == "Điều 148.3"
    with pytest.raises(DataFileError):
        counting_rule("nope")


# --- errors -------------------------------------------------------------------------------------


def test_errors() -> None:
    with pytest.raises(NaiveDatetimeError):
        compute_deadline(datetime(2026, 4, 29, 10), WD(5))
    with pytest.raises(InputTypeError):
        compute_deadline(date(2026, 4, 29), WD(5))  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        compute_deadline(vn(2026, 4, 29, 10), "05 ngày làm việc")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        compute_deadline(vn(2026, 4, 29, 10), WD(5), calendar="national")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        compute_deadline(vn(2026, 4, 29, 10), WD(5), office_hours=(7, 17))  # type: ignore[arg-type]
    with pytest.raises(DurationError):
        compute_deadline(vn(2026, 4, 29, 10), parse_processing_time("Không quy định"))
    with pytest.raises(CalendarRangeError):
        compute_deadline(vn(2035, 12, 30, 10), WD(10))
    with pytest.raises(CalendarRangeError):
        compute_deadline(vn(2014, 6, 2, 10), WD(1))
    with pytest.raises(CalendarRangeError):
        compute_deadline(vn(2035, 12, 30, 10), Duration.calendar_days(5))
    with pytest.raises(CalendarRangeError):
        compute_deadline(vn(2035, 12, 30, 10), Duration.clock_hours(72))
    with pytest.raises(CalendarRangeError):
        compute_deadline(vn(2035, 12, 1, 10), Duration.months(1200))
    with pytest.raises(DurationError):
        compute_deadline(vn(2035, 12, 1, 10), Duration.months(99_999))
    with pytest.raises(CalendarRangeError):
        compute_deadline(vn(2035, 12, 1, 10), Duration.calendar_days(99_999))


# --- invariants ---------------------------------------------------------------------------------

_instants = st.datetimes(min_value=datetime(2016, 1, 1), max_value=datetime(2034, 6, 30)).map(
    lambda d: d.replace(tzinfo=VN_TZ)
)
_units = st.sampled_from(
    [
        DurationUnit.WORKING_DAY,
        DurationUnit.CALENDAR_DAY,
        DurationUnit.MONTH,
        DurationUnit.WORKING_HOUR,
        DurationUnit.CLOCK_HOUR,
    ]
)


def _duration(unit: DurationUnit, n: int) -> Duration:
    return Duration(min(n, 12) if unit is DurationUnit.MONTH else n, unit)


@settings(max_examples=60, deadline=None)
@given(_instants, _units, st.integers(min_value=1, max_value=60))
def test_due_is_never_before_acceptance(accepted: datetime, unit: DurationUnit, n: int) -> None:
    d = compute_deadline(accepted, _duration(unit, n))
    assert d.due_date >= accepted.date()
    assert d.due_at >= accepted
    if unit is not DurationUnit.CLOCK_HOUR:
        assert civil_service_calendar().is_working_day(d.due_date)


@settings(max_examples=60, deadline=None)
@given(_instants, st.integers(min_value=0, max_value=20_000), _units, st.integers(1, 40))
def test_monotone_in_acceptance_time(
    accepted: datetime, minutes: int, unit: DurationUnit, n: int
) -> None:
    duration = _duration(unit, n)
    first = compute_deadline(accepted, duration)
    second = compute_deadline(accepted + timedelta(minutes=minutes), duration)
    assert first.due_date <= second.due_date
    assert first.due_at <= second.due_at


@settings(max_examples=60, deadline=None)
@given(_instants, _units, st.integers(1, 40), st.integers(0, 40))
def test_monotone_in_amount(accepted: datetime, unit: DurationUnit, n: int, more: int) -> None:
    first = compute_deadline(accepted, _duration(unit, n))
    second = compute_deadline(accepted, _duration(unit, n + more))
    assert first.due_date <= second.due_date
    assert first.due_at <= second.due_at


@settings(max_examples=60, deadline=None)
@given(
    _instants,
    st.integers(1, 30),
    st.sampled_from([Decimal("0.25"), Decimal("0.5"), Decimal("0.75")]),
)
def test_fractional_days_lie_between_whole_days(accepted: datetime, n: int, frac: Decimal) -> None:
    below = compute_deadline(accepted, WD(n)).due_date
    middle = compute_deadline(accepted, WD(Decimal(n) + frac)).due_date
    above = compute_deadline(accepted, WD(n + 1)).due_date
    assert below <= middle <= above
    assert civil_service_calendar().is_working_day(middle)


@settings(max_examples=40, deadline=None)
@given(_instants, st.integers(1, 40))
def test_working_day_due_dates_are_the_nth_working_day(accepted: datetime, n: int) -> None:
    cal = civil_service_calendar()
    d = compute_deadline(accepted, WD(n))
    assert cal.working_days_between(accepted.date(), d.due_date) == n
    assert cal.is_working_day(d.due_date)
    assert all(not info.is_working_day for info in d.skipped)


# --- CLI, example and benchmark smoke -----------------------------------------------------------


def _cli(argv: list[str]) -> int:
    import argparse

    from tthc.cli._deadline import register

    parser = argparse.ArgumentParser(prog="tthc")
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_cli_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    # naive --accepted is read as Vietnam time (E1)
    assert _cli(["deadline", "--accepted", "2026-04-29 10:00", "--time", "05 ngày làm việc"]) == 0
    out = capsys.readouterr().out
    assert "Ngày hẹn trả (due date): 08/05/2026" in out
    assert "30/04/2026 — Ngày Chiến thắng" in out
    argv = ["deadline", "--accepted", "2026-04-29T03:00+00:00", "--time", "5 Ngày làm việc"]
    assert _cli([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["due_date"] == "2026-05-08"
    assert data["accepted_at"] == "2026-04-29T10:00:00+07:00"


@pytest.mark.parametrize(
    ("accepted", "text", "code"),
    [
        ("2026-04-29 10:00", "3", "deadline.unparsable"),
        ("29/4/2026", "5 ngày", "input.wrong_type"),
        (
            "2026-04-29 10:00",
            "Trực tuyến: 15 Ngày làm việc; Trực tiếp: 5 Ngày làm việc",
            # issue 15: channels labelled in the text need the channel named (was
            # deadline.invalid_duration from require_base)
            "deadline.case_required",
        ),
        ("2035-12-30 10:00", "10 ngày làm việc", "calendar.out_of_range"),
    ],
)
def test_cli_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], accepted: str, text: str, code: str
) -> None:
    assert _cli(["deadline", "--accepted", accepted, "--time", text]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"error[{code}]: ")
    assert captured.err.count("\n") == 1


def test_receipt_slip_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import runpy
    from pathlib import Path

    path = Path(__file__).parents[2] / "examples" / "deadline_receipt_slip.py"
    runpy.run_path(str(path), run_name="__main__")
    out = capsys.readouterr().out
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in out
    assert "17:00, 08/05/2026" in out


def test_benchmark_smoke() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parents[2] / "bench" / "bench_deadlines.py"
    spec = importlib.util.spec_from_file_location("bench_deadlines", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.run(3)
    # 13 rows, plus one uncached parse_processing_time row per text (issue 15: readings are
    # cached on the text, so the cached and the uncached paths are both timed), plus two
    # compute_deadline rows of a limit read from a text (issue 20)
    assert len(rows) == 13 + len(module.TEXTS) + 2
    assert [label for label, _ in rows].count(
        "compute_deadline, limit read from the structured text"
    ) == 1
    assert all(micros > 0 for _, micros in rows)


@pytest.mark.parametrize("page", ["fundamentals/deadlines.md", "guide/deadlines.md"])
def test_docs_code_blocks_run(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    import re
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    for index, block in enumerate(blocks):
        exec(compile(block, f"{page}#{index}", "exec"), {})
    capsys.readouterr()


# --- the fast path (issue 3) gives exactly the general path's answer --------------------------------

_UTC = timezone.utc


@settings(max_examples=60, deadline=None)
@given(
    st.datetimes(min_value=datetime(2016, 1, 2), max_value=datetime(2034, 1, 1)),
    st.integers(min_value=1, max_value=400),
)
def test_fast_path_equals_general_path(local: datetime, days: int) -> None:
    # the fast path takes an instant already in VN_TZ; the same instant in UTC takes the general
    # path (conversion, _compute): both must agree on every field and on the explanation
    vn_time = local.replace(tzinfo=VN_TZ)
    fast = compute_deadline(vn_time, Duration.working_days(days))
    general = compute_deadline(vn_time.astimezone(_UTC), Duration.working_days(days))
    assert fast == general
    assert fast.calendar is general.calendar
    assert fast.explain() == general.explain()
    assert fast.to_dict() == general.to_dict()
    # and so does a fraction-free Decimal amount given as text
    assert compute_deadline(vn_time, Duration.working_days(f"{days},0")) == fast


def test_fast_path_keeps_the_checks() -> None:
    cal = civil_service_calendar()
    with pytest.raises(CalendarRangeError):
        compute_deadline(datetime(2040, 1, 2, 9, tzinfo=VN_TZ), Duration.working_days(5))
    strict = civil_service_calendar(strict=True)
    after = cal.confirmed_through + timedelta(days=3)
    with pytest.raises(ProvisionalCalendarError):
        compute_deadline(
            datetime.combine(after, time(9), VN_TZ), Duration.working_days(2), calendar=strict
        )
    # a projected year is marked provisional, as on the general path
    d = compute_deadline(datetime.combine(after, time(9), VN_TZ), Duration.working_days(2))
    assert d.provisional
    with pytest.raises(InputTypeError):
        compute_deadline(
            datetime(2026, 4, 29, 10, tzinfo=VN_TZ), Duration.working_days(5), calendar=1
        )  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        compute_deadline(
            datetime(2026, 4, 29, 10, tzinfo=VN_TZ),
            Duration.working_days(5),
            office_hours="8h",  # type: ignore[arg-type]
        )


# --- exact results and refusals -------------------------------------------------------------------


def test_deadline_to_dict_is_exact() -> None:
    # Accepted Wed 29/4/2026 10:00, 5 working days: 30/4 and 1/5 are public holidays (Labour
    # Code 2019 Art. 112.1), 2-3/5 a weekend, so the days counted are 4-8/5 and the due date is
    # Fri 8/5/2026. Extended on 6/5 to Tue 12/5 (Decree 118/2025 Art. 19.6).
    base = compute_deadline(dt.datetime(2026, 4, 29, 10, tzinfo=VN_TZ), WD(5))
    assert base.due_date == D(2026, 5, 8)
    moved = extend(base, requested_on=D(2026, 5, 6), new_duration_or_due=D(2026, 5, 12))
    labour_code = "khoản 1 Điều 112, Bộ luật Lao động 45/2019/QH14 (Quốc hội, 20/11/2019)"
    qd188 = "Điều 1, Quyết định 188/1999/QĐ-TTg (Thủ tướng Chính phủ, 17/09/1999)"
    nd118 = "Nghị định 118/2025/NĐ-CP (Chính phủ, 09/06/2025)"
    blds = "Bộ luật Dân sự 91/2015/QH13 (Quốc hội, 24/11/2015)"
    legal_basis = f"khoản 3 Điều 17, {nd118}; khoản 2 Điều 147, {blds}; khoản 1 Điều 148, {blds}"
    week = "Ngày nghỉ hằng tuần (Thứ Bảy, Chủ nhật)"
    week_en = "Weekly rest day (Saturday, Sunday)"

    def day(iso: str, kind: str, vi: str, en: str, ref: str) -> dict[str, object]:
        return {"date": iso, "kind": kind, "name_vi": vi, "name_en": en, "legal_ref": ref}

    skipped = [
        day("2026-04-30", "public_holiday", "Ngày Chiến thắng (30/4)", "Reunification Day", labour_code),
        day("2026-05-01", "public_holiday", "Ngày Quốc tế Lao động (1/5)", "International Labour Day", labour_code),
        day("2026-05-02", "weekend", f"Thứ Bảy ({week})", f"Saturday ({week_en})", qd188),
        day("2026-05-03", "weekend", f"Chủ nhật ({week})", f"Sunday ({week_en})", qd188),
        day("2026-05-09", "weekend", f"Thứ Bảy ({week})", f"Saturday ({week_en})", qd188),
        day("2026-05-10", "weekend", f"Chủ nhật ({week})", f"Sunday ({week_en})", qd188),
    ]  # fmt: skip
    explanation = [
        "Tiếp nhận (accepted): Thứ Tư 29/04/2026 10:00",
        "Thời hạn (limit): 5 ngày làm việc (5 working days)",
        "Quy tắc (rule): Thời hạn tính bằng ngày làm việc (Limit in working days) — Due on the "
        "N-th working day strictly after the acceptance date (the acceptance date is not "
        "counted), by the end of office hours of that day.",
        f"Căn cứ (legal basis): {legal_basis}",
        "Ngày nghỉ không tính (days off skipped): 6",
        *(
            f"  {d['date'][8:]}/{d['date'][5:7]}/{d['date'][:4]} — {d['name_vi']} ({d['name_en']})"  # type: ignore[index]
            f" — {d['legal_ref']}"
            for d in skipped
        ),
        "Hạn trả kết quả (due): Thứ Ba 12/05/2026 17:00",
        "Lịch sử (history): Gia hạn, hẹn lại ngày trả kết quả Thứ Tư 06/05/2026 00:00 — hạn cũ (previous due) 08/05/2026 "
        f"→ 12/05/2026 — khoản 6 Điều 19, {nd118}; khoản 5 Điều 12, {nd118}",
    ]
    data = moved.to_dict()
    # Legal references have one JSON shape (LegalRef.to_dict); compare them by citation here,
    # and one of them whole.
    assert data["rule"]["legal_refs"][0] == {
        "document": "118/2025/NĐ-CP",
        "kind": "Nghị định",
        "issuer": "Chính phủ",
        "date": "2025-06-09",
        "article": "Điều 17.3",
        "url": None,
        "title": "Thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ "
        "phận Một cửa và Cổng Dịch vụ công quốc gia",
        "confidence": "official",
        "citation": f"khoản 3 Điều 17, {nd118}",
    }
    data["skipped"] = [{**d, "legal_ref": d["legal_ref"]["citation"]} for d in data["skipped"]]
    data["rule"]["legal_refs"] = "; ".join(r["citation"] for r in data["rule"]["legal_refs"])
    for change in data["history"]:
        change["legal_refs"] = "; ".join(r["citation"] for r in change["legal_refs"])
    assert data == {
        "accepted_at": "2026-04-29T10:00:00+07:00",
        "start": "2026-04-29T10:00:00+07:00",
        "duration": {"amount": "5", "unit": "working_day", "cutoff": None},
        "due_date": "2026-05-12",
        "due_at": "2026-05-12T17:00:00+07:00",
        "provisional": False,
        "skipped": skipped,
        "rule": {"id": "working_days", "legal_refs": legal_basis},
        "history": [
            {
                "kind": "extension",
                "at": "2026-05-06T00:00:00+07:00",
                "previous_due_date": "2026-05-08",
                "new_due_date": "2026-05-12",
                "legal_refs": f"khoản 6 Điều 19, {nd118}; khoản 5 Điều 12, {nd118}",
            }
        ],
        "notes": [],
        "explanation": explanation,
    }
    assert moved.explain() == "\n".join(explanation)
    assert (moved.original_due_date, moved.first_accepted_at) == (D(2026, 5, 8), base.accepted_at)
    assert (base.original_due_date, base.first_accepted_at) == (D(2026, 5, 8), base.accepted_at)


# The hints of tthc.calendar._defaults, the one place that resolves the default calendar and
# office hours.
CALENDAR_HINT = "pass tthc.calendar.civil_service_calendar() or a calendar derived from it"
HOURS_HINT = "pass tthc.calendar.OfficeHours(...) or None for 07:30–11:30, 13:00–17:00"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: compute_deadline(ACCEPTED, WD(5), calendar="VN"), (InputTypeError, "Lịch làm việc (calendar): expected a WorkCalendar, got str", {"argument": "calendar", "got": "str"}, CALENDAR_HINT)),
        (lambda: compute_deadline(ACCEPTED, WD(5), office_hours=((7, 11),)), (InputTypeError, "Giờ làm việc (office hours): expected an OfficeHours, got tuple", {"argument": "office_hours", "got": "tuple"}, HOURS_HINT)),
        (lambda: compute_deadline(ACCEPTED, "05 ngày làm việc"), (InputTypeError, "Thời hạn (duration): expected a Duration or a ProcessingTime, got str", {"argument": "duration", "got": "str"}, "parse text first: parse_processing_time('05 ngày làm việc')")),
        (lambda: compute_deadline(ACCEPTED, Duration.months(100_000)), (DurationError, "Thời hạn (duration): 100000 tháng from 2026-03-09 is beyond the year 9999", {"months": 100_000}, None)),
    ],
)  # fmt: skip
def test_compute_deadline_refusals_are_exact(
    call: object, expected: tuple[type[Exception], str, dict[str, object], str | None]
) -> None:
    error, message, context, hint = expected
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert info.value.message == message  # type: ignore[attr-defined]
    assert info.value.context == context  # type: ignore[attr-defined]
    assert info.value.hint == hint  # type: ignore[attr-defined]


def test_unknown_counting_rule() -> None:
    with pytest.raises(DataFileError) as info:
        counting_rule("nope")
    assert info.value.message == "Quy tắc tính thời hạn (counting rule) 'nope' is not defined"
    assert info.value.context["file"] == "counting_rules.json"
    assert info.value.context["field"] == "id"
    known = info.value.context["known"]
    assert known == sorted(known)
    assert {"working_days", "months", "clock_time", "extension"} <= set(known)
    assert counting_rule("months").id == "months"


def test_clock_limits_over_a_day_off_and_outside_the_calendar() -> None:
    # 24 giờ (Luật Hộ tịch 2026) from Fri 13/3/2026 09:00 runs through the night: Sat 09:00
    d = compute_deadline(dt.datetime(2026, 3, 13, 9, tzinfo=VN_TZ), Duration.clock_hours(24))
    assert d.due_at == dt.datetime(2026, 3, 14, 9, tzinfo=VN_TZ)
    note = (
        "hạn rơi vào ngày nghỉ; thời hạn tính bằng giờ chạy liên tục (the due instant falls on a "
        "day off; clock-hour limits run through days off — open question Q3)"
    )
    assert d.notes == (note,)
    assert d.explain().split("\n")[-1] == f"Lưu ý (note): {note}"
    assert "Ngày nghỉ không tính (days off skipped): 0" in d.explain().split("\n")
    assert compute_deadline(ACCEPTED, Duration.clock_hours(24)).notes == ()
    for start in (
        dt.datetime(9999, 12, 31, 23, tzinfo=VN_TZ),
        dt.datetime(2014, 12, 31, tzinfo=VN_TZ),
    ):
        with pytest.raises(CalendarRangeError):
            compute_deadline(start, Duration.clock_hours(24))


CUTOFF_TEXT = (
    "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì thời gian "
    "được tính bắt đầu từ ngày làm việc tiếp theo"
)


def test_counting_starts_the_next_working_day_after_the_cutoff() -> None:
    # the catalogue wording (e.g. procedure 3.000722): "sau 15 giờ" is strictly after 15:00:00
    rule = parse_processing_time(CUTOFF_TEXT)
    at_cutoff = compute_deadline(dt.datetime(2026, 3, 9, 15, tzinfo=VN_TZ), rule)
    assert (at_cutoff.start, at_cutoff.due_date, at_cutoff.notes) == (
        dt.datetime(2026, 3, 9, 15, tzinfo=VN_TZ),
        D(2026, 3, 16),
        (),
    )
    after = compute_deadline(dt.datetime(2026, 3, 9, 15, 1, tzinfo=VN_TZ), rule)
    assert after.start == dt.datetime(2026, 3, 10, 7, 30, tzinfo=VN_TZ)
    assert after.due_date == D(2026, 3, 17)
    (note,) = after.notes
    assert note.startswith(
        "tiếp nhận sau 15:00: tính từ ngày làm việc tiếp theo (received after 15:00: counted as "
        "received 10/03/2026 07:30) — "
    )
    assert note.endswith(counting_rule("start_after_cutoff").cite())
    assert "Bắt đầu tính (counting starts): Thứ Ba 10/03/2026 07:30" in after.explain().split("\n")
    assert not any(line.startswith("Bắt đầu tính") for line in at_cutoff.explain().split("\n"))
    # a restart keeps the procedure's rule: received 11/3 16:00 counts from 12/3
    restarted = restart_after_supplement(after, dt.datetime(2026, 3, 11, 16, tzinfo=VN_TZ))
    assert restarted.start == dt.datetime(2026, 3, 12, 7, 30, tzinfo=VN_TZ)
    assert restarted.due_date == D(2026, 3, 19)
    assert restarted.history[-1].reason == ""
    # so does a switch to a longer limit: 10 working days from 10/3
    # (counted as received 10/3, so the days run from 11/3: 11-13, 16-20, 23, 24)
    longer = switch_to_alternative(after, WD(10), recorded_at=after.start)
    assert longer.due_date == D(2026, 3, 24)
    # the result-side cut-off of a same-day limit does not move the start
    same_day = parse_processing_time(
        "Trong ngày; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"
    )
    late = compute_deadline(dt.datetime(2026, 3, 9, 16, tzinfo=VN_TZ), same_day)
    assert (late.start, late.due_date, late.start_after_cutoff, late.notes) == (
        dt.datetime(2026, 3, 9, 16, tzinfo=VN_TZ),
        D(2026, 3, 10),
        None,
        (),
    )


def test_a_projected_year_is_said_so() -> None:
    d = compute_deadline(dt.datetime(2027, 3, 9, 9, tzinfo=VN_TZ), WD(5))
    assert d.provisional is True
    lines = d.explain().split("\n")
    assert lines[-1] == (
        "Lưu ý (note): dự kiến — lịch nghỉ của năm này chưa được công bố chính thức "
        "(provisional: the year's days off are not yet officially announced)"
    )
    assert lines[-3].startswith("  14/03/2027 — Chủ nhật (")
    assert lines[-3].endswith(" — dự kiến (projected)")
    assert d.to_dict()["skipped"][0]["legal_ref"]["citation"] == (
        "Điều 1, Quyết định 188/1999/QĐ-TTg (Thủ tướng Chính phủ, 17/09/1999)"
    )


def test_fractions_round_half_up_to_the_microsecond() -> None:
    # 0,000000075 working minutes = 4.5 µs: rounded half up, as documented, to 5 µs
    d = compute_deadline(ACCEPTED, Duration.working_minutes("0.000000075"))
    assert d.due_at == ACCEPTED + dt.timedelta(microseconds=5)
    assert working_time_between(ACCEPTED, ACCEPTED + dt.timedelta(microseconds=7)) == (
        dt.timedelta(microseconds=7)
    )
